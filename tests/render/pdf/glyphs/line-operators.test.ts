import { describe, expect, it } from 'vitest';
import { lineOperators, num, type GlyphFont } from '../../../../src/render/pdf/glyphs/line-operators.js';
import type { FontFace } from '../../../../src/text/fonts.js';
import type { LaidLine, PlacedGlyph } from '../../../../src/text/layout-paragraph.js';

const faceA = { id: 'A' } as FontFace;
const faceB = { id: 'B' } as FontFace;

/** Every glyph 500/1000 em wide; CIDs handed out in order of first use per (glyph, text). */
function fakeFont(name: string): GlyphFont {
  const cids = new Map<string, number>();
  return {
    resourceName: name,
    cidFor(glyphId, text) {
      const key = `${glyphId}|${text}`;
      if (!cids.has(key)) cids.set(key, cids.size + 1);
      return cids.get(key)!;
    },
    widthOf: () => 500,
  };
}

function line(glyphs: Partial<PlacedGlyph>[]): LaidLine {
  return {
    width: 100,
    contentWidth: 50,
    ascent: 8,
    descent: 2,
    height: 12,
    glyphs: glyphs.map((g, i) => ({ face: faceA, size: 10, glyphId: 1, x: 0, y: 0, text: 'a', logical: i, ...g })),
    links: [],
    direction: 'ltr',
    x: 0,
    forced: false,
  };
}

function render(l: LaidLine): string {
  const fonts = new Map([[faceA, fakeFont('F1')], [faceB, fakeFont('F2')]]);
  return lineOperators(l, 100, 700, (f) => fonts.get(f)!).map((op) => op.toString()).join('\n');
}

describe('lineOperators', () => {
  it('shows glyphs at their natural advance in one TJ, and adjusts where the layout moved them', () => {
    // Natural advance at 10 pt: 5 pt. The third glyph sits 2 pt further (kerning or justification).
    const out = render(line([{ x: 0 }, { x: 5, glyphId: 2, text: 'b' }, { x: 12, glyphId: 3, text: 'c' }]));
    expect(out).toBe(['q', 'BT', '0 0 0 rg', '/F1 10 Tf', '1 0 0 1 100 700 Tm', '[<0001><0002>-200<0003>] TJ', 'ET', 'Q'].join('\n'));
  });

  it('starts a new run for a raised glyph, another font or colour', () => {
    const out = render(
      line([
        { x: 0 },
        { x: 5, y: 3, size: 6, text: '1' },
        { x: 10, face: faceB, color: [1, 0, 0] },
      ]),
    );
    expect(out.split('\n')).toEqual([
      'q',
      'BT',
      '0 0 0 rg',
      '/F1 10 Tf',
      '1 0 0 1 100 700 Tm',
      '[<0001>] TJ',
      '/F1 6 Tf',
      '1 0 0 1 105 703 Tm',
      '[<0002>] TJ',
      '1 0 0 rg',
      '/F2 10 Tf',
      '1 0 0 1 110 700 Tm',
      '[<0001>] TJ',
      'ET',
      'Q',
    ]);
  });

  it('draws nothing for a line without glyphs', () => {
    expect(render(line([]))).toBe('');
  });

  it('formats numbers compactly', () => {
    expect(num(1 / 3)).toBe('0.333');
    expect(num(-0.0001)).toBe('0');
    expect(num(12)).toBe('12');
  });
});
