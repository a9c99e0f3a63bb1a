/**
 * folio's XLIFF 1.2 through OmegaT's console mode (Debian's omegat), as a freelance translator
 * works: the untranslated units of an export are found and translated from a memory in tm/auto,
 * and come back into the store as translated, not fuzzy; what OmegaT did not translate stays
 * untranslated, never broken.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePo } from '../../../src/translate/formats/po.js';
import { copyKit, realTool, runCli } from '../../helpers/kit.js';

const haveOmegat = realTool('OmegaT', ['sh', '-c', 'command -v omegat'], 'apt-get install -y omegat');

const PROJECT_FILE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir><source_dir_excludes/><target_dir>target</target_dir><tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir><glossary_file>glossary/glossary.txt</glossary_file><dictionary_dir>dictionary</dictionary_dir>
    <source_lang>en</source_lang><target_lang>fr</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok><target_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</target_tok>
    <sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations><remove_tags>false</remove_tags>
  </project>
</omegat>
`;

describe.skipIf(!haveOmegat)('OmegaT console mode', () => {
  it('translates the units of an --only-todo export from a memory; folio imports them as translated', () => {
    const root = copyKit();
    const po = path.join(root, 'translations/fr.po');
    const original = readFileSync(po, 'utf8');
    const project = path.join(root, 'omegat-project');
    for (const dir of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(path.join(project, dir), { recursive: true });
    writeFileSync(path.join(project, 'omegat.project'), PROJECT_FILE);
    // The memory: the store as it is, in OmegaT's tags (folio's TMX export for an OmegaT project).
    expect(runCli(['export', '--root', root, '--lang', 'fr', '--format', 'tmx', '--tags', 'omegat', '-o', path.join(project, 'tm/auto/fr.tmx')]).status).toBe(0);
    // Twelve units of chapter 1 lose their translation, plain ones and ones with bold, links or
    // footnote marks inside, and two template messages with placeholders.
    const all = parsePo(original).catalog!.entries.filter((e) => !e.obsolete && e.msgstr[0] && !e.flags.includes('fuzzy'));
    const inner = (e: { msgid: string }) => /\S(\*\*?|\[)\S/.test(e.msgid.slice(1, -1));
    const entries = [
      ...all.filter((e) => e.msgctxt === 'chapter-01' && !inner(e)).slice(0, 5),
      ...all.filter((e) => e.msgctxt?.startsWith('chapter-') && inner(e)).slice(0, 5),
      ...all.filter((e) => e.msgctxt === 'template:invitation' && /\{\w+\}.*\{\w+\}/.test(e.msgid) && !e.msgid.includes(', plural,')).slice(0, 2),
    ];
    expect(entries.filter(inner).length).toBe(5);
    let text = original;
    for (const e of entries) text = text.replace(`msgstr "${e.msgstr[0]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`, 'msgstr ""');
    writeFileSync(po, text);
    expect(runCli(['export', '--root', root, '--lang', 'fr', '--format', 'xliff12', '--only-todo', '-o', path.join(project, 'source/todo.xlf')]).status).toBe(0);
    const omegat = spawnSync('omegat', [project, '--mode=console-translate'], { encoding: 'utf8', timeout: 240_000 });
    expect(omegat.status, omegat.stderr).toBe(0);
    cpSync(path.join(project, 'target/todo.xlf'), path.join(root, 'from-omegat.xlf'));
    const imported = runCli(['import', path.join(root, 'from-omegat.xlf'), '--root', root, '--lang', 'fr']);
    expect(imported.status, imported.stderr).toBe(0);
    const after = new Map(parsePo(readFileSync(po, 'utf8')).catalog!.entries.map((e) => [`${e.msgctxt}\u0000${e.msgid}`, e]));
    let translated = 0;
    for (const e of entries) {
      const back = after.get(`${e.msgctxt}\u0000${e.msgid}`)!;
      // Translated exactly as the memory had it, and as translated; or left untranslated.
      if (back.msgstr[0] !== '') {
        expect(back.msgstr[0], e.msgid).toBe(e.msgstr[0]);
        expect(back.flags, e.msgid).not.toContain('fuzzy');
        translated++;
      }
    }
    // With the memory in OmegaT's tags, OmegaT fills every unit, codes inside or not.
    expect(translated).toBe(entries.length);
  });
});
