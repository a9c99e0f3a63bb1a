import { describe, expect, it } from 'vitest';
import { splitScriptRuns } from '../../../src/render/docx/script-runs.js';

const runs = (text: string, direction: 'ltr' | 'rtl' = 'ltr') =>
  splitScriptRuns(text, direction).map((r) => [r.script, r.text]);

describe('splitScriptRuns', () => {
  it('keeps Latin text as one run', () => {
    expect(runs('Hello, world 2025!')).toEqual([['latin', 'Hello, world 2025!']]);
  });

  it('keeps Arabic text, its spaces and punctuation, as one run', () => {
    expect(runs('مرحبا بكم، أهلا.', 'rtl')).toEqual([['arabic', 'مرحبا بكم، أهلا.']]);
  });

  it('gives spaces between Latin and Arabic to the paragraph direction', () => {
    expect(runs('The word مرحبا means hello', 'ltr')).toEqual([
      ['latin', 'The word '],
      ['arabic', 'مرحبا'],
      ['latin', ' means hello'],
    ]);
    expect(runs('كلمة Water هنا', 'rtl')).toEqual([
      ['arabic', 'كلمة '],
      ['latin', 'Water'],
      ['arabic', ' هنا'],
    ]);
  });

  it('keeps digits after Latin text with it (UAX #9 W7) and with Arabic otherwise', () => {
    expect(runs('نص Governance 2025 هنا', 'rtl')).toEqual([
      ['arabic', 'نص '],
      ['latin', 'Governance 2025'],
      ['arabic', ' هنا'],
    ]);
    expect(runs('الرباط، 12–14 ماي', 'rtl')).toEqual([['arabic', 'الرباط، 12–14 ماي']]);
  });

  it('resolves trailing punctuation after Latin text to the paragraph direction', () => {
    expect(runs('مرحبا Hello.', 'rtl')).toEqual([
      ['arabic', 'مرحبا '],
      ['latin', 'Hello'],
      ['arabic', '.'],
    ]);
  });

  it('tells Hebrew from Arabic', () => {
    expect(runs('שלום and سلام')).toEqual([
      ['hebrew', 'שלום'],
      ['latin', ' and '],
      ['arabic', 'سلام'],
    ]);
  });

  it('keeps combining marks with their base letter', () => {
    expect(runs('café مُحَمَّد', 'ltr')).toEqual([
      ['latin', 'café '],
      ['arabic', 'مُحَمَّد'],
    ]);
  });

  it('never changes the text', () => {
    for (const text of ['', 'a & b < c', 'أ (ب) [ج] {{x}} * _ #', 'x\u200fy\u200ez', '😀 مرحبا 😀']) {
      for (const direction of ['ltr', 'rtl'] as const) {
        expect(splitScriptRuns(text, direction).map((r) => r.text).join('')).toBe(text);
      }
    }
  });
});
