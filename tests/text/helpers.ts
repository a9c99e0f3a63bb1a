import type { LaidLine } from '../../src/text/layout-paragraph.js';
import type { TextStyle } from '../../src/text/style.js';

export const serif: TextStyle = { family: 'serif', bold: false, italic: false, size: 11 };

/** Glyph texts of a line, left to right. */
export function visualText(line: LaidLine): string {
  return line.glyphs.map((g) => g.text).join('');
}

/** A small deterministic PRNG (mulberry32) for property tests. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
