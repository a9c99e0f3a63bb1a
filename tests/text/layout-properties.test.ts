/**
 * Properties of layoutParagraph on random text: mixed scripts, bidi controls,
 * combining marks, joiners, whitespace and long unbreakable runs, at random
 * widths (down to less than one glyph), alignments, directions and indents.
 * Fixed seed and run count: the same cases every time.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBreakingSpace, isForcedBreak, isInvisibleControl, isOtherControl } from '../../src/text/controls.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { layoutParagraph, type LaidLine, type LaidParagraph, type ParagraphOptions } from '../../src/text/layout-paragraph.js';
import type { StyledSpan, TextStyle } from '../../src/text/style.js';

let fonts: FontLibrary;
beforeAll(async () => {
  fonts = await FontLibrary.load();
});

const SEED = 20270316;
const RUNS = 200;
const EPSILON = 1e-6;

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((cp) => String.fromCodePoint(cp));
const chars = (s: string) => fc.constantFrom(...s);

const letter = fc.oneof(
  { weight: 4, arbitrary: range(0x61, 0x7a) },
  { weight: 1, arbitrary: chars('AVWTfiflÉéœß') },
  { weight: 2, arbitrary: range(0x3b1, 0x3c9) }, // Greek
  { weight: 2, arbitrary: range(0x430, 0x44f) }, // Cyrillic
  { weight: 4, arbitrary: range(0x627, 0x64a) }, // Arabic letters
  { weight: 1, arbitrary: chars('لا') },
  { weight: 2, arbitrary: range(0x5d0, 0x5ea) }, // Hebrew
  { weight: 2, arbitrary: range(0x30, 0x39) },
  { weight: 1, arbitrary: range(0x660, 0x669) }, // Arabic-Indic digits
  { weight: 1, arbitrary: chars('漢字中文') }, // no face has Han: reported missing
);
const mark = fc.oneof(range(0x300, 0x36f), range(0x64b, 0x652));
const bidiControl = chars('\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c');
const joiner = chars('\u200d\u200c');
const space = fc.oneof({ weight: 6, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: chars('\t\n\u00a0\u202f\u2009') });
const punctuation = chars('.,;:!?()[]«»-–/%+');
/** Rare but legal: line and paragraph separators, soft hyphen, BOM, variation selector, CR, emoji and flags (no face has them). */
const odd = fc.constantFrom('\u2028', '\u2029', '\u00ad', '\ufeff', '\ufe0f', '\r\n', '\r', '\u000b', '\f', '\u0085', '\u{1F600}', '\u{1F469}\u200d\u{1F52C}', '\u{1F1EB}\u{1F1F7}', '\u{10900}', '\u{1D400}');

/** A word: letters with marks, joiners and bidi controls in it. */
const word = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: letter },
      { weight: 2, arbitrary: mark },
      { weight: 1, arbitrary: joiner },
      { weight: 1, arbitrary: bidiControl },
      { weight: 1, arbitrary: punctuation },
      { weight: 1, arbitrary: odd },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((a) => a.join(''));

/** A long run with no break opportunity. */
const unbreakable = fc.oneof(
  fc.tuple(letter, fc.integer({ min: 50, max: 2000 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(word.map((w) => w.replace(/[\s\-–/!?)\]»%]/g, '')), fc.integer({ min: 10, max: 200 })).map(([w, n]) => w.repeat(n)),
  fc.tuple(letter, mark, fc.integer({ min: 20, max: 1000 })).map(([c, m, n]) => (c + m).repeat(n)),
  fc.tuple(letter, mark, fc.integer({ min: 20, max: 2000 })).map(([c, m, n]) => c + m.repeat(n)),
);

const text = fc
  .array(fc.oneof({ weight: 10, arbitrary: word }, { weight: 8, arbitrary: space }, { weight: 1, arbitrary: bidiControl }, { weight: 1, arbitrary: unbreakable }), { maxLength: 40 })
  .map((a) => a.join(''));

const style: fc.Arbitrary<TextStyle> = fc.record(
  {
    family: fc.constantFrom('serif', 'sans', 'mono'),
    bold: fc.boolean(),
    italic: fc.boolean(),
    size: fc.constantFrom(6, 11, 14),
    superscript: fc.constantFrom(false, false, false, true),
    color: fc.constant<[number, number, number]>([1, 0, 0]),
    link: fc.constant('https://example.org/'),
  },
  { requiredKeys: ['family', 'bold', 'italic', 'size', 'superscript'] },
);

/** The text cut into spans of random styles. */
const spans: fc.Arbitrary<StyledSpan[]> = fc
  .tuple(text, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), style), { minLength: 1, maxLength: 4 }))
  .map(([t, cuts]) => {
    const at = cuts.map(([f]) => Math.floor(f * t.length)).sort((a, b) => a - b);
    at[0] = 0;
    return cuts.map(([, s], i) => ({ text: t.slice(at[i], at[i + 1] ?? t.length), style: s }));
  });

