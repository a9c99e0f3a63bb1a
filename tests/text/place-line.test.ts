/** Placing one filled line (src/text/place-line.ts): justification within the glue's limits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { FontLibrary } from '../../src/text/fonts.js';
import { prepareParagraph, splitPieces, type Piece } from '../../src/text/prepare.js';
import { placeLine, type LaidLine } from '../../src/text/place-line.js';
import { SHRINK } from '../../src/text/optimal-lines.js';
import { serif } from './helpers.js';

let fonts: FontLibrary;
beforeAll(async () => {
  fonts = await FontLibrary.load();
});

/** The whole text as one line, placed in `width`. */
function place(text: string, width: number, last = false): { line: LaidLine; natural: number } {
  const para = prepareParagraph(fonts, [{ text, style: serif }], 'ltr', 'en');
  const pieces: Piece[] = [];
  splitPieces(para, 0, para.text.length, false, 0, para.text.length, pieces);
  const natural = pieces.reduce((sum, p) => sum + p.width, 0);
  const face = para.faces[0]!;
  const line = placeLine({ pieces, forced: false, last, start: 0 }, { width, indent: 0, align: 'justify', baseLevel: 0, lineHeight: 1.3, empty: { face, size: serif.size } });
  return { line, natural };
}

/** The advance of each space: from the space glyph to the next glyph. */
function spaceAdvances(line: LaidLine): number[] {
  const out: number[] = [];
  line.glyphs.forEach((g, i) => {
    if (g.text === ' ' && line.glyphs[i + 1]) out.push(line.glyphs[i + 1]!.x - g.x);
  });
  return out;
}

describe('placing a justified line', () => {
  const text = 'one two three four five';
  it('stretches or shrinks the spaces to fill the column when that stays within the glue', () => {
    const { natural, line: plain } = place(text, 1000, true);
    const space = spaceAdvances(plain)[0]!;
    expect(space).toBeGreaterThan(1);
    for (const width of [natural + 20, natural - space * 4 * SHRINK * 0.9]) {
      const { line } = place(text, width);
      expect(line.contentWidth).toBeCloseTo(width, 6);
      for (const advance of spaceAdvances(line)) expect(advance).toBeCloseTo(space + (width - natural) / 4, 6);
    }
  });

  it('never shrinks a space past the third the line breaker allows: a line too wide overflows', () => {
    const { line: plain, natural } = place(text, 1000, true);
    const space = spaceAdvances(plain)[0]!;
    const { line } = place(text, natural - space * 4);
    const advances = spaceAdvances(line);
    expect(advances).toHaveLength(4);
    for (const advance of advances) expect(advance).toBeCloseTo(space * (1 - SHRINK), 6);
    expect(line.contentWidth).toBeCloseTo(natural - space * 4 * SHRINK, 6);
  });
});
