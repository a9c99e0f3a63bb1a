/**
 * Page geometry of every DOCX folio writes: A4 portrait, 2.2 cm margins.
 * Lengths in twips (1/20 pt, 1/1440 in), the unit of `w:pgSz` and `w:pgMar` (ECMA-376 §17.6.13, §17.6.11).
 */

/** Twips in one centimetre. */
const TWIPS_PER_CM = 1440 / 2.54;

export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN = Math.round(2.2 * TWIPS_PER_CM);
/** Distance from the page edge to the header and to the footer. */
/** A letter's margins, twips: those of the PDF letters (the text starts high; no running header on page 1). */
/** `topUnderLetterhead`: a letter that opens with the organisers' logos starts them 1 cm from the top edge, as the PDF does. */
export const LETTER_MARGIN = {
  top: Math.round(1.6 * TWIPS_PER_CM),
  topUnderLetterhead: Math.round(1.0 * TWIPS_PER_CM),
  bottom: Math.round(2.0 * TWIPS_PER_CM),
  side: Math.round(2.3 * TWIPS_PER_CM),
};
export const HEADER_FOOTER_DISTANCE = Math.round(1.1 * TWIPS_PER_CM);

export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const TEXT_HEIGHT = PAGE_HEIGHT - 2 * MARGIN;

/** The width between the margins: a letter's are a little wider. */
export function textWidthOf(letter: boolean): number {
  return letter ? PAGE_WIDTH - 2 * LETTER_MARGIN.side : TEXT_WIDTH;
}

/** docx sizes images in pixels at 96 to the inch. */
export function twipsToPixels(twips: number): number {
  return (twips / 1440) * 96;
}
