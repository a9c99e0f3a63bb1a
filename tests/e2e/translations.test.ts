/**
 * The translators' workflow through the real CLI, on copies of the sample kit:
 * extract, export, import (own files and real tools' files), memory, fuzzy, --strict, QA, status.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyKit, editFile, fold, hasTool, pdfText, runCli, PROJECT, sharedInterop } from '../helpers/kit.js';
import { parsePo } from '../../src/translate/formats/po.js';

const copyKitWithTranslations = copyKit;

function store(root: string, lang: string) {
  const parsed = parsePo(readFileSync(path.join(root, `translations/${lang}.po`), 'utf8'));
  expect(parsed.problems).toEqual([]);
  return parsed.catalog!;
}

const INTEROP = path.resolve(PROJECT, '..', 'shared', 'interop');

describe('extract', () => {
  it('changes nothing on the sample (the stores are up to date), twice', () => {
    const root = copyKitWithTranslations();
    const before = ['fr', 'ar'].map((l) => readFileSync(path.join(root, `translations/${l}.po`), 'utf8'));
    for (let i = 0; i < 2; i++) {
      const result = runCli(['extract', '--root', root]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/translations\/fr\.po: unchanged/);
    }
    expect(['fr', 'ar'].map((l) => readFileSync(path.join(root, `translations/${l}.po`), 'utf8'))).toEqual(before);
  });

  it('a changed English paragraph becomes fuzzy with its previous source in every language, and is not published', () => {
    const root = copyKitWithTranslations();
    const brief = path.join(root, 'sources/themes', readdirSync(path.join(root, 'sources/themes')).sort()[0]!);
    const original = /## Purpose\n\n(.+)\n/.exec(readFileSync(brief, 'utf8'))![1]!;
    const changed = original.replace(/\.$/, ', and in particular the role of diasporas.');
    editFile(brief, (t) => t.replace(original, changed));
    expect(runCli(['extract', '--root', root]).status).toBe(0);
    for (const lang of ['fr', 'ar']) {
      const entry = store(root, lang).entries.find((e) => e.msgid === changed)!;
      expect(entry.flags).toContain('fuzzy');
      expect(entry.previous?.msgid).toBe(original);
      expect(entry.msgstr[0]).not.toBe('');
      const raw = readFileSync(path.join(root, `translations/${lang}.po`), 'utf8');
      expect(raw).toContain(`#| msgid "${original.slice(0, 30)}`);
    }
    // --strict refuses to publish it, naming the store and line.
    const strict = runCli(['build', '--root', root, '--out', path.join(root, 'out'), '--lang', 'fr', '--only', 'briefs', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/translations\/fr\.po:\d+:1: error: Fuzzy fr translation .*\[translate\/fuzzy\]/);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    // Without --strict the English text is printed for that unit, with a warning.
    const normal = runCli(['build', '--root', root, '--out', path.join(root, 'out'), '--lang', 'fr', '--only', 'briefs', '--format', 'pdf']);
    expect(normal.status).toBe(0);
    expect(normal.stderr).toMatch(/1 fuzzy unit printed in the source language.*\[translate\/incomplete\]/);
    if (hasTool('pdftotext')) {
      const pdf = path.join(root, 'out/fr/briefs', path.basename(brief).replace('.md', '.pdf'));
      expect(fold(pdfText(pdf))).toContain(fold(changed).slice(0, 60));
    }
    // --allow-fuzzy publishes the fuzzy translation instead.
    const fuzzy = runCli(['build', '--root', root, '--out', path.join(root, 'out2'), '--lang', 'fr', '--only', 'briefs', '--format', 'pdf', '--allow-fuzzy']);
    expect(fuzzy.status).toBe(0);
    expect(fuzzy.stderr).not.toMatch(/translate\/incomplete/);
  });
});

describe('round trips with translators\' tools', () => {
  for (const format of ['po', 'xliff12', 'xliff2']) {
    it(`${format}: export then import changes nothing, byte for byte`, () => {
      const root = copyKitWithTranslations();
      const before = readFileSync(path.join(root, 'translations/ar.po'));
      const file = path.join(root, `export.${format}`);
      expect(runCli(['export', '--root', root, '--lang', 'ar', '--format', format, '-o', file]).status).toBe(0);
      const result = runCli(['import', file, '--root', root]);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/0 units updated/);
      expect(readFileSync(path.join(root, 'translations/ar.po')).equals(before)).toBe(true);
    });
  }

  it('an XLIFF 1.2 edited as a CAT tool edits it imports cleanly', () => {
    const root = copyKitWithTranslations();
    // Two units to do: blank their French translations.
    const po = path.join(root, 'translations/fr.po');
    const catalog = store(root, 'fr');
    const targets = catalog.entries.filter((e) => e.msgctxt === 'template:invitation' && e.msgid.includes('**') && !e.msgid.includes('plural')).slice(0, 2);
    let text = readFileSync(po, 'utf8');
    for (const e of targets) text = text.replace(`msgstr "${e.msgstr[0]!.replace(/"/g, '\\"')}"`, 'msgstr ""');
    writeFileSync(po, text);
    expect(store(root, 'fr').entries.filter((e) => targets.some((t) => t.msgid === e.msgid)).every((e) => e.msgstr[0] === '')).toBe(true);
    const file = path.join(root, 'todo.xlf');
    expect(runCli(['export', '--root', root, '--lang', 'fr', '--format', 'xliff12', '--only-todo', '-o', file]).status).toBe(0);
    let xlf = readFileSync(file, 'utf8');
    expect((xlf.match(/<trans-unit /g) ?? []).length).toBe(2);
    // What a CAT tool does: add targets (keeping the inline codes), mark them translated,
    // reorder attributes, re-indent, and add its own namespace and elements.
    xlf = xlf.replace(/<source( xml:space="preserve")?>([\s\S]*?)<\/source>/g, (_m, _s, inner: string) =>
      `<source>${inner}</source>\n<target state="final" tool:origin="mt">${inner} (FR)</target><tool:meta a="1"/>`);
    xlf = xlf.replace('<xliff ', '<xliff xmlns:tool="urn:x-tool" ').replace(/\n\s+/g, '\n');
    writeFileSync(file, xlf);
    const result = runCli(['import', file, '--root', root]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/fr: 2 units updated/);
    for (const t of store(root, 'fr').entries.filter((e) => targets.some((x) => x.msgid === e.msgid))) {
      expect(t.msgstr[0]).toMatch(/\(FR\)$/);
      expect(t.msgstr[0]).toContain('**'); // the codes came back as Markdown
      expect(t.flags).not.toContain('fuzzy');
    }
    // And the kit still validates (placeholders and codes intact).
    expect(runCli(['validate', '--root', root, '--lang', 'fr']).status).toBe(0);
  });

  it('a unit whose source changed since the export is reported, not applied', () => {
    const root = copyKitWithTranslations();
    const file = path.join(root, 'all.xlf');
    expect(runCli(['export', '--root', root, '--lang', 'fr', '--format', 'xliff12', '-o', file]).status).toBe(0);
    const xlf = readFileSync(file, 'utf8').replace('<source>Background</source>', '<source>Background story</source>');
    writeFileSync(file, xlf);
    const result = runCli(['import', file, '--root', root]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/all\.xlf:\d+:\d+: warning: Unit u[0-9a-f]+: its source no longer matches.*\[import\/source-changed\]/);
    expect(result.stdout).toMatch(/1 not applied/);
  });

  it('a malformed or hostile file is rejected whole, with its place, and translations/ does not change', () => {
    const root = copyKitWithTranslations();
    const before = readFileSync(path.join(root, 'translations/fr.po'));
    const broken = path.join(root, 'broken.xlf');
    writeFileSync(broken, '<?xml version="1.0"?>\n<xliff version="1.2">\n<file source-language="en" target-language="fr" datatype="x" original="o"><body>\n<trans-unit id="1"><source>a</source><target>b</targ></trans-unit></body></file></xliff>\n');
    const r1 = runCli(['import', broken, '--root', root]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toMatch(/broken\.xlf:4:\d+: error: .*\[xml\/malformed\]/);
    const hostile = path.join(root, 'hostile.xlf');
    writeFileSync(hostile, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff version="1.2"><file source-language="en" target-language="fr" datatype="x" original="o"><body><trans-unit id="u1"><source>Background</source><target>&xxe;</target></trans-unit></body></file></xliff>\n');
    const r2 = runCli(['import', hostile, '--root', root]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).not.toContain('root:');
    expect(readFileSync(path.join(root, 'translations/fr.po')).equals(before)).toBe(true);
    expect(readFileSync(path.join(root, 'translations/fr.po'), 'utf8')).not.toContain('root:');
  });

  it('a TMX from another tool raises the match rate of the units it covers', () => {
    const root = copyKitWithTranslations();
    const po = path.join(root, 'translations/fr.po');
    const catalog = store(root, 'fr');
    const headings = catalog.entries.filter((e) => e.msgctxt === 'chapter-01' && !e.msgid.includes(' ') === false && e.msgid.length < 60).slice(0, 5);
    let text = readFileSync(po, 'utf8');
    for (const e of headings) text = text.replace(`msgstr "${e.msgstr[0]!.replace(/"/g, '\\"')}"`, 'msgstr ""');
    writeFileSync(po, text);
    const status = () => JSON.parse(runCli(['status', '--root', root, '--json', '--lang', 'fr']).stdout).languages.fr;
    const before = status();
    expect(before.untranslated).toBe(headings.length);
    const tu = headings.map((e) => `<tu><tuv xml:lang="EN-US"><seg>${e.msgid.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</seg></tuv><tuv xml:lang="FR-FR"><seg>${e.msgstr[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</seg></tuv></tu>`).join('\n');
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/><body>\n${tu}\n</body></tmx>\n`;
    const file = path.join(root, 'omegat-project.tmx');
    // UTF-16 LE with a byte order mark, as Windows tools write it.
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tmx, 'utf16le')]));
    const imported = runCli(['import', file, '--root', root]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/memory units saved as translations\/memory\/omegat-project\.tmx/);
    expect(runCli(['extract', '--root', root, '--lang', 'fr']).status).toBe(0);
    const after = status();
    expect(after.untranslated).toBe(0);
    expect(after.translated).toBe(before.translated + headings.length);
  });

  it('reads the real tools\' files of ../shared/interop', () => {
    if (!sharedInterop('the interop files of real tools are')) return;
    const root = copyKitWithTranslations();
    const before = readFileSync(path.join(root, 'translations/fr.po'));
    // Their units are not the kit's: reported as not applied, nothing changes, no crash.
    for (const name of ['okapi-context-and-ph.xlf', 'trados-studio.sdlxliff']) {
      const result = runCli(['import', path.join(INTEROP, name), '--root', root, '--lang', 'fr']);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/0 units updated/);
    }
    expect(readFileSync(path.join(root, 'translations/fr.po')).equals(before)).toBe(true);
    for (const name of ['okapi-sample.tmx', 'omegat-tmx-compliance-level2.tmx']) {
      const result = runCli(['import', path.join(INTEROP, name), '--root', root]);
      expect(result.status, result.stderr).toBe(0);
      expect(existsSync(path.join(root, 'translations/memory', name))).toBe(true);
    }
    expect(runCli(['extract', '--root', root]).status).toBe(0);
    const po = runCli(['import', path.join(INTEROP, 'polib-msgctxt.po'), '--root', root, '--lang', 'fr']);
    expect(po.status).toBe(0);
  });
});

describe('QA gates and status', () => {
  it('a broken placeholder stops the build with the store line', () => {
    const root = copyKitWithTranslations();
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace(/(msgstr "[^"\n]*)\{country\}/, '$1{pays}'));
    const result = runCli(['build', '--root', root, '--out', path.join(root, 'out'), '--lang', 'fr']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^translations\/fr\.po:\d+:1: error: .*\{country\}.*\[qa\/placeholders\]$/m);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('a translation with {{…}} prints as text, never runs', () => {
    const root = copyKitWithTranslations();
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte {{event.title}} {{{x}}}"'));
    const result = runCli(['build', '--root', root, '--out', path.join(root, 'out'), '--lang', 'fr', '--only', 'concept-note', '--format', 'pdf']);
    expect(result.status).toBe(0);
    if (hasTool('pdftotext')) expect(pdfText(path.join(root, 'out/fr/concept-note.pdf'))).toContain('Contexte {{event.title}} {{{x}}}');
  });

  it('status --json matches the stores', () => {
    const result = runCli(['status', '--json']);
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout).languages;
    for (const lang of ['fr', 'ar']) {
      const entries = store(PROJECT, lang).entries;
      const live = entries.filter((e) => !e.obsolete);
      const translated = live.filter((e) => e.msgstr[0] && !e.flags.includes('fuzzy')).length;
      const fuzzy = live.filter((e) => e.msgstr[0] && e.flags.includes('fuzzy')).length;
      expect(status[lang]).toMatchObject({ units: live.length, translated, fuzzy, untranslated: live.length - translated - fuzzy, obsolete: entries.length - live.length });
      expect(typeof status[lang].words.units).toBe('number');
      expect(Object.keys(status[lang].documents).length).toBeGreaterThan(18);
    }
  });
});
