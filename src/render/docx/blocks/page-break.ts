/** A page break → a paragraph holding a page break (`w:br w:type="page"`, ECMA-376 §17.3.3.1). */
import { PageBreak, Paragraph as DocxParagraph } from 'docx';
import type { PageBreak as PageBreakBlock } from '../../../document/model.js';
import type { BlockContext, BodyChild } from '../context.js';
import { paragraphDirection } from '../direction.js';

export function renderPageBreak(_block: PageBreakBlock, ctx: BlockContext): BodyChild[] {
  return [new DocxParagraph({ ...paragraphDirection(ctx.doc.direction), children: [new PageBreak()] })];
}
