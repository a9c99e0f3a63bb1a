/**
 * Character styles the text engine understands.
 */

export type FontFamily = 'serif' | 'sans' | 'mono';

export interface TextStyle {
  family: FontFamily;
  bold: boolean;
  italic: boolean;
  /** Font size in points. */
  size: number;
  /** Fill colour, RGB components 0..1; black when absent. */
  color?: [number, number, number];
  /** Target of a link; the laid line reports the link's extent. */
  link?: string;
  /** The link's description (its title), carried to the PDF's link annotation. */
  linkTitle?: string;
  /** Footnote marks: drawn at {@link SUPERSCRIPT_SCALE} of the size, raised. */
  superscript?: boolean;
}

/** A run of text in one style, with where it came from (for diagnostics). */
export interface StyledSpan {
  text: string;
  style: TextStyle;
  place?: { file: string; line: number; column: number };
}

/** Size of superscript text relative to its style's size. */
export const SUPERSCRIPT_SCALE = 0.6;

/** Baseline raise of superscript text, as a fraction of its style's size. */
export const SUPERSCRIPT_RISE = 0.33;

/** The size glyphs of this style are drawn at. */
export function effectiveSize(style: TextStyle): number {
  return style.superscript ? style.size * SUPERSCRIPT_SCALE : style.size;
}

/** How far above the baseline glyphs of this style sit. */
export function baselineRise(style: TextStyle): number {
  return style.superscript ? style.size * SUPERSCRIPT_RISE : 0;
}
