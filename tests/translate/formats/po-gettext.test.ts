/** GNU gettext's own tools read what writePo writes, and parsePo reads what they write back. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePo, writePo, type PoCatalog } from '../../../src/translate/formats/po.js';
import { mulberry32, randomCatalog } from './po-random.js';
import { readFileSync } from 'node:fs';
import { checkStore, syntaxOf } from '../../../src/translate/qa.js';
import { updateStore } from '../../../src/translate/update-store.js';
import { PROJECT } from '../../helpers/kit.js';

const haveGettext = spawnSync('msgcat', ['--version']).status === 0 && spawnSync('msgfmt', ['--version']).status === 0;
if (!haveGettext) {
  // .ci/run installs gettext: there, its absence is a failure, not a skip.
  if (process.env.FOLIO_CI_TOOLS) throw new Error('GNU gettext (msgcat, msgfmt) is not on PATH, and .ci/run asked for it (FOLIO_CI_TOOLS): apt-get install -y gettext');
  console.warn('NOTE: GNU gettext (msgcat, msgfmt) is not on PATH: the gettext interop tests are skipped.');
}

describe.skipIf(!haveGettext)('GNU gettext', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-po-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fileOf(catalog: PoCatalog, name: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, writePo(catalog));
    return file;
  }

  it('msgfmt --check accepts contexts, plurals, previous fields, obsolete entries and escapes', () => {
    const file = fileOf(
      {
        headerComments: ['folio'],
        headers: [
          ['Project-Id-Version', 'folio'],
          ['PO-Revision-Date', '2025-03-01 10:00+0100'],
          ['Last-Translator', 'Anne <anne@example.org>'],
          ['Language-Team', 'French'],
          ['Language', 'fr'],
          ['MIME-Version', '1.0'],
          ['Content-Type', 'text/plain; charset=UTF-8'],
          ['Content-Transfer-Encoding', '8bit'],
          ['Plural-Forms', 'nplurals=2; plural=(n > 1);'],
        ],
        entries: [
          { msgctxt: 'seg-1', msgid: 'A "quote", a \\ and\ttab\nnext', msgstr: ['Des « guillemets », un \\ et\ttab\nsuite'], translatorComments: ['ok'], extractedComments: ['note'], references: ['a b.md:1', 'c.md:2'], flags: ['fuzzy'], previous: { msgid: 'A quote' }, obsolete: false },
          { msgid: '{n} seat', msgidPlural: '{n} seats', msgstr: ['{n} place', '{n} places'], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false },
          { msgid: 'gone', msgstr: ['parti'], translatorComments: [], extractedComments: [], references: [], flags: [], previous: { msgid: 'went' }, obsolete: true },
        ],
      },
      'check.po',
    );
    const result = spawnSync('msgfmt', ['--check', '-o', '/dev/null', file], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('msgcat, wrapping at 30 columns, gives back the same catalogs', () => {
    const random = mulberry32(0xca7);
    for (let i = 0; i < 40; i += 1) {
      const catalog = randomCatalog(random, { gettext: true });
      // gettext needs to know the charset to read anything beyond ASCII.
      catalog.headers.push(['Content-Type', 'text/plain; charset=UTF-8']);
      // msgcat writes nothing for a catalog without messages.
      catalog.entries.unshift({ msgid: 'always', msgstr: ['toujours'], translatorComments: [], extractedComments: [], references: [], flags: [], obsolete: false });
      const file = fileOf(catalog, `random-${i}.po`);
      const wrapped = execFileSync('msgcat', ['--width=30', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const { catalog: back, problems } = parsePo(wrapped);
      expect(problems, wrapped).toEqual([]);
      expect(writePo(back!), wrapped).toBe(writePo(catalog));
    }
  });
  it('a store folio writes passes msgfmt --check without a warning (its header complete), a new one too', () => {
    const fresh = updateStore(undefined, [{ context: 'concept-note', source: 'Background', kind: 'paragraph', syntax: 'markdown', place: { file: 'sources/concept-note.md', line: 6, column: 1 } }], [], { lang: 'ar', threshold: 75, revised: new Date('2027-01-11T00:00:00Z') });
    for (const file of [fileOf(fresh.catalog, 'fresh.po'), path.join(PROJECT, 'translations/fr.po'), path.join(PROJECT, 'translations/ar.po')]) {
      const result = spawnSync('msgfmt', ['--check', '-o', '/dev/null', file], { encoding: 'utf8' });
      expect(result.stderr, file).toBe('');
      expect(result.status, file).toBe(0);
    }
  });

  it('msgcat and msgmerge leave the sample\'s stores as folio reads them (gettext drops #, icu-format: folio knows messages by their context)', () => {
    for (const lang of ['fr', 'ar']) {
      const file = path.join(PROJECT, `translations/${lang}.po`);
      const original = parsePo(readFileSync(file, 'utf8')).catalog!;
      const catted = execFileSync('msgcat', [file], { encoding: 'utf8' });
      const merged = path.join(dir, `merged-${lang}.po`);
      execFileSync('msgmerge', ['--quiet', '--no-fuzzy-matching', '-o', merged, file, file]);
      for (const [tool, text] of [['msgcat', catted], ['msgmerge', readFileSync(merged, 'utf8')]] as const) {
        const { catalog: back, problems } = parsePo(text);
        expect(problems, tool).toEqual([]);
        expect(back!.headers, tool).toEqual(original.headers);
        const byKey = new Map(back!.entries.map((e) => [`${e.msgctxt}\u0000${e.msgid}\u0000${e.obsolete}`, e]));
        for (const entry of original.entries) {
          const other = byKey.get(`${entry.msgctxt}\u0000${entry.msgid}\u0000${entry.obsolete}`);
          expect(other, `${tool} ${entry.msgctxt} ${entry.msgid}`).toBeDefined();
          expect(other!.msgstr, tool).toEqual(entry.msgstr);
          expect(syntaxOf(other!), `${tool} ${entry.msgctxt}`).toBe(syntaxOf(entry));
          expect(other!.flags.includes('fuzzy'), tool).toBe(entry.flags.includes('fuzzy'));
          expect(other!.flags.filter((f) => f !== 'icu-format'), tool).toEqual(entry.flags.filter((f) => f !== 'icu-format'));
        }
        const findings = (c: typeof original) => checkStore(c, lang, `translations/${lang}.po`).map((d) => `${d.rule} ${d.message}`).sort();
        expect(findings(back!), tool).toEqual(findings(original));
      }
    }
  });
});
