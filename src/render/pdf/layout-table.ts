/**
 * GFM tables: column widths from the cells' natural widths, wrapped cell text, one box per
 * row, and the header row repeated at the top of each page the table continues on.
 * In right-to-left documents the first column is on the right.
 */
import type { CellAlign, Inline, Table } from '../../document/model.js';
import { layoutParagraph, measureSpans, type LaidLine } from '../../text/layout-paragraph.js';
import type { Box, BoxOrigin, DrawItem } from './boxes.js';
import { lineItems, tagItems } from './boxes.js';
import { childNode } from './structure.js';
import type { LayoutContext } from './layout-blocks.js';
import { footnoteRefs, inlinesToSpans } from './spans.js';
import { CELL_PADDING, CELL_STYLE, HEADER_CELL_STYLE, HEADER_SHADE, RULE_GREY, type BlockStyle } from './styles.js';

const TABLE_SPACE_AFTER = 10;
/**
 * A plain table with a header is a letter's signature block: organisations, then the
 * signatories' names and titles. Room to sign is left between the header and the names.
 */
const SIGNING_SPACE = 30;
/** A cell of a plain table is set smaller, down to this share of its size, to stay on one line (a signatory's name). */
const ONE_LINE_MIN_SCALE = 0.86;

export function columnWidths(mins: number[], maxes: number[], available: number): number[] {
  const sumMax = maxes.reduce((a, b) => a + b, 0);
  const sumMin = mins.reduce((a, b) => a + b, 0);
  if (sumMax <= available) {
    return maxes.map((m) => m + ((available - sumMax) * m) / (sumMax || 1));
  }
  if (sumMin <= available) {
    const slack = maxes.map((m, i) => m - mins[i]!);
    const sumSlack = slack.reduce((a, b) => a + b, 0) || 1;
    return mins.map((m, i) => m + ((available - sumMin) * slack[i]!) / sumSlack);
  }
  return mins.map((m) => (available * m) / sumMin);
}

function cellAlign(align: CellAlign | undefined): 'start' | 'center' | 'end' {
  if (align === 'center') return 'center';
  if (align === 'right') return 'end';
  return 'start';
}

export function layoutTable(table: Table, ctx: LayoutContext): Box[] {
  const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  const padX = CELL_PADDING.x * 2;
  const mins = new Array<number>(columns).fill(padX + 12);
  const maxes = new Array<number>(columns).fill(padX + 12);
  const measure = (cells: Inline[][], style: BlockStyle) => {
    cells.forEach((cell, c) => {
      const m = measureSpans(ctx.fonts, inlinesToSpans(cell, style.text));
      mins[c] = Math.max(mins[c]!, m.minWidth + padX);
      maxes[c] = Math.max(maxes[c]!, m.maxWidth + padX);
    });
  };
  measure(table.header, HEADER_CELL_STYLE);
  for (const row of table.rows) measure(row, CELL_STYLE);
  const grid = table.style === 'grid';
  // Signature columns share the width equally when their longest words allow.
  const equal = ctx.width / columns;
  const widths = !grid && mins.every((m) => m <= equal) ? new Array<number>(columns).fill(equal) : columnWidths(mins, maxes, ctx.width);
  const rtl = ctx.direction === 'rtl';

  const rowBox = (cells: Inline[][], style: BlockStyle, header: boolean): Box => {
    const laid: LaidLine[][] = [];
    // A row of cells; a header row's cells head their columns.
    const row = childNode(ctx.struct, 'TR');
    // A note referred to in a cell follows the table in reading order.
    if (ctx.struct && ctx.noteAnchors) for (const n of cells.flatMap((cell) => footnoteRefs(cell))) if (!ctx.noteAnchors.has(n)) ctx.noteAnchors.set(n, ctx.struct);
    const cellNodes = Array.from({ length: columns }, () => childNode(row, header ? 'TH' : 'TD', header ? { scope: 'Column' } : {}));
    for (let c = 0; c < columns; c++) {
      const cell = cells[c] ?? [];
      let text = style.text;
      if (!grid) {
        // One line where a slightly smaller size allows it (a name that would wrap by a few points).
        const natural = measureSpans(ctx.fonts, inlinesToSpans(cell, text)).maxWidth;
        const room = widths[c]! - padX;
        if (natural > room && natural * ONE_LINE_MIN_SCALE <= room) text = { ...text, size: Math.floor((text.size * room * 100) / natural) / 100 };
      }
      const result = layoutParagraph(ctx.fonts, inlinesToSpans(cell, text), {
        width: Math.max(1, widths[c]! - padX),
        align: cellAlign(table.align[c]),
        direction: ctx.direction,
        lang: ctx.lang,
        lineHeight: style.lineHeight,
      });
      ctx.missing.push(...result.missing);
      laid.push(result.lines);
    }
    const contentHeight = Math.max(...laid.map((lines) => lines.reduce((h, l) => h + l.height, 0)), 0);
    const height = contentHeight + CELL_PADDING.y * 2;
    return {
      height,
      spaceBefore: 0,
      keepWithNext: header,
      footnotes: cells.flatMap((cell) => footnoteRefs(cell)),
      draw: (x, top) => {
        const items: DrawItem[] = [];
        let cx = rtl ? x + ctx.width : x;
        for (let c = 0; c < columns; c++) {
          const w = widths[c]!;
          const left = rtl ? cx - w : cx;
          if (grid) {
            items.push({ type: 'rect', x: left, y: top - height, width: w, height, fill: header ? HEADER_SHADE : undefined, stroke: RULE_GREY, lineWidth: 0.5 });
          }
          let y = top - CELL_PADDING.y;
          for (const line of laid[c]!) {
            items.push(...tagItems(lineItems(line, left + CELL_PADDING.x, y), cellNodes[c]));
            y -= line.height;
          }
          cx = rtl ? cx - w : cx + w;
        }
        return items;
      },
    };
  };

  const boxes: Box[] = [];
  const hasHeader = table.header.some((cell) => cell.length > 0);
  const headerBox = hasHeader ? rowBox(table.header, HEADER_CELL_STYLE, true) : undefined;
  // A GFM table's header is on its first line, its rows one per line after the delimiter row.
  const rowOrigin = (cells: Inline[][], offset: number): BoxOrigin => ({
    inlines: cells.flat(),
    ...(table.place ? { place: { ...table.place, line: table.place.line + offset } } : {}),
  });
  if (headerBox) boxes.push({ ...headerBox, spaceBefore: 4, origin: rowOrigin(table.header, 0) });
  table.rows.forEach((row, i) => {
    const box = rowBox(row, CELL_STYLE, false);
    box.origin = rowOrigin(row, 2 + i);
    // A plain table (a letter's signature block) is never split across pages.
    if (!grid && i < table.rows.length - 1) box.keepWithNext = true;
    if (headerBox && grid) box.repeatHeader = headerBox;
    if (i === 0 && !headerBox) box.spaceBefore = 4;
    if (i === 0 && headerBox && !grid) box.spaceBefore = SIGNING_SPACE;
    boxes.push(box);
  });
  const last = boxes[boxes.length - 1];
  if (last) last.spaceAfter = grid ? TABLE_SPACE_AFTER : TABLE_SPACE_AFTER / 2;
  return boxes;
}
