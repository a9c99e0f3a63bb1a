/**
 * Tagging for pages laid out by hand (nomination forms, name badges), which have no document
 * model to build a structure from: their text lines become `P` elements (in a `Sect` per group,
 * a badge), in reading order, and their drawing goes through the Tagger like a document's.
 */
import type { PDFPage } from 'pdf-lib';
import type { DrawItem } from './boxes.js';
import { drawShape, inDrawOrder } from './draw-items.js';
import type { PdfFontRegistry } from './glyphs/pdf-fonts.js';
import { structNode, type StructNode } from './structure.js';
import type { Tagger } from './tagging.js';

/**
 * Draws a line as its element's content, a fill or rule as an artifact; false for other items
 * (images and links, which the document writer draws). Shared with render-pdf.ts.
 */
export function drawTaggedShape(page: PDFPage, index: number, registry: PdfFontRegistry, item: DrawItem, tagger: Tagger): boolean {
  if (item.type === 'line') registry.drawLine(page, item.line, item.x, item.y, tagger.lineGroups(index, item));
  else if (item.type === 'rect' || item.type === 'rule') tagger.wrap(index, page, item, () => drawShape(page, registry, item));
  else return false;
  return true;
}

/** Draws one page's items, each line as its element's content, everything else as an artifact. */
export function drawTagged(page: PDFPage, index: number, registry: PdfFontRegistry, items: readonly DrawItem[], tagger: Tagger): void {
  for (const item of inDrawOrder(items)) {
    if (!drawTaggedShape(page, index, registry, item, tagger)) tagger.wrap(index, page, item, () => drawShape(page, registry, item));
  }
}

/** Something placed on a page, for reading order: its top edge and start-side x. */
export interface Placed {
  top: number;
  x: number;
  /** Adds its element to the parent (and tags what shows it). */
  add: (parent: StructNode) => void;
}

/** A text line as a `P` of its own. */
export function placedLine(item: Extract<DrawItem, { type: 'line' }>): Placed {
  return { top: item.y + item.line.ascent, x: item.x, add: (parent) => { const p = structNode('P'); parent.children.push(p); item.tag = p; } };
}

/** Things in reading order: from the top down, those on one height from the start side. */
export function addInReadingOrder(parent: StructNode, placed: Placed[], direction: 'ltr' | 'rtl'): void {
  const sign = direction === 'rtl' ? -1 : 1;
  placed.sort((a, b) => (Math.abs(a.top - b.top) > 2 ? b.top - a.top : sign * (a.x - b.x)));
  for (const p of placed) p.add(parent);
}

/** The text lines of items, in reading order, as `P`s under `parent`. */
export function tagLines(parent: StructNode, items: readonly DrawItem[], direction: 'ltr' | 'rtl'): void {
  const lines = items.filter((i): i is Extract<DrawItem, { type: 'line' }> => i.type === 'line' && i.line.glyphs.length > 0);
  addInReadingOrder(parent, lines.map(placedLine), direction);
}
