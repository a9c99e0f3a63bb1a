/**
 * A table → `w:tbl` (ECMA-376 §17.4): ruled in Table Grid (`grid`) or without rules in
 * Normal Table (`plain`, e.g. a letter's signature block); full text width with equal
 * columns, the header row marked `w:tblHeader` so that it repeats on every page, and
 * `w:bidiVisual` in a right-to-left document so the first column is on the right.
 */
import {
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  WidthType,
  XmlAttributeComponent,
  XmlComponent,
} from 'docx';
import type { CellAlign, Inline, Table } from '../../../document/model.js';
import { containerIndent, type BlockContext, type BodyChild } from '../context.js';
import { cellAlignment, paragraphDirection } from '../direction.js';
import { renderInlines } from '../inlines.js';
import { textWidthOf } from '../page.js';
import { PARAGRAPH_STYLE, PLAIN_TABLE_STYLE, TABLE_STYLE } from '../styles.js';

/**
 * `caption`: the table's title for assistive technology (`w:tblCaption`, Word's alternative
 * text title; ECMA-376 Part 1 §17.4.58 as amended by [MS-DOCX] 2.6.1): the heading it follows.
 */
export function renderTable(table: Table, ctx: BlockContext, caption?: string): BodyChild[] {
  const columns = Math.max(1, table.header.length, table.align.length, ...table.rows.map((row) => row.length));
  const indent = containerIndent(ctx);
  const columnWidth = Math.floor((textWidthOf(ctx.doc.letter) - indent) / columns);
  // A plain table with a header is a letter's signature block: room to sign (24 pt; 30 in the
  // PDF) above the signatories' names, the first row after the header.
  const signing = table.style === 'plain' && table.header.some((c) => c.length > 0);
  // A signature block stays whole, on the page of the closing formula before it: its rows do
  // not split and each keeps with the next; its header (the organisations) is not repeated.
  const lastRow = table.rows.length - 1;
  const row = (cells: readonly Inline[][], header: boolean, index = -1): TableRow =>
    new TableRow({
      ...(header && !signing ? { tableHeader: true } : {}),
      ...(header || signing ? { cantSplit: true } : {}),
      children: Array.from({ length: columns }, (_, column) =>
        cell(cells[column] ?? [], table.align[column] ?? null, header, columnWidth, ctx, signing ? { spaceBefore: index === 0 ? SIGNING_SPACE : 0, keepNext: index < lastRow } : undefined),
      ),
    });

  const docxTable = new DocxTable({
    // With a style, docx writes only the borders given, so a plain table has none.
    style: table.style === 'plain' ? PLAIN_TABLE_STYLE : TABLE_STYLE,
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    ...(indent > 0 ? { indent: { size: indent, type: WidthType.DXA } } : {}),
    ...(ctx.doc.direction === 'rtl' ? { visuallyRightToLeft: true } : {}),
    rows: [...(table.header.length > 0 ? [row(table.header, true)] : []), ...table.rows.map((cells, i) => row(cells, false, i))],
  });
  // A signature block is layout, not data: no caption.
  const title = table.style === 'grid' ? (caption ?? '').trim() : '';
  if (title !== '') addCaption(docxTable, title);
  return [docxTable];
}

class ValAttribute extends XmlAttributeComponent<{ val: string }> {
  protected override readonly xmlKeys = { val: 'w:val' };
}

/** `w:tblCaption` as the last table property (its place in CT_TblPr). */
function addCaption(table: DocxTable, text: string): void {
  const properties = (table as unknown as { root: XmlComponent[] }).root[0] as unknown as { root: unknown[] };
  const element = new (class extends XmlComponent {
    constructor() {
      super('w:tblCaption');
      this.root.push(new ValAttribute({ val: text }));
    }
  })();
  properties.root.push(element);
}


/** Room to sign, twips (24 pt). */
const SIGNING_SPACE = 480;

/** `signing`: a cell of a signature block, in the Signatory style; the room to sign above it, and whether it keeps with the next row. */
function cell(content: readonly Inline[], align: CellAlign, header: boolean, width: number, ctx: BlockContext, signing?: { spaceBefore: number; keepNext: boolean }): TableCell {
  const direction = ctx.doc.direction;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new DocxParagraph({
        style: signing ? PARAGRAPH_STYLE.signatory : PARAGRAPH_STYLE.compact,
        ...(signing && signing.spaceBefore > 0 ? { spacing: { before: signing.spaceBefore } } : {}),
        ...paragraphDirection(direction),
        alignment: cellAlignment(align, direction),
        ...(signing?.keepNext ? { keepNext: true } : {}),
        children: renderInlines(content, { doc: ctx.doc, direction }, header ? { bold: true } : {}),
      }),
    ],
  });
}
