/** A thematic break → an empty paragraph with a bottom border (`w:pBdr/w:bottom`, ECMA-376 §17.3.1.7). */
import { BorderStyle, Paragraph as DocxParagraph } from 'docx';
import type { ThematicBreak } from '../../../document/model.js';
import type { BlockContext, BodyChild } from '../context.js';
import { paragraphDirection } from '../direction.js';

export function renderThematicBreak(_block: ThematicBreak, ctx: BlockContext): BodyChild[] {
  return [
    new DocxParagraph({
      ...paragraphDirection(ctx.doc.direction),
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
      spacing: { after: 240 },
    }),
  ];
}
