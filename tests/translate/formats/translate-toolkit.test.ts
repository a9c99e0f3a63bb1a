/**
 * folio's XLIFF 1.2 through Translate Toolkit's xliff2po, as an agency runs it: every unit folio
 * publishes comes out translated (not fuzzy), and placeholders and footnote marks keep their text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTranslations } from '../../../src/translate/export-file.js';
import { parsePo } from '../../../src/translate/formats/po.js';
import { PROJECT, realTool } from '../../helpers/kit.js';

const haveToolkit = realTool('Translate Toolkit', ['xliff2po', '--version'], 'apt-get install -y translate-toolkit');

describe.skipIf(!haveToolkit)('Translate Toolkit', () => {
  it('xliff2po reads the published units of the sample\'s French XLIFF as translated, placeholders and notes intact', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-ttk-'));
    const { text } = await exportTranslations({ root: PROJECT, lang: 'fr', format: 'xliff12', onlyTodo: false });
    writeFileSync(path.join(dir, 'fr.xlf'), text);
    execFileSync('xliff2po', ['-i', path.join(dir, 'fr.xlf'), '-o', path.join(dir, 'fr.po')], { stdio: 'ignore' });
    const converted = parsePo(readFileSync(path.join(dir, 'fr.po'), 'utf8')).catalog!.entries.filter((e) => e.msgid !== '');
    const store = parsePo(readFileSync(path.join(PROJECT, 'translations/fr.po'), 'utf8')).catalog!.entries.filter((e) => !e.obsolete);
    expect(converted).toHaveLength(store.length);
    expect(converted.filter((e) => e.flags.includes('fuzzy')).length).toBe(store.filter((e) => e.flags.includes('fuzzy') || e.msgstr[0] === '').length);
    // Units without paired codes (Translate Toolkit keeps the text of <ph>, not the <g> around bold or links) read as in the store.
    let compared = 0;
    let placeholders = 0;
    // The same English in two contexts may have two translations: msgid → every translation.
    const bySource = new Map<string, string[]>();
    for (const e of converted) bySource.set(e.msgid, [...(bySource.get(e.msgid) ?? []), e.msgstr[0] ?? '']);
    for (const entry of store) {
      if (/\*|\[[^^]|_/.test(entry.msgid) || entry.msgstr[0] === '') continue;
      const other = bySource.get(entry.msgid);
      expect(other, entry.msgid).toBeDefined();
      expect(other!, entry.msgid).toContain(entry.msgstr[0]);
      compared++;
      if (/\{\w+\}|\[\^/.test(entry.msgid)) placeholders++;
    }
    expect(compared).toBeGreaterThan(300);
    expect(placeholders).toBeGreaterThan(20);
  });
});
