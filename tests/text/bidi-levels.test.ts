import bidiFactory from 'bidi-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddingLevels } from '../../src/text/bidi-levels.js';

const bidi = bidiFactory();

/** bidi-js's levels, with paragraph separators read as U+2028 as folio does (one paragraph). */
function reference(text: string, direction: 'ltr' | 'rtl' | 'auto') {
  const result = bidi.getEmbeddingLevels(text.replace(/[\n\r\u001c-\u001e\u0085\u2029]/g, '\u2028'), direction === 'auto' ? undefined : direction);
  return { levels: Array.from(result.levels), baseLevel: (result.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0)) & 1 };
}

// Characters of every bidi class, paired brackets and explicit controls.
const char = fc.constantFrom(
  ...'aZ\u05d0\u05d1\u0627\u0628\u06011\u06f0+-%$\u0660\u066b,.:/\u0301\u064e\u200b\u200d\u00ad\u001f\u000b \u2028\u3000!?"()[]{}\u2329\u232a\u3008\u3009\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\n\u2029',
);

describe('embeddingLevels (UAX #9)', () => {
  it('gives the levels bidi-js gives', () => {
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), fc.constantFrom('ltr', 'rtl', 'auto'), (chars, direction) => {
        const text = chars.join('');
        const mine = embeddingLevels(text, direction);
        expect({ levels: Array.from(mine.levels), baseLevel: mine.baseLevel }).toEqual(reference(text, direction));
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it('resolves the cases that made bidi-js quadratic', () => {
    // W2 scanned back to the last strong letter from every digit; X5c scanned
    // ahead from every FSI; L1 scanned back from every segment separator.
    const n = 20_000;
    const digits = embeddingLevels('من ' + '1'.repeat(n), 'auto');
    expect(digits.baseLevel).toBe(1);
    expect(digits.levels[3 + n - 1]).toBe(2);
    expect(Array.from(embeddingLevels('\u2068'.repeat(n) + 'ب', 'ltr').levels.slice(0, 3))).toEqual([0, 2, 4]);
    const separators = embeddingLevels(' \u001f'.repeat(n) + 'ب', 'ltr');
    expect(separators.levels[2 * n]).toBe(1);
    expect(separators.levels.slice(0, 2 * n).every((l) => l === 0)).toBe(true);
    for (const text of ['من ' + '1'.repeat(300), '\u2068'.repeat(300) + 'ب', ' \u001f'.repeat(150) + 'ب']) {
      expect(Array.from(embeddingLevels(text, 'rtl').levels)).toEqual(reference(text, 'rtl').levels);
    }
  });
});
