import { describe, expect, it } from 'vitest';
import { checkSourceLanguage, telltaleWords } from '../../src/build/check-language.js';
import type { DocumentModel } from '../../src/document/model.js';
import type { PoCatalog, PoEntry } from '../../src/translate/formats/po.js';

const entry = (msgid: string, msgstr: string): PoEntry => ({ msgid, msgstr: [msgstr], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false } as unknown as PoEntry);
const store: PoCatalog = {
  headers: [], headerComments: [],
  entries: [
    entry('The seminar of the OSCE and the ILO in Rabat', 'Le séminaire de l’OSCE et de l’OIT à Rabat'),
    entry('The handbook of the seminar', 'Le manuel du séminaire'),
    entry('Seminar Secretariat', 'Secrétariat du séminaire'),
    entry('Dr', 'Dr'),
    entry('Untranslated and empty', ''),
  ],
};

const model = (texts: string[]): DocumentModel => ({
  kind: 'letter', origin: 'templates/invitation.md.hbs', direction: 'ltr', header: '', footer: '', footnotes: [],
  meta: { title: 't', author: 'a', lang: 'fr', date: new Date(0) },
  blocks: texts.map((value, i) => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value, place: { file: 'sources/seminar.yaml', line: i + 1, column: 1 } }] })),
} as unknown as DocumentModel);

describe('source-language words in a translated document', () => {
  it('learns the telltale words from the store: frequent in the sources, never in the translations', () => {
    const words = telltaleWords(store);
    expect(words.has('the')).toBe(true);
    expect(words.has('of')).toBe(true);
    expect(words.has('secretariat')).toBe(true);
    // Names and acronyms the translations also use, and words kept on purpose, are not telltale.
    for (const kept of ['osce', 'rabat', 'dr', 'séminaire']) expect(words.has(kept), kept).toBe(false);
    // A source whose translation is empty teaches nothing.
    expect(words.has('untranslated')).toBe(false);
  });

  it('reports the words a French document prints in English, placed at the first, an error under --strict', () => {
    const words = telltaleWords(store);
    const found = checkSourceLanguage(model(['Mme Leïla Bennani, Secrétariat du séminaire', 'Hashemite Kingdom of Jordan', 'The Secretariat of the seminar']), words, 'fr/invitations/JO', 'en');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', rule: 'i18n/source-language', file: 'sources/seminar.yaml', line: 2 });
    expect(found[0]!.message).toContain('English words');
    expect(found[0]!.message).toContain('“of” (2×)');
    expect(found[0]!.message).toContain('“Secretariat”');
    expect(checkSourceLanguage(model(['The end']), words, 'x', 'en', true)[0]!.severity).toBe('error');
    expect(checkSourceLanguage(model(['Le séminaire de l’OSCE à Rabat, Dr Marković']), words, 'x', 'en')).toEqual([]);
  });
});
