/**
 * The layout's intermediate form: a document becomes a column of unbreakable boxes
 * (a line of text, a table row, an image), which pagination then distributes over pages.
 */
import type { LaidLine } from '../../text/layout-paragraph.js';
import type { ImageBlock, Inline } from '../../document/model.js';
import type { SourcePlace } from '../../diagnostics/diagnostic.js';
import type { StructNode } from './structure.js';

export type Color = [number, number, number];

/**
 * Something to draw, in page coordinates (points, y up). `tag`: the structure element whose
 * content it is (text, images, links); without one it is page furniture (an artifact).
 */
export type DrawItem = (
  | { type: 'line'; line: LaidLine; x: number; y: number }
  | { type: 'rect'; x: number; y: number; width: number; height: number; fill?: Color; stroke?: Color; lineWidth?: number }
  | { type: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number; color: Color }
  | { type: 'image'; image: ImageBlock; x: number; y: number; width: number; height: number }
  /** `extent`: the laid line's link this annotation covers (its text is the link's content). */
  | { type: 'link'; x: number; y: number; width: number; height: number; url: string; title?: string; extent?: LaidLine['links'][number] }
) & { tag?: StructNode };

export interface Anchor {
  level: number;
  title: string;
  id: string;
}

/**
 * The text a box begins (a paragraph's or heading's first line, a table row), with its place in
 * the sources: where a unit is printed, for `folio review`. Nothing is drawn from it.
 */
export interface BoxOrigin {
  inlines: readonly Inline[];
  place?: SourcePlace;
}

export interface Box {
  /** Height of the box itself, without spacing. */
  height: number;
  /** Space above, dropped at the top of a page. */
  spaceBefore: number;
  /** Space below, which may fall off the bottom of a page. */
  spaceAfter?: number;
  /** Keep on the same page as the next box (headings, first lines). */
  keepWithNext: boolean;
  /** Start a new page before this box. */
  pageBreakBefore?: boolean;
  /** Footnotes first referenced in this box (their numbers). */
  footnotes: number[];
  /** A heading's bookmark. */
  anchor?: Anchor;
  /** For a table row: the header row to repeat when the table continues on a new page. */
  repeatHeader?: Box;
  /** The text this box begins, when it begins one. */
  origin?: BoxOrigin;
  /** Draws the box with its top-left corner at (x, top) of the content column. */
  draw(x: number, top: number): DrawItem[];
}

/** The items of a laid line placed with its top at `top`, with its link rectangles. */
export function lineItems(line: LaidLine, x: number, top: number): DrawItem[] {
  const baseline = top - line.ascent - (line.height - line.ascent - line.descent) / 2;
  const items: DrawItem[] = [{ type: 'line', line, x, y: baseline }];
  for (const link of line.links) {
    items.push({ type: 'link', x: x + link.x0, y: baseline - line.descent, width: link.x1 - link.x0, height: line.ascent + line.descent, url: link.url, extent: link, ...(link.title ? { title: link.title } : {}) });
  }
  return items;
}

/** The items an element shows: its text lines, images and links (not shapes), unless tagged already. */
export function tagItems(items: DrawItem[], node: StructNode | undefined): DrawItem[] {
  if (!node) return items;
  for (const item of items) {
    if ((item.type === 'line' || item.type === 'image' || item.type === 'link') && !item.tag) item.tag = node;
  }
  return items;
}
