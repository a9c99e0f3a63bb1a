/**
 * folio's XLIFF 1.2 through Translate Toolkit's xliff2po, as an agency runs it: every unit folio
 * publishes comes out translated (not fuzzy), its Markdown, placeholders and footnote marks as
 * text; and back through po2xliff into the store, where only what the translator changed changes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTranslations } from '../../../src/translate/export-file.js';
import { parsePo } from '../../../src/translate/formats/po.js';
import { copyKit, PROJECT, realTool, runCli } from '../../helpers/kit.js';
import { writePo } from '../../../src/translate/formats/po.js';

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
    // Every unit reads as in the store: codes hold their markup (<bpt>, <ph>), which xliff2po keeps.
    let compared = 0;
    let placeholders = 0;
    // The same English in two contexts may have two translations: msgid → every translation.
    const bySource = new Map<string, string[]>();
    for (const e of converted) bySource.set(e.msgid, [...(bySource.get(e.msgid) ?? []), e.msgstr[0] ?? '']);
    for (const entry of store) {
      // Markdown escapes (`\&` in a URL) are the store's syntax, not text: the PO shows the text.
      if (entry.msgstr[0] === '' || entry.msgid.includes('\\')) continue;
      const other = bySource.get(entry.msgid);
      expect(other, entry.msgid).toBeDefined();
      expect(other!, entry.msgid).toContain(entry.msgstr[0]);
      compared++;
      if (/\{\w+\}|\[\^/.test(entry.msgid)) placeholders++;
    }
    expect(compared).toBeGreaterThan(1000);
    expect(placeholders).toBeGreaterThan(20);
    expect(converted.some((e) => /\*\*[^*]+\*\*/.test(e.msgid) && /\]\(https?:/.test(e.msgid))).toBe(true);
  });

  it('xliff2po, a translator\'s edits in the PO, po2xliff: folio imports exactly those edits, markup and placeholders kept', () => {
    const root = copyKit();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-ttk-'));
    const store = path.join(root, 'translations', 'fr.po');
    // Two units wait for a translation: one plain, one with bold and a link.
    const catalog = parsePo(readFileSync(store, 'utf8')).catalog!;
    const live = catalog.entries.filter((e) => !e.obsolete && e.msgstr[0] !== '');
    const plain = live.find((e) => /^[\w ,.’'-]+$/.test(e.msgid) && e.msgid.length > 30)!;
    const marked = live.find((e) => e.msgid.includes('**') && /\]\(https?:/.test(e.msgid) && !e.msgid.includes('\\'))!;
    const icu = live.find((e) => e.msgctxt?.startsWith('template:') && /\{\w+\}/.test(e.msgid))!;
    for (const e of [plain, marked, icu]) expect(e, 'test setup').toBeDefined();
    const wanted = new Map([[plain, plain.msgstr[0]!], [marked, marked.msgstr[0]!]]);
    plain.msgstr = [''];
    marked.msgstr = [''];
    writeFileSync(store, writePo(catalog));
    const before = readFileSync(store, 'utf8');
    const xlf = path.join(dir, 'fr.xlf');
    expect(runCli(['export', '--root', root, '--lang', 'fr', '--format', 'xliff12', '-o', xlf]).status).toBe(0);
    execFileSync('xliff2po', ['-i', xlf, '-o', path.join(dir, 'fr.po')], { stdio: 'ignore' });
    // The translator: the two units translated and made final, a word of a template's message changed.
    const po = parsePo(readFileSync(path.join(dir, 'fr.po'), 'utf8')).catalog!;
    for (const [entry, translation] of wanted) {
      const converted = po.entries.find((e) => e.msgid === entry.msgid)!;
      expect(converted.flags).toContain('fuzzy');
      converted.msgstr = [translation];
      converted.flags = converted.flags.filter((f) => f !== 'fuzzy');
    }
    const message = po.entries.find((e) => e.msgid === icu.msgid && e.msgstr[0] === icu.msgstr[0])!;
    const edited = `${icu.msgstr[0]!} (révisé)`;
    message.msgstr = [edited];
    writeFileSync(path.join(dir, 'fr.po'), writePo(po));
    execFileSync('po2xliff', ['-i', path.join(dir, 'fr.po'), '-o', path.join(dir, 'back.xlf')], { stdio: 'ignore' });
    const imported = runCli(['import', path.join(dir, 'back.xlf'), '--root', root, '--lang', 'fr']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout + imported.stderr).toMatch(/3 units updated, \d+ unchanged, 0 not applied/);
    const after = parsePo(readFileSync(store, 'utf8')).catalog!;
    const find = (e: { msgctxt?: string; msgid: string }) => after.entries.find((a) => a.msgctxt === e.msgctxt && a.msgid === e.msgid)!;
    for (const [entry, translation] of wanted) {
      expect(find(entry).msgstr[0]).toBe(translation);
      expect(find(entry).flags).not.toContain('fuzzy');
    }
    expect(find(icu).msgstr[0]).toBe(edited);
    // Nothing else changed.
    const rest = (text: string) => parsePo(text).catalog!.entries.filter((e) => ![plain, marked, icu].some((w) => w.msgid === e.msgid && w.msgctxt === e.msgctxt)).map((e) => `${e.msgctxt}|${e.msgid}|${e.msgstr.join('|')}|${e.flags.join()}`);
    expect(rest(readFileSync(store, 'utf8'))).toEqual(rest(before));
    expect(runCli(['validate', '--root', root, '--lang', 'fr']).status).toBe(0);
  });

  it('a source copy Translate Toolkit marked fuzzy and po2xliff wrote back as needs-translation is not imported', () => {
    const root = copyKit();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-ttk-'));
    const store = path.join(root, 'translations', 'fr.po');
    const catalog = parsePo(readFileSync(store, 'utf8')).catalog!;
    catalog.entries.find((e) => !e.obsolete && e.msgstr[0] !== '')!.msgstr = [''];
    writeFileSync(store, writePo(catalog));
    const before = readFileSync(store, 'utf8');
    expect(runCli(['export', '--root', root, '--lang', 'fr', '--format', 'xliff12', '--only-todo', '-o', path.join(dir, 'todo.xlf')]).status).toBe(0);
    execFileSync('xliff2po', ['-i', path.join(dir, 'todo.xlf'), '-o', path.join(dir, 'todo.po')], { stdio: 'ignore' });
    execFileSync('po2xliff', ['-i', path.join(dir, 'todo.po'), '-o', path.join(dir, 'back.xlf')], { stdio: 'ignore' });
    expect(runCli(['import', path.join(dir, 'back.xlf'), '--root', root, '--lang', 'fr']).status).toBe(0);
    expect(readFileSync(store, 'utf8')).toBe(before);
  });
});
