/**
 * Files written by real translation tools (kept in `shared/interop/` beside the project's
 * root; see its README for where each comes from). Where the folder is missing, as on a
 * machine without `shared/`, these tests are skipped with a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedInterop } from '../../helpers/kit.js';
import { sniffFormat } from '../../../src/translate/formats/sniff-format.js';
import { readTmx, writeTmx } from '../../../src/translate/formats/tmx.js';
import { readXliff12, writeXliff12 } from '../../../src/translate/formats/xliff12.js';
import { readXliff2, writeXliff2 } from '../../../src/translate/formats/xliff2.js';
import { memoryWithoutPlaces, utf8, withoutPlaces } from './exchange-helpers.js';

const interop = path.resolve(import.meta.dirname, '../../../../shared/interop');
const present = sharedInterop('the real-tool file tests are') !== undefined;

const bytes = (name: string) => new Uint8Array(readFileSync(path.join(interop, name)));
const ph = (n: number) => ({ kind: 'standalone', id: `ph_Placeholder_${n}`, data: `{${n - 1}}`, equiv: `{${n - 1}}` }) as const;

describe.skipIf(!present)('real tools’ files', () => {
  it('sniffs each sample’s format', () => {
    expect(
      ['okapi-context-and-ph.xlf', 'trados-studio.sdlxliff', 'okapi-sample.tmx', 'omegat-tmx-compliance-level2.tmx', 'polib-msgctxt.po', 'polib-previous-msgid.po'].map((n) => sniffFormat(bytes(n))),
    ).toEqual(['xliff12', 'xliff12', 'tmx', 'tmx', 'po', 'po']);
  });

  it('Okapi XLIFF 1.2: <ph equiv-text>, empty targets needing review, alt-trans, context groups, notes; bin-unit skipped', () => {
    const read = readXliff12(bytes('okapi-context-and-ph.xlf'));
    expect(read.problems).toEqual([]);
    const file = read.file!;
    expect([file.sourceLang, file.targetLang, file.original]).toEqual(['en-us', 'pt-BR', '/home/guest/demo/Test.txt']);
    expect(file.units.map((u) => [u.id, u.line, u.column])).toEqual([
      ['654022', 19, 9],
      ['654019', 36, 9],
    ]);
    const [first, second] = file.units;
    expect(first).toMatchObject({
      source: [
        "The automatic clean up operation for log only copy '",
        ph(1),
        '\\',
        ph(2),
        "' will not be run because the database has insufficient redundancy. Actual : ",
        ph(3),
        ', Expected : ',
        ph(4),
      ],
      state: 'needs-review',
      notes: ['trans unit note 1'],
      context: 'x-ResourceIdentity: 654022; x-SourceRevision: 1',
    });
    expect(first!.target).toBeUndefined();
    expect(first!.alternatives).toEqual([
      {
        quality: 10,
        source: first!.source,
        target: [
          "Automático limpar operação log de somente copiar '",
          ph(1),
          '\\',
          ph(2),
          "' não será executada porque o banco de dados possui redundância suficiente. Real: ",
          ph(3),
          ', valor esperado: ',
          ph(4),
        ],
      },
    ]);
    expect(second).toMatchObject({ state: 'needs-review', alternatives: [{ quality: 10 }] });
    expect(second!.notes).toBeUndefined();
    // The unit inside the bin-unit ("text & text") is not read.
    expect(JSON.stringify(file)).not.toContain('text & text');
  });

  it('Trados Studio: sentence segments joined into the unit, confirmation levels, translate="no" skipped', () => {
    const read = readXliff12(bytes('trados-studio.sdlxliff'));
    expect(read.problems).toEqual([]);
    expect(withoutPlaces(read.file)).toEqual({
      sourceLang: 'en-US',
      targetLang: 'fr-FR',
      original: 'C:\\Users\\ysavourel\\Desktop\\test.txt',
      units: [
        {
          id: '0414250d-cb61-4ed9-9a07-ad2e7587498a',
          source: ['First sentence. Second longer sentence. Followed by a third one. Modify. And CM match.'],
          target: ['Première phrase Seconde phrase, plus longue. Et ensuite une troisième. Modifier Et match CM.'],
          // Translated, Translated, Draft, ApprovedSignOff, ApprovedSignOff: the Draft decides.
          state: 'needs-review',
        },
      ],
    });
  });

  it('Okapi TMX: header srclang *all* per tu, props, notes, mixed-case languages, character references', () => {
    const read = readTmx(bytes('okapi-sample.tmx'));
    expect(read.problems).toEqual([]);
    expect(memoryWithoutPlaces(read.memory)).toEqual({
      sourceLang: 'en-us',
      entries: [
        {
          id: '0001',
          variants: new Map([
            ['en-us', ['data (with a non-standard character: \uF8FF).']],
            ['FR-CA', ['données (avec un caractère non standard: \uF8FF).']],
          ]),
          props: [
            { type: 'x-Domain', value: 'Computing' },
            { type: 'x-Project', value: 'Pægasus' },
          ],
          notes: ['Text of a note at the TU level.'],
          changedate: '19970314T023401Z', // the tuv's: the tu has none
        },
        {
          id: '0002',
          variants: new Map([
            ['en-us', ['menu']],
            ['FR-CA', ['menu']],
            ['FR-FR', ['menu']],
          ]),
          props: [{ type: 'Domain', value: 'Cooking\n   ' }],
        },
      ],
    });
    expect(read.memory!.entries.map((e) => e.line)).toEqual([25, 52]);
  });

  it('LISA compliance kit level 2: reordered and nested bpt/ept pairs, isolated it, escaped characters', () => {
    const read = readTmx(bytes('omegat-tmx-compliance-level2.tmx'));
    expect(read.problems).toEqual([]);
    const entries = read.memory!.entries;
    expect(entries.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(entries.every((e) => [...e.variants.keys()].join() === 'en-us,fr-ca')).toBe(true);
    const open = (id: string, data: string) => ({ kind: 'open', id, data });
    const close = (id: string, data: string) => ({ kind: 'close', id, data });
    expect(entries[0]!.variants.get('fr-ca')).toEqual(['Le gros ', open('2', '<u>'), 'chat', close('2', '</u>'), ' ', open('1', '<b>'), 'noir', close('1', '</b>'), ' dors.']);
    expect(entries[1]!.variants.get('en-us')).toEqual([
      'The ',
      open('1', '<u>'),
      open('2', '<b>'),
      'big',
      close('2', '</b>'),
      ' ',
      open('3', '<i>'),
      'black',
      close('3', '</i>'),
      close('1', '</u>'),
      ' cat sleeps.',
    ]);
    expect(entries[2]!.variants.get('en-us')).toEqual([
      'Test for special characters = ',
      open('1', '<b>'),
      '<',
      close('1', '</b>'),
      '=lt, ',
      open('2', '<b>'),
      '>',
      close('2', '</b>'),
      '=gt, ',
      open('3', '<b>'),
      '&',
      close('3', '</b>'),
      '=amp, ',
      open('4', '<b>'),
      '"',
      close('4', '</b>'),
      '=quot.',
    ]);
    expect(entries[4]!.variants.get('en-us')).toEqual(['Sentence ', open('1', '<b>'), 'one.']);
    expect(entries[5]!.variants.get('fr-ca')).toEqual(['Et', close('1', '</b>'), ' 2.']);
  });

  it('what folio reads from them, it writes and reads back unchanged', () => {
    for (const name of ['okapi-context-and-ph.xlf', 'trados-studio.sdlxliff']) {
      const file = withoutPlaces(readXliff12(bytes(name)).file)!;
      expect(withoutPlaces(readXliff12(utf8(writeXliff12(file))).file)).toEqual(file);
      expect(withoutPlaces(readXliff2(utf8(writeXliff2(file))).file)).toEqual(file);
    }
    for (const name of ['okapi-sample.tmx', 'omegat-tmx-compliance-level2.tmx']) {
      const memory = memoryWithoutPlaces(readTmx(bytes(name)).memory)!;
      expect(memoryWithoutPlaces(readTmx(utf8(writeTmx(memory))).memory)).toEqual(memory);
    }
  });
});
