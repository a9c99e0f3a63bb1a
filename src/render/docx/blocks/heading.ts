/**
 * A heading → a paragraph in Heading 1–6 (outline levels 0–5), its text inside a
 * bookmark named by the heading's id (`w:bookmarkStart`, ECMA-376 §17.13.6.2), so
 * that `#id` links reach it.
 */
import { Bookmark, Paragraph as DocxParagraph } from 'docx';
import type { Heading } from '../../../document/model.js';
import type { BlockContext, BodyChild } from '../context.js';
import { bookmarkName } from '../bookmarks.js';
import { paragraphDirection } from '../direction.js';
import { renderInlines } from '../inlines.js';
import { headingStyle } from '../styles.js';

export function renderHeading(heading: Heading, ctx: BlockContext): BodyChild[] {
  const runs = renderInlines(heading.children, { doc: ctx.doc, direction: ctx.doc.direction });
  return [
    new DocxParagraph({
      style: headingStyle(heading.level),
      ...paragraphDirection(ctx.doc.direction),
      children: heading.id ? [new Bookmark({ id: bookmarkName(heading.id), children: runs })] : runs,
    }),
  ];
}
