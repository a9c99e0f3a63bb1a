import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeBounds } from '../../src/text/graphemes.js';

/** Boundaries from one pass of Intl.Segmenter over the whole range: what the windows must reproduce. */
function reference(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (const g of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(from, to))) if (g.index > 0) out.push(from + g.index);
  out.push(to);
  return out;
}

// Clusters that span many characters or depend on what came before (UAX #29 GB9–GB13).
const piece = fc.constantFrom(
  'a', 'é', 'e\u0301', 'a\u0301\u0308\u0327', '\u0301', 'ب', 'بَّ', '\u05d0\u05b8', '\r\n', '\n', ' ', '\u200d', '\u200c', '\u200e',
  '\u{1F469}\u200d\u{1F52C}', '\u{1F44D}\u{1F3FD}', '\u{1F1EB}', '\u{1F1F7}', '\u{1F600}', '\u1100\u1161\u11a8', '\uac00',
  '\u0915\u094d\u0937', '\u0915', '\u094d', '\ud800', '\udc00', '\u{1D400}',
);

describe('graphemeBounds', () => {
  it('finds the boundaries one Intl.Segmenter pass finds, window by window', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 2, max: 40 }), (pieces, window) => {
        const text = pieces.join('');
        expect(graphemeBounds(text, 0, text.length, window)).toEqual(reference(text, 0, text.length));
      }),
      { seed: 1729, numRuns: 300 },
    );
  });

  it('grows the window over a cluster longer than it', () => {
    const text = 'x' + 'a' + '\u0301'.repeat(5000) + 'bc';
    expect(graphemeBounds(text, 1, text.length, 16)).toEqual([5002, 5003, 5004]);
  });
});
