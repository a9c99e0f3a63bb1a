/**
 * Where a letterhead's logos go on their line, for both renderers: all at the configured
 * height (smaller when together they would not fit the column), in the organisers' order from
 * the start side (right to left in a right-to-left document). Lengths in points.
 */
import type { Direction, ImageBlock, Letterhead } from './model.js';

/** The least room between two logos, in points (6 mm). */
export const LOGO_GAP = 17;

export interface PlacedLogo {
  image: ImageBlock;
  /** From the column's left edge, in points. */
  x: number;
  width: number;
  height: number;
}

/** Where each logo goes in a column `width` wide. */
export function placeLogos(letterhead: Letterhead, width: number, direction: Direction): PlacedLogo[] {
  const { logos, layout } = letterhead;
  const natural = logos.map((logo) => letterhead.height * (Math.max(1, logo.width) / Math.max(1, logo.height)));
  const gaps = LOGO_GAP * (logos.length - 1);
  const total = natural.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, (width - gaps) / total);
  const widths = natural.map((w) => w * scale);
  const height = letterhead.height * scale;
  const used = widths.reduce((a, b) => a + b, 0);
  const gap = layout === 'spread' && logos.length > 1 ? (width - used) / (logos.length - 1) : LOGO_GAP;
  const run = used + gap * (logos.length - 1);
  let x = layout === 'center' ? (width - run) / 2 : layout === 'end' ? width - run : 0;
  const placed = widths.map((w, i) => {
    const at = x;
    x += w + gap;
    return { image: logos[i]!, x: at, width: w, height };
  });
  // The start side is the right in a right-to-left document: the first organiser reads first.
  return direction === 'rtl' ? placed.map((p) => ({ ...p, x: width - p.x - p.width })) : placed;
}

