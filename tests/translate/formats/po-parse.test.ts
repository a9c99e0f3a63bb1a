import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedInterop } from '../../helpers/kit.js';
import { entryKey, isFuzzy, parsePo, type PoCatalog, type PoEntry } from '../../../src/translate/formats/po.js';

/** Real files from other tools, beside the project (see /work/shared/interop/README.md). */
const INTEROP = path.resolve(import.meta.dirname, '../../../../shared/interop');

function read(text: string): PoCatalog {
  const { catalog, problems } = parsePo(text);
  expect(problems).toEqual([]);
  return catalog!;
}

function entry(fields: Partial<PoEntry> & { msgid: string }): PoEntry {
  return { msgstr: [''], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false, ...fields };
}

describe('parsePo', () => {
  it('reads the header, its comments and flags, and entries with every kind of comment', () => {
    const catalog = read(
      [
        '# Translation of the Geneva seminar.',
        '# Copyright (C) 2025',
        '#, fuzzy',
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: folio 0.1\\n"',
        '"Language: ar\\n"',
        '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        '',
        '# Keep it short.',
        '#.  Title of the programme page',
        '#: sources/programme.md:1 sources/handbook/03.md:12',
        '#: templates/cover.hbs:4',
        '#, fuzzy, c-format',
        '#,range: 0..10',
        'msgid "Programme"',
        'msgstr "البرنامج"',
        '',
      ].join('\n'),
    );
    expect(catalog.headerComments).toEqual(['Translation of the Geneva seminar.', 'Copyright (C) 2025']);
    expect(catalog.headerFlags).toEqual(['fuzzy']);
    expect(catalog.headers).toEqual([
      ['Project-Id-Version', 'folio 0.1'],
      ['Language', 'ar'],
      ['Plural-Forms', 'nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
    ]);
    expect(catalog.entries).toEqual([
      entry({
        msgid: 'Programme',
        msgstr: ['البرنامج'],
        translatorComments: ['Keep it short.'],
        extractedComments: [' Title of the programme page'],
        references: ['sources/programme.md:1', 'sources/handbook/03.md:12', 'templates/cover.hbs:4'],
        flags: ['fuzzy', 'c-format', 'range: 0..10'],
        line: 11,
      }),
    ]);
    expect(isFuzzy(catalog.entries[0]!)).toBe(true);
  });

  it('joins multi-line strings and reads every escape', () => {
    const catalog = read(
      [
        'msgid ""',
        '"First line\\n"',
        '"Second \\"line\\"\\n"',
        '"tab\\there \\\\ back\\r\\a\\b\\f\\v \\101\\x42 caf\\303\\251"',
        'msgstr "one" " two"',
      ].join('\n'),
    );
    expect(catalog.entries[0]).toMatchObject({
      msgid: 'First line\nSecond "line"\ntab\there \\ back\r\x07\b\f\v AB café',
      msgstr: ['one two'],
      line: 1,
    });
    // Without a header entry there is no header.
    expect(catalog.headers).toEqual([]);
  });

  it('reads contexts and plural forms, and keys entries as gettext does', () => {
    const catalog = read(
      [
        'msgctxt "button"',
        'msgid "Open"',
        'msgstr "Ouvrir"',
        '',
        'msgctxt ""',
        'msgid "Open"',
        'msgstr "Ouvert"',
        '',
        'msgid "Open"',
        'msgstr "Ouverte"',
        '',
        'msgid "{count} seat"',
        'msgid_plural "{count} seats"',
        'msgstr[0] "{count} place"',
        'msgstr[1] ""',
        '"{count} places"',
      ].join('\n'),
    );
    const [button, emptyContext, none, plural] = catalog.entries;
    expect(button).toMatchObject({ msgctxt: 'button', msgid: 'Open', msgstr: ['Ouvrir'] });
    expect(emptyContext).toMatchObject({ msgctxt: '', msgstr: ['Ouvert'] });
    expect(none).not.toHaveProperty('msgctxt');
    expect(plural).toMatchObject({ msgid: '{count} seat', msgidPlural: '{count} seats', msgstr: ['{count} place', '{count} places'] });
    expect(catalog.entries.map(entryKey)).toEqual(['button\u0004Open', '\u0004Open', 'Open', '{count} seat']);
  });

  it('reads previous fields (multi-line too) and obsolete entries with their own previous fields', () => {
    const catalog = read(
      [
        '#, fuzzy',
        '#| msgctxt "old context"',
        '#| msgid ""',
        '#| "Old\\n"',
        '#| "text"',
        '#| msgid_plural "Old texts"',
        'msgid "New"',
        'msgid_plural "News"',
        'msgstr[0] "Nouveau"',
        'msgstr[1] "Nouveaux"',
        '',
        '# Kept from 2024.',
        '#, fuzzy',
        '#~| msgid "Gone before"',
        '#~ msgctxt "menu"',
        '#~ msgid ""',
        '#~ "Gone\\n"',
        '#~ "away"',
        '#~ msgstr "Parti"',
      ].join('\n'),
    );
    expect(catalog.entries).toEqual([
      entry({
        msgid: 'New',
        msgidPlural: 'News',
        msgstr: ['Nouveau', 'Nouveaux'],
        flags: ['fuzzy'],
        previous: { msgctxt: 'old context', msgid: 'Old\ntext', msgidPlural: 'Old texts' },
        line: 1,
      }),
      entry({
        msgctxt: 'menu',
        msgid: 'Gone\naway',
        msgstr: ['Parti'],
        translatorComments: ['Kept from 2024.'],
        flags: ['fuzzy'],
        previous: { msgid: 'Gone before' },
        obsolete: true,
        line: 12,
      }),
    ]);
  });

  it('skips a BOM, reads CRLF line ends, and keeps leading spaces of comments beyond the first', () => {
    const catalog = read('\uFEFFmsgid ""\r\nmsgstr ""\r\n"Language: fr\\n"\r\n\r\n#  indented\r\n#\r\nmsgid "a"\r\nmsgstr "b"\r\n');
    expect(catalog.headers).toEqual([['Language', 'fr']]);
    expect(catalog.entries).toEqual([entry({ msgid: 'a', msgstr: ['b'], translatorComments: [' indented', ''], line: 5 })]);
  });

  it('reads entries that follow each other without blank lines, and strings in any indentation', () => {
    const catalog = read(['msgid "a"', 'msgstr "1"', 'msgid "b"', 'msgstr "2"', '#. note', '  msgid "c"', '\tmsgstr "3"'].join('\n'));
    expect(catalog.entries.map((e) => [e.msgid, e.msgstr[0], e.line])).toEqual([
      ['a', '1', 1],
      ['b', '2', 3],
      ['c', '3', 5],
    ]);
  });

  it('reads references with spaces in the file name between FSI and PDI (gettext ≥ 0.22)', () => {
    const catalog = read('#: \u2068my notes.md\u2069:3 other.md:4\nmsgid "a"\nmsgstr ""\n');
    expect(catalog.entries[0]!.references).toEqual(['my notes.md:3', 'other.md:4']);
  });

  it('keeps a file of comments alone as header comments, and reads an empty file', () => {
    expect(read('# nothing to translate yet\n')).toEqual({ headers: [], headerComments: ['nothing to translate yet'], entries: [] });
    expect(read('')).toEqual({ headers: [], headerComments: [], entries: [] });
  });
});

describe('parsePo on files written by polib', () => {
  const have = sharedInterop('the polib interop tests are') !== undefined;

  it.skipIf(!have)('reads previous msgctxt and msgid, multi-line ones included', () => {
    const catalog = read(readFileSync(path.join(INTEROP, 'polib-previous-msgid.po'), 'utf8'));
    expect(catalog.headerComments).toEqual(['test file for previous msgid']);
    expect(catalog.headers).toEqual([['Content-Type', 'text/plain; charset=UTF-8']]);
    expect(catalog.entries).toEqual([
      entry({
        msgid: 'The new msgid',
        references: ['disk-utils/cfdisk.c:1825'],
        previous: { msgctxt: '\nSome message context', msgid: '\nPartition table entries are not in disk order\n' },
        line: 6,
      }),
      entry({
        msgid: 'The new msgid2',
        previous: { msgctxt: 'Some message context', msgid: 'Partition table entries are not in disk order2\n' },
        line: 17,
      }),
    ]);
    expect(catalog.entries.map(isFuzzy)).toEqual([false, false]);
  });

  it.skipIf(!have)('reads contexts, the same msgid with and without one, and plural forms', () => {
    const catalog = read(readFileSync(path.join(INTEROP, 'polib-msgctxt.po'), 'utf8'));
    expect(catalog.headerComments).toEqual(['test file for msgctx in mo files (issue #22)']);
    expect(catalog.entries).toEqual([
      entry({ msgctxt: 'Some message context', msgid: 'some string', msgstr: ['une chaîne avec contexte'], line: 6 }),
      entry({
        msgctxt: 'Some other message context',
        msgid: 'singular',
        msgidPlural: 'plural',
        msgstr: ['singulier', 'pluriel'],
        line: 10,
      }),
      entry({ msgid: 'some string', msgstr: ['une chaîne sans contexte'], line: 16 }),
    ]);
    expect(catalog.entries.map(entryKey)).toEqual([
      'Some message context\u0004some string',
      'Some other message context\u0004singular',
      'some string',
    ]);
    expect(catalog.entries.every((e) => e.flags.length === 0)).toBe(true);
  });
});
