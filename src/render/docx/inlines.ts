/**
 * Inline content → paragraph children: text runs, hyperlinks (`w:hyperlink`, ECMA-376
 * §17.16.22), hard breaks (`w:br`, §17.3.3.1) and footnote references (§17.11.14).
 * Every string is literal: docx escapes it for XML and nothing here parses it.
 */
import { ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Direction, Inline } from '../../document/model.js';
import type { DocumentContext } from './context.js';
import { bookmarkName } from './bookmarks.js';
import { textRuns, type RunFormat } from './text-runs.js';

/** Where inline content is being written. */
export interface InlineContext {
  readonly doc: DocumentContext;
  /** Direction of the paragraph the runs are in (code blocks stay left-to-right in RTL documents). */
  readonly direction: Direction;
}

/** Renders inline content with the formatting `format` inherited from around it. */
export function renderInlines(inlines: readonly Inline[], ctx: InlineContext, format: RunFormat = {}): ParagraphChild[] {
  return inlines.flatMap((inline) => renderInline(inline, ctx, format));
}

function renderInline(inline: Inline, ctx: InlineContext, format: RunFormat): ParagraphChild[] {
  switch (inline.type) {
    case 'text':
      return textRuns(inline.value, format, ctx.doc, ctx.direction);
    case 'emphasis':
      return renderInlines(inline.children, ctx, { ...format, italic: true });
    case 'strong':
      return renderInlines(inline.children, ctx, { ...format, bold: true });
    case 'code':
      return textRuns(inline.value, { ...format, code: true }, ctx.doc, ctx.direction);
    case 'break':
      return [new TextRun({ break: 1 })];
    case 'footnoteRef':
      return [new FootnoteReferenceRun(inline.number)];
    case 'link':
      return [renderLink(inline.url, inline.children, ctx, format)];
  }
}

/**
 * A link to `#id` points at the bookmark of the heading with that id; any other URL is
 * an external hyperlink, whose target goes into the part's relationships.
 * A link inside a link keeps only the outer one (Word cannot nest them).
 */
function renderLink(url: string, children: readonly Inline[], ctx: InlineContext, format: RunFormat): ParagraphChild {
  const runs = renderInlines(unwrapLinks(children), ctx, { ...format, link: true });
  if (url.startsWith('#') && url.length > 1) return new InternalHyperlink({ anchor: bookmarkName(url.slice(1)), children: runs });
  return new ExternalHyperlink({ link: url, children: runs });
}

function unwrapLinks(inlines: readonly Inline[]): Inline[] {
  return inlines.flatMap((inline): Inline[] => {
    if (inline.type === 'link') return unwrapLinks(inline.children);
    if (inline.type === 'emphasis' || inline.type === 'strong') return [{ ...inline, children: unwrapLinks(inline.children) }];
    return [inline];
  });
}
