/**
 * A contents list → a real table of contents: a TOC field (ECMA-376 §17.16.5.68) over the
 * level-1 headings, hyperlinked (`\h`), in Word's Table of Contents content control. Its cached
 * entries are the list's texts, each linked to its heading's bookmark, so the table reads right
 * before any update; Word asks to update it on opening (the field is dirty) and fills the page
 * numbers, and LibreOffice updates it with Tools › Update.
 */
import { LeaderType, TableOfContents } from 'docx';
import { contentsEntries, plainText } from '../../../document/contents.js';
import type { ListBlock } from '../../../document/model.js';
import { bookmarkName } from '../bookmarks.js';
import type { BlockContext, BodyChild } from '../context.js';

export function renderContents(list: ListBlock, targets: readonly string[], ctx: BlockContext): BodyChild[] {
  const digits = new Intl.NumberFormat(ctx.doc.lang, { useGrouping: false });
  const entries = contentsEntries(list, (n) => digits.format(n)).map((title, i) => ({
    title: plainText(title).replace(/[\u202a-\u202e\u2066-\u2069]/g, ''),
    level: 1,
    ...(targets[i] ? { href: bookmarkName(targets[i]) } : {}),
  }));
  return [new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1', cachedEntries: entries, tabLeader: LeaderType.DOT })];
}

