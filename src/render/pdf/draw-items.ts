/**
 * Draws a page's items with pdf-lib, fills and rules first, text on top: the edge shared by the
 * pages folio lays out by hand (nomination forms, name badges) and by the document renderer,
 * which adds images and links (render-pdf.ts).
 */
import { rgb, type PDFPage } from 'pdf-lib';
import type { DrawItem } from './boxes.js';
import type { PdfFontRegistry } from './glyphs/pdf-fonts.js';

/** Backgrounds first, then rules and images, then text, so that fills never cover text. */
export const DRAW_ORDER = { rect: 0, rule: 1, image: 1, line: 2, link: 3 } as const;

export function inDrawOrder(items: readonly DrawItem[]): DrawItem[] {
  return [...items].sort((a, b) => DRAW_ORDER[a.type] - DRAW_ORDER[b.type]);
}

/** Draws a fill, a rule or a line of text; false for the other items (images, links). */
export function drawShape(page: PDFPage, registry: PdfFontRegistry, item: DrawItem): boolean {
  if (item.type === 'rect') {
    page.drawRectangle({
      x: item.x, y: item.y, width: item.width, height: item.height,
      color: item.fill ? rgb(...item.fill) : undefined,
      borderColor: item.stroke ? rgb(...item.stroke) : undefined,
      borderWidth: item.stroke ? item.lineWidth ?? 0.5 : 0,
    });
  } else if (item.type === 'rule') {
    page.drawLine({ start: { x: item.x1, y: item.y1 }, end: { x: item.x2, y: item.y2 }, thickness: item.width, color: rgb(...item.color) });
  } else if (item.type === 'line') {
    registry.drawLine(page, item.line, item.x, item.y);
  } else {
    return false;
  }
  return true;
}

/** Fills, rules and text (a page without images or links). */
export function drawItems(page: PDFPage, registry: PdfFontRegistry, items: readonly DrawItem[]): void {
  for (const item of inDrawOrder(items)) drawShape(page, registry, item);
}
