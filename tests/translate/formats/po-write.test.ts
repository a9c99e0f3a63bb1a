import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedInterop } from '../../helpers/kit.js';
import { parsePo, writePo, type PoCatalog, type PoEntry } from '../../../src/translate/formats/po.js';
import { mulberry32, randomCatalog } from './po-random.js';

const INTEROP = path.resolve(import.meta.dirname, '../../../../shared/interop');

function entry(fields: Partial<PoEntry> & { msgid: string }): PoEntry {
  return { msgstr: [''], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false, ...fields };
}

function withoutLines(catalog: PoCatalog): PoCatalog {
  return { ...catalog, entries: catalog.entries.map(({ line: _line, ...rest }) => rest) };
}

/** parsePo(writePo(c)) is c, and writing again gives the same bytes. */
function expectRoundTrip(catalog: PoCatalog): void {
  const text = writePo(catalog);
  const { catalog: back, problems } = parsePo(text);
  expect(problems, text).toEqual([]);
  expect(withoutLines(back!), text).toStrictEqual(withoutLines(catalog));
  expect(writePo(back!)).toBe(text);
}

describe('writePo', () => {
  it('writes the canonical layout: header, comments in order, one reference per line, previous fields, obsolete entries last', () => {
    const catalog: PoCatalog = {
      headerComments: ['folio translations: Geneva seminar'],
      headerFlags: ['fuzzy'],
      headers: [
        ['Language', 'fr'],
        ['Content-Type', 'text/plain; charset=UTF-8'],
      ],
      entries: [
        entry({ msgid: 'Gone', msgstr: ['Parti'], obsolete: true, previous: { msgid: 'Went' }, translatorComments: ['old'] }),
        entry({
          msgctxt: 'seg-12',
          msgid: 'The **welcome** dinner',
          msgstr: ['Le dîner de **bienvenue**'],
          translatorComments: ['Checked by Anne.'],
          extractedComments: ['sources/programme.md, heading'],
          references: ['sources/programme.md:12', 'my notes.md:3'],
          flags: ['fuzzy', 'markdown'],
          previous: { msgctxt: 'seg-12', msgid: 'The welcome dinner' },
        }),
        entry({ msgid: '{n} seat', msgidPlural: '{n} seats', msgstr: ['{n} place', '{n} places'] }),
      ],
    };
    expect(writePo(catalog)).toBe(
      [
        '# folio translations: Geneva seminar',
        '#, fuzzy',
        'msgid ""',
        'msgstr ""',
        '"Language: fr\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '',
        '# Checked by Anne.',
        '#. sources/programme.md, heading',
        '#: sources/programme.md:12',
        '#: \u2068my notes.md\u2069:3',
        '#, fuzzy, markdown',
        '#| msgctxt "seg-12"',
        '#| msgid "The welcome dinner"',
        'msgctxt "seg-12"',
        'msgid "The **welcome** dinner"',
        'msgstr "Le dîner de **bienvenue**"',
        '',
        'msgid "{n} seat"',
        'msgid_plural "{n} seats"',
        'msgstr[0] "{n} place"',
        'msgstr[1] "{n} places"',
        '',
        '# old',
        '#~| msgid "Went"',
        '#~ msgid "Gone"',
        '#~ msgstr "Parti"',
        '',
      ].join('\n'),
    );
  });

  it('breaks strings only after an embedded \\n, never for length', () => {
    const long = 'word '.repeat(40).trim();
    const text = writePo({
      headers: [],
      headerComments: [],
      entries: [
        entry({ msgid: long, msgstr: ['Line one\nLine "two"\n\nend'] }),
        entry({ msgid: 'Only a final break\n', msgstr: ['\n'], obsolete: true, previous: { msgid: 'a\nb' } }),
      ],
    });
    expect(text).toBe(
      [
        `msgid "${long}"`,
        'msgstr ""',
        '"Line one\\n"',
        '"Line \\"two\\"\\n"',
        '"\\n"',
        '"end"',
        '',
        '#~| msgid ""',
        '#~| "a\\n"',
        '#~| "b"',
        '#~ msgid "Only a final break\\n"',
        '#~ msgstr "\\n"',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for an empty catalog, and an empty header when it has only comments', () => {
    expect(writePo({ headers: [], headerComments: [], entries: [] })).toBe('');
    expect(writePo({ headers: [], headerComments: ['draft'], entries: [] })).toBe('# draft\nmsgid ""\nmsgstr ""\n');
  });

  it('writes what a comment, reference or flag cannot hold so that the file still reads', () => {
    const text = writePo({
      headers: [],
      headerComments: [],
      entries: [entry({ msgid: 'a', translatorComments: ['two\nlines'], references: ['', 'a\nb.md:1'], flags: ['x,y', ' '] })],
    });
    expect(parsePo(text).catalog?.entries[0]).toMatchObject({ translatorComments: ['two', 'lines'], references: ['a b.md:1'], flags: ['x y'] });
  });
});

describe('round trips', () => {
  it('gives back catalogs with tricky strings (property-style, fixed seed)', () => {
    const random = mulberry32(0x5eed);
    for (let i = 0; i < 300; i += 1) expectRoundTrip(randomCatalog(random));
  });

  it('gives back the polib files, and a canonical form that is stable', () => {
    if (!sharedInterop('the polib round trips are')) return;
    for (const name of ['polib-previous-msgid.po', 'polib-msgctxt.po']) {
      const first = parsePo(readFileSync(path.join(INTEROP, name), 'utf8')).catalog!;
      expectRoundTrip(first);
    }
  });
});
