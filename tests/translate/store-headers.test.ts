/** The header of a translation store (src/translate/store-headers.ts, formats/plural-forms.ts). */
import { describe, expect, it } from 'vitest';
import { completeHeaders, gettextDate } from '../../src/translate/store-headers.js';
import { pluralForms } from '../../src/translate/formats/plural-forms.js';

const revised = new Date('2027-01-11T09:30:00Z');

describe('store headers', () => {
  it('a new store gets every field msgfmt --check asks for, in msginit\'s order, nothing personal', () => {
    const headers = completeHeaders([], 'fr', revised);
    expect(headers.map(([k]) => k)).toEqual([
      'Project-Id-Version', 'PO-Revision-Date', 'Last-Translator', 'Language-Team', 'Language', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding', 'Plural-Forms', 'X-Generator',
    ]);
    expect(Object.fromEntries(headers)).toMatchObject({ 'PO-Revision-Date': '2027-01-11 09:30+0000', Language: 'fr', 'Plural-Forms': 'nplurals=2; plural=(n > 1);', 'Last-Translator': 'Automatically generated' });
  });

  it('keeps what a store has (a translator\'s tool may have set it) and adds what it lacks where msginit puts it', () => {
    const headers = completeHeaders([
      ['Project-Id-Version', 'Rabat seminar'],
      ['last-translator', 'Amina B. <amina@example.org>'],
      ['Language', 'ar'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['X-Poedit-Basepath', '.'],
    ], 'ar', revised);
    expect(headers).toEqual([
      ['Project-Id-Version', 'Rabat seminar'],
      ['PO-Revision-Date', '2027-01-11 09:30+0000'],
      ['last-translator', 'Amina B. <amina@example.org>'],
      ['Language-Team', 'none'],
      ['Language', 'ar'],
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['Content-Transfer-Encoding', '8bit'],
      ['Plural-Forms', 'nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5);'],
      ['X-Poedit-Basepath', '.'],
      ['X-Generator', 'folio'],
    ]);
    expect(completeHeaders(headers, 'ar', new Date(0))).toEqual(headers);
  });

  it('gives gettext plural forms that sort whole numbers as CLDR does (the rules ICU messages use)', () => {
    for (const lang of ['en', 'fr', 'ar', 'ru', 'uk', 'pl', 'cs', 'de', 'es', 'it', 'tr', 'he', 'el', 'bg', 'ja']) {
      const forms = pluralForms(lang);
      expect(forms, lang).toBeDefined();
      const [, n, expression] = /^nplurals=(\d+); plural=(.+);$/.exec(forms!)!;
      // The C expression read as JavaScript (==, !=, ?:, %, && and || mean the same for whole numbers).
      const index = new Function('n', `return Number(${expression});`) as (n: number) => number;
      const rules = new Intl.PluralRules(lang);
      const byIndex = new Map<number, string>();
      const byCategory = new Map<string, number>();
      for (let k = 0; k <= 1200; k++) {
        const i = index(k);
        const category = rules.select(k);
        expect(i, `${lang} ${k}`).toBeLessThan(Number(n));
        expect(byIndex.get(i) ?? category, `${lang} ${k}`).toBe(category);
        expect(byCategory.get(category) ?? i, `${lang} ${k}`).toBe(i);
        byIndex.set(i, category);
        byCategory.set(category, i);
      }
    }
  });

  it('says nothing for a language gettext does not know, and falls back from a region to its language', () => {
    expect(pluralForms('qaa')).toBeUndefined();
    expect(pluralForms('fr-CA')).toBe(pluralForms('fr'));
    expect(gettextDate(new Date('2026-12-04T18:05:59Z'))).toBe('2026-12-04 18:05+0000');
  });
});
