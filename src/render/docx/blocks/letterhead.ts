/**
 * A letterhead → the organisers' logos as inline pictures, over a paragraph whose bottom
 * border is the hairline rule of the PDF. `spread` is a borderless one-row table (`w:bidiVisual`
 * in a right-to-left document), one logo per equal column from the start edge to the end edge:
 * Word and LibreOffice both keep a table where they would each measure tab stops in a
 * right-to-left paragraph their own way. The other layouts are one paragraph, the logos apart
 * by an em space as wide as the PDF's gap.
 */
import {
  AlignmentType, BorderStyle, ImageRun, Paragraph as DocxParagraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { Align, Letterhead } from '../../../document/model.js';
import { LOGO_GAP, placeLogos, type PlacedLogo } from '../../../document/logo-row.js';
import type { BlockContext, BodyChild } from '../context.js';
import { alignment, paragraphDirection } from '../direction.js';
import { textWidthOf } from '../page.js';
import { PARAGRAPH_STYLE, PLAIN_TABLE_STYLE } from '../styles.js';

/** The rule under the logos (PDF: 0.5 pt, 60 % grey, 7 pt below them), and the space after it (12 pt), twips. */
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '999A9E', space: 7 } as const;
const SPACE_AFTER = 240;

export function renderLetterhead(letterhead: Letterhead, ctx: BlockContext): BodyChild[] {
  const direction = ctx.doc.direction;
  const width = textWidthOf(ctx.doc.letter);
  // In the organisers' order: placeLogos mirrored the positions, not the list.
  const logos = placeLogos(letterhead, width / 20, direction);
  const picture = ({ image, width: w, height: h }: PlacedLogo) => {
    const id = ctx.doc.nextDrawingId();
    return new ImageRun({
      type: image.format === 'jpeg' ? 'jpg' : 'png',
      data: image.data,
      transformation: { width: Math.max(1, Math.round(w * 4 / 3)), height: Math.max(1, Math.round(h * 4 / 3)) },
      altText: { id: String(id), name: `Logo ${id}`, description: image.alt },
    });
  };
  const rule = new DocxParagraph({
    style: PARAGRAPH_STYLE.compact,
    ...paragraphDirection(direction),
    spacing: { before: 0, after: SPACE_AFTER, line: 20, lineRule: 'exact' },
    border: { bottom: RULE },
    children: [],
  });
  if (letterhead.layout === 'spread' && logos.length > 1) {
    const columnWidth = Math.floor(width / logos.length);
    const cellAlign = (i: number): Align => (i === 0 ? 'start' : i === logos.length - 1 ? 'end' : 'center');
    const table = new DocxTable({
      style: PLAIN_TABLE_STYLE,
      width: { size: columnWidth * logos.length, type: WidthType.DXA },
      columnWidths: logos.map(() => columnWidth),
      ...(direction === 'rtl' ? { visuallyRightToLeft: true } : {}),
      rows: [
        new TableRow({
          cantSplit: true,
          children: logos.map((logo, i) => new TableCell({
            width: { size: columnWidth, type: WidthType.DXA },
            verticalAlign: 'center',
            children: [new DocxParagraph({
              style: PARAGRAPH_STYLE.compact,
              ...paragraphDirection(direction),
              alignment: alignment(cellAlign(i), direction),
              keepNext: true,
              children: [picture(logo)],
            })],
          })),
        }),
      ],
    });
    return [table, rule];
  }
  const align = letterhead.layout === 'spread' ? 'start' : letterhead.layout;
  const children = logos.flatMap((logo, i) => [
    ...(i > 0 ? [new TextRun({ text: '\u2003', size: LOGO_GAP * 2 })] : []),
    picture(logo),
  ]);
  return [
    new DocxParagraph({
      style: PARAGRAPH_STYLE.compact,
      ...paragraphDirection(direction),
      alignment: alignment(align, direction),
      keepNext: true,
      children,
    }),
    rule,
  ];
}
