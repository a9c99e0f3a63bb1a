/**
 * Hyphenation points: Liang's patterns per language, the language's shortest fragments, and
 * the words never hyphenated (acronyms, codes, names, numbers, addresses).
 */
import { describe, expect, it } from 'vitest';
import { hyphenates, hyphenationPoints } from '../../src/text/hyphenate.js';

/** The word with a hyphen at each point. */
function show(word: string, lang: string): string {
  let out = '';
  let last = 0;
  for (const p of hyphenationPoints(word, lang)) {
    out += `${word.slice(last, p)}-`;
    last = p;
  }
  return out + word.slice(last);
}

describe('hyphenationPoints', () => {
  it('hyphenates by the language\'s patterns', () => {
    expect(show('international', 'en')).toBe('in-ter-na-tional');
    expect(show('développement', 'fr')).toBe('dé-ve-lop-pe-ment');
    expect(show('трудовой', 'ru')).toMatch(/^тру-до-вой$/);
    expect(show('trabajadores', 'es')).toBe('tra-ba-ja-do-res');
  });

  it('leaves at least 2 letters before and 3 after a hyphen in French and English', () => {
    for (const [word, lang] of [['économiques', 'fr'], ['organisation', 'fr'], ['travailleurs', 'fr'], ['hyphenation', 'en'], ['employment', 'en']] as const) {
      const points = hyphenationPoints(word, lang);
      expect(points.length).toBeGreaterThan(0);
      for (const p of points) {
        expect(p).toBeGreaterThanOrEqual(2);
        expect(word.length - p).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('counts letters, not UTF-16 units: a decomposed accent goes with its letter', () => {
    const nfd = 'de\u0301veloppement';
    for (const p of hyphenationPoints(nfd, 'fr')) expect(nfd[p]).not.toBe('\u0301');
    expect(hyphenationPoints(nfd, 'fr').length).toBeGreaterThan(0);
  });

  it('never hyphenates acronyms, codes, names, numbers, addresses or short words', () => {
    for (const word of ['OSCE', 'UNESCO', 'iPhone', 'COVID19', '2026-12-01', 'Marrakech', 'Casablanca', 'secretariat@osce.org', 'www.example.org', 'sources/themes', 'work']) {
      expect(hyphenationPoints(word, 'en'), word).toEqual([]);
    }
  });

  it('hyphenates capitalised nouns in German, where capitals are no sign of a name', () => {
    expect(hyphenationPoints('Gleichberechtigung', 'de').length).toBeGreaterThan(2);
  });

  it('knows which languages it has patterns for', () => {
    expect(hyphenates('fr')).toBe(true);
    expect(hyphenates('fr-CA')).toBe(true);
    expect(hyphenates('en-GB')).toBe(true);
    expect(hyphenates('ar')).toBe(false);
    expect(hyphenates('he')).toBe(false);
    expect(hyphenationPoints('مهاجرين', 'ar')).toEqual([]);
  });
});
