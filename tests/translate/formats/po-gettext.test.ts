/** GNU gettext's own tools read what writePo writes, and parsePo reads what they write back. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePo, writePo, type PoCatalog } from '../../../src/translate/formats/po.js';
import { mulberry32, randomCatalog } from './po-random.js';

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
});
