import { describe, expect, it } from 'vitest';
import { parsePo } from '../../src/translate/formats/po.js';
import { checkStore } from '../../src/translate/qa.js';

function check(lang: string, body: string) {
  const text = `msgid ""\nmsgstr ""\n"Language: ${lang}\\n"\n\n${body}`;
  const parsed = parsePo(text);
  expect(parsed.problems).toEqual([]);
  return checkStore(parsed.catalog!, lang, `translations/${lang}.po`);
}

describe('translation QA', () => {
  it('accepts a good translation', () => {
    expect(check('fr', 'msgctxt "theme-01"\nmsgid "The **ILO** adopted [Convention No. 97](https://x.org) in 1949."\nmsgstr "L’**OIT** a adopté la [convention nº 97](https://x.org) en 1949."\n')).toEqual([]);
  });

  const cases: [string, string, string, string, 'error' | 'warning'][] = [
    ['qa/inline-codes', 'fr', 'msgctxt "theme-01"\nmsgid "The **ILO** met."\nmsgstr "L’OIT s’est réunie."\n', 'missing **', 'error'],
    ['qa/inline-codes', 'fr', 'msgctxt "theme-01"\nmsgid "See [the site](https://a.org)."\nmsgstr "Voir [le site](https://b.org)."\n', 'https://a.org', 'error'],
    ['qa/markdown', 'fr', 'msgctxt "theme-01"\nmsgid "A list item"\nmsgstr "- un élément"\n', 'one paragraph', 'error'],
    ['qa/numbers', 'fr', 'msgctxt "theme-01"\nmsgid "Adopted in 1949."\nmsgstr "Adoptée en 1950."\n', '1949', 'warning'],
    ['qa/whitespace', 'fr', 'msgctxt "config"\nmsgid "Rabat"\nmsgstr "Rabat "\n', 'white space', 'warning'],
    ['qa/identical', 'fr', 'msgctxt "theme-01"\nmsgid "This sentence is long enough to be suspicious when copied."\nmsgstr "This sentence is long enough to be suspicious when copied."\n', 'identical', 'warning'],
    ['qa/placeholders', 'fr', 'msgctxt "template:invitation"\nmsgid "We invite {country} to {city}."\nmsgstr "Nous invitons {pays} à {city}."\n', '{country}', 'error'],
    ['qa/icu-syntax', 'fr', 'msgctxt "template:invitation"\nmsgid "We invite {country}."\nmsgstr "Nous invitons {country."\n', 'ICU', 'error'],
    ['qa/plural-categories', 'ar', 'msgctxt "template:invitation"\nmsgid "{count, plural, one {one official} other {# officials}}"\nmsgstr "{count, plural, one {مسؤول واحد} other {# مسؤولين}}"\n', 'zero, two, few, many', 'error'],
  ];
  for (const [rule, lang, body, fragment, severity] of cases) {
    it(`${rule} (${severity}) with its place`, () => {
      const found = check(lang, body).filter((d) => d.rule === rule);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: `translations/${lang}.po`, line: 5, severity });
      expect(found[0]!.message).toContain(fragment);
    });
  }

  it('accepts an Arabic plural with all six categories', () => {
    const body = 'msgctxt "template:invitation"\nmsgid "{count, plural, one {one official} other {# officials}}"\nmsgstr "{count, plural, zero {لا أحد} one {مسؤول واحد} two {مسؤولان} few {# مسؤولين} many {# مسؤولًا} other {# مسؤول}}"\n';
    expect(check('ar', body)).toEqual([]);
  });

  it('prints template characters in a translation as text: {{…}} is no error and never runs', () => {
    expect(check('fr', 'msgctxt "theme-01"\nmsgid "Plain text."\nmsgstr "Texte {{danger}} brut."\n')).toEqual([]);
  });
});