const options: fc.Arbitrary<ParagraphOptions> = fc.record({
  width: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 6, noNaN: true }), fc.double({ min: 6, max: 600, noNaN: true })),
  align: fc.constantFrom('start', 'center', 'end', 'justify'),
  direction: fc.constantFrom('ltr', 'rtl', 'auto'),
  lang: fc.constantFrom('en', 'ar', 'fr'),
  lineHeight: fc.constant(1.35),
  firstLineIndent: fc.oneof(fc.constant(0), fc.double({ min: -30, max: 60, noNaN: true })),
});

const check = (property: fc.IPropertyWithHooks<[StyledSpan[], ParagraphOptions]>) => fc.assert(property, { seed: SEED, numRuns: RUNS });

let graphemes: Intl.Segmenter | undefined;

/** Whether the glyphs of a line stand for one grapheme cluster (their text read either way). */
function isOneCluster(line: LaidLine): boolean {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const texts = line.glyphs.map((g) => g.text);
  for (const t of [texts.join(''), texts.reverse().join('')]) {
    if ([...graphemes.segment(t)].length <= 1) return true;
  }
  return false;
}

/** Characters that must be drawn or reported: not controls or line breaks, not spaces that may hang at a line end. */
function mustAppear(cp: number): boolean {
  return !(isInvisibleControl(cp) || isOtherControl(cp) || isForcedBreak(cp) || cp === 0x09 || cp === 0x0d || isBreakingSpace(cp));
}

function counts(s: Iterable<string>): Map<number, number> {
  const m = new Map<number, number>();
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (mustAppear(cp)) m.set(cp, (m.get(cp) ?? 0) + 1);
  }
  return m;
}

function drawnChars(laid: LaidParagraph): Map<number, number> {
  return counts(laid.lines.flatMap((l) => l.glyphs.flatMap((g) => [...g.text])));
}

describe('layoutParagraph properties', () => {
  it('never throws, and no line is wider than its box unless it holds one wider grapheme', () => {
    check(
      fc.property(spans, options, (s, o) => {
        const laid = layoutParagraph(fonts, s, o);
        const indent = o.firstLineIndent ?? 0;
        laid.lines.forEach((line, i) => {
          const lineIndent = i === 0 ? indent : 0;
          const avail = Math.max(0, o.width - lineIndent);
          if (line.contentWidth > avail + EPSILON) {
            expect(isOneCluster(line), `line ${i} (${line.contentWidth} pt in ${avail} pt) holds more than one grapheme`).toBe(true);
            return;
          }
          // The content sits inside the line's box: the indent on the start side.
          const left = line.direction === 'rtl' ? 0 : lineIndent;
          expect(line.x).toBeGreaterThanOrEqual(left - EPSILON);
          expect(line.x + line.contentWidth).toBeLessThanOrEqual(left + avail + EPSILON);
        });
      }),
    );
  });

  it('draws every character or reports it missing: none lost, none doubled', () => {
    check(
      fc.property(spans, options, (s, o) => {
        const laid = layoutParagraph(fonts, s, o);
        const given = counts(s.map((span) => span.text).join(''));
        const drawn = drawnChars(laid);
        const missing = new Set(laid.missing.map((m) => m.codePoint));
        for (const [cp, n] of drawn) expect(n, `U+${cp.toString(16)} drawn more often than given`).toBeLessThanOrEqual(given.get(cp) ?? 0);
        for (const [cp, n] of given) {
          if (missing.has(cp)) continue;
          expect(drawn.get(cp) ?? 0, `U+${cp.toString(16).padStart(4, '0')} lost`).toBe(n);
        }
      }),
    );
  });

  it('ends a line at every mandatory break (UAX #14 BK, CR, LF, NL), and makes no line that draws nothing otherwise', () => {
    check(
      fc.property(spans, options, (s, o) => {
        const laid = layoutParagraph(fonts, s, o);
        // Counted per span: CR LF is one break within a span, as folio reads spans.
        const mandatory = s.reduce((n, span) => n + (span.text.match(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g)?.length ?? 0), 0);
        expect(laid.lines.filter((l) => l.forced)).toHaveLength(mandatory);
        laid.lines.forEach((line, i) => {
          if (line.glyphs.length === 0 && !line.forced) expect(laid.lines.length, `line ${i} of ${laid.lines.length} is empty`).toBe(1);
        });
      }),
    );
  });
});
