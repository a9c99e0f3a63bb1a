/**
 * Line filling on extreme but legal input: words far wider than the line,
 * mandatory breaks other than `\n`, lines that would draw nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FontLibrary } from '../../src/text/fonts.js';
import { layoutParagraph, type ParagraphOptions } from '../../src/text/layout-paragraph.js';
import { shapeStats } from '../../src/text/shape.js';
import { random, serif, visualText } from './helpers.js';

let fonts: FontLibrary;
beforeAll(async () => {
  fonts = await FontLibrary.load();
});

const base: ParagraphOptions = { width: 400, align: 'start', direction: 'auto', lang: 'en', lineHeight: 1.35 };

function lay(text: string, options: Partial<ParagraphOptions> = {}) {
  return layoutParagraph(fonts, [{ text, style: serif }], { ...base, ...options });
}

/** A word of random letters from `alphabet`, so that no two lines of it shape alike. */
function randomWord(alphabet: string, length: number, seed: number): string {
  const next = random(seed);
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('words wider than the line', () => {
  it('shapes each character of a long word a bounded number of times', () => {
    // Shaping the whole rest of the word again for every line made this
    // quadratic: ~3 million characters shaped for this 20 000-letter word.
    for (const [alphabet, lang] of [['abcdefghijklmnopqrstuvwxyz', 'en'], ['بتثجحخسشصضطظعغفقكلمنهي', 'ar']] as const) {
      const word = randomWord(alphabet, 20_000, 7);
      const before = shapeStats.chars;
      const { lines } = lay(word, { width: 120, lang });
      expect(lines.length).toBeGreaterThan(100);
      expect(shapeStats.chars - before).toBeLessThan(10 * word.length);
      expect(lines.reduce((n, l) => n + l.glyphs.reduce((m, g) => m + g.text.length, 0), 0)).toBe(word.length);
      for (const line of lines) expect(line.contentWidth).toBeLessThanOrEqual(120 + 1e-6);
    }
  });

  it('keeps an Arabic word joined on both sides of every break', () => {
    const word = 'سم'.repeat(20);
    const ids = (width: number) => lay(word, { width }).lines.flatMap((l) => l.glyphs.map((g) => g.glyphId));
    const broken = lay(word, { width: 40 }).lines;
    expect(broken.length).toBeGreaterThan(3);
    // The same glyphs as the word on one line: medial forms at the breaks,
    // not an initial form at the start of each line after the second.
    expect(ids(40).sort((a, b) => a - b)).toEqual(ids(5000).sort((a, b) => a - b));
  });

  it('keeps an invisible control with the character after it, so no line is blank', () => {
    // LRM and ZWJ are grapheme clusters of their own; a line of one of them alone drew nothing.
    for (const text of ['\u200e.', '\u200d\u05d0', '\u200e0\u0627']) {
      const { lines } = lay(text, { width: 0.01 });
      for (const line of lines) expect(line.glyphs.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(lines.map(visualText).join('')).toBe(text.replace(/[\u200d\u200e]/g, ''));
    }
  });

  it('makes no blank line for the spaces before a word too wide for the line', () => {
    const word = 'a'.repeat(30);
    for (const text of [` ${word}`, `abc\n  ${word}`]) {
      const { lines } = lay(text, { width: 50 });
      for (const line of lines) expect(line.glyphs.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(lines.map(visualText).join('')).toBe(text.replace(/\s/g, ''));
    }
    // Spaces alone after a forced break still end the paragraph with nothing more.
    expect(lay('abc\n ').lines.map(visualText)).toEqual(['abc']);
  });
});

describe('mandatory breaks (UAX #14 LB4–LB5)', () => {
  it('ends a line at VT, FF, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as at \\n, and draws none of them', () => {
    const { lines, missing } = lay('a\u000bb\u000cc\u0085d\u2028e\u2029f\r\ng\rh');
    expect(lines.map(visualText)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(lines.map((l) => l.forced)).toEqual([true, true, true, true, true, true, true, false]);
    expect(missing).toEqual([]);
  });

  it('keeps the paragraph direction across a PARAGRAPH SEPARATOR: one folio paragraph is one bidi paragraph', () => {
    const { lines, direction } = lay('مرحبا\u2029Hello world');
    expect(direction).toBe('rtl');
    expect(lines.map((l) => l.direction)).toEqual(['rtl', 'rtl']);
  });
});
