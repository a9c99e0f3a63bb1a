/** Page geometry and the typographic style of each block kind in the PDF. */
import type { TextStyle } from '../../text/style.js';
import type { ParagraphRole } from '../../document/model.js';
import type { PageSize } from '../../config/types.js';

/** A4 in PostScript points. */
export const PAGE = { width: 595.28, height: 841.89 };
/**
 * `topWithoutHeader`, `bottomWithoutHeader`: a letter's (no running header): its text starts
 * higher and ends lower; the page number stays at `footer` above the bottom edge on every page.
 */
export const MARGIN = { top: 70, topWithoutHeader: 46, bottom: 68, bottomWithoutHeader: 56, footer: 34, inner: 66, outer: 66 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.inner - MARGIN.outer;

/** A document's page (A4 unless its model says otherwise) and the width of its text column. */
export function pageGeometry(model: { page?: { width: number; height: number } }): { page: { width: number; height: number }; contentWidth: number } {
  const page = model.page ?? PAGE;
  return { page, contentWidth: page.width - MARGIN.inner - MARGIN.outer };
}

/** The page sizes a declared document may have, in PDF points (ISO 216; US Letter). */
export const PAGE_SIZES_PT: Record<PageSize, { width: number; height: number }> = {
  A4: PAGE,
  A5: { width: 419.53, height: 595.28 },
  Letter: { width: 612, height: 792 },
  'A4-landscape': { width: PAGE.height, height: PAGE.width },
  'A5-landscape': { width: 595.28, height: 419.53 },
};

export const GREY: [number, number, number] = [0.35, 0.35, 0.38];
export const RULE_GREY: [number, number, number] = [0.6, 0.6, 0.62];
export const LINK_BLUE: [number, number, number] = [0.05, 0.27, 0.6];
export const SHADE: [number, number, number] = [0.94, 0.94, 0.95];
export const HEADER_SHADE: [number, number, number] = [0.9, 0.92, 0.95];

export interface BlockStyle {
  text: TextStyle;
  lineHeight: number;
  spaceBefore: number;
  spaceAfter: number;
}

const serif = (size: number, extra: Partial<TextStyle> = {}): TextStyle => ({ family: 'serif', bold: false, italic: false, size, ...extra });
const sans = (size: number, extra: Partial<TextStyle> = {}): TextStyle => ({ family: 'sans', bold: false, italic: false, size, ...extra });

export const ROLE_STYLES: Record<ParagraphRole, BlockStyle> = {
  body: { text: serif(10.5), lineHeight: 1.38, spaceBefore: 0, spaceAfter: 7 },
  title: { text: sans(21, { bold: true }), lineHeight: 1.2, spaceBefore: 4, spaceAfter: 10 },
  subtitle: { text: sans(12.5, { color: GREY }), lineHeight: 1.3, spaceBefore: 0, spaceAfter: 8 },
  meta: { text: serif(9.5), lineHeight: 1.35, spaceBefore: 0, spaceAfter: 8 },
  signature: { text: serif(10.2), lineHeight: 1.3, spaceBefore: 0, spaceAfter: 6 },
};

/** Body text of letters: a little smaller and tighter than in briefs and the handbook. */
export const LETTER_BODY_STYLE: BlockStyle = { text: serif(10.2), lineHeight: 1.3, spaceBefore: 0, spaceAfter: 6 };

/**
 * The letter styles a letter is fitted with, roomiest first: never below 9.6 pt on 1.2 leading,
 * which still reads as a letter (a minister's office prints it at 100 %).
 */
export const LETTER_BODY_STYLES: readonly BlockStyle[] = [
  LETTER_BODY_STYLE,
  { text: serif(10), lineHeight: 1.27, spaceBefore: 0, spaceAfter: 5 },
  { text: serif(9.8), lineHeight: 1.24, spaceBefore: 0, spaceAfter: 4.5 },
  { text: serif(9.6), lineHeight: 1.2, spaceBefore: 0, spaceAfter: 4 },
];

export const HEADING_STYLES: Record<1 | 2 | 3 | 4 | 5 | 6, BlockStyle> = {
  1: { text: sans(16, { bold: true }), lineHeight: 1.25, spaceBefore: 20, spaceAfter: 8 },
  2: { text: sans(13, { bold: true }), lineHeight: 1.25, spaceBefore: 14, spaceAfter: 6 },
  3: { text: sans(11.5, { bold: true }), lineHeight: 1.25, spaceBefore: 10, spaceAfter: 4 },
  4: { text: sans(10.5, { bold: true }), lineHeight: 1.25, spaceBefore: 8, spaceAfter: 3 },
  5: { text: sans(10.5, { bold: true, italic: true }), lineHeight: 1.25, spaceBefore: 8, spaceAfter: 3 },
  6: { text: sans(10.5, { italic: true }), lineHeight: 1.25, spaceBefore: 8, spaceAfter: 3 },
};

export const CODE_STYLE: BlockStyle = { text: { family: 'mono', bold: false, italic: false, size: 8.8 }, lineHeight: 1.3, spaceBefore: 2, spaceAfter: 8 };
export const CELL_STYLE: BlockStyle = { text: serif(9.3), lineHeight: 1.3, spaceBefore: 0, spaceAfter: 0 };
export const HEADER_CELL_STYLE: BlockStyle = { text: sans(9.3, { bold: true }), lineHeight: 1.3, spaceBefore: 0, spaceAfter: 0 };
export const FOOTNOTE_STYLE: BlockStyle = { text: serif(8.4), lineHeight: 1.3, spaceBefore: 0, spaceAfter: 2 };
export const RUNNING_STYLE: TextStyle = sans(8, { color: GREY });

export const LIST_INDENT = 18;
export const QUOTE_INDENT = 16;
export const CELL_PADDING = { x: 5, y: 3.5 };
