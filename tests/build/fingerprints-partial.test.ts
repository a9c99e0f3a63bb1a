/**
 * The first level of incremental builds (src/build/fingerprint.ts, freshness.ts): a language
 * whose files did not change is neither composed nor rendered, by `build`, `build --check` and
 * `validate`; one whose files changed is composed, and only its changed outputs are rendered.
 * Also: extra files (images outside sources/, fonts), a dropped language, licences, threads.
 *
 * Part 3 of 3: partial builds, and what a review found.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyBuiltKit, copyKit, editFile, PROJECT, runCli } from '../helpers/kit.js';

// copyBuiltKit: a copy of the run's full build of the sample kit (tests/global-setup.ts), for the
// tests whose first step would be a build of the unchanged kit.
import { build, built, type Report } from './fingerprint-helpers.js';

describe('partial builds keep the record honest', () => {
  it('a PDF-only build after a change leaves the DOCX stale for the next full build', () => {
    const root = copyBuiltKit();
    const kinds = ['--only', 'concept-note,agenda'];
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
    const pdf = build(root, ...kinds, '--format', 'pdf');
    expect(built(pdf)).toEqual(['fr/concept-note.pdf']);
    // The French record now covers PDF only: the next full build composes French again.
    const check = runCli(['build', '--root', root, '--check', ...kinds]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('stale: fr/concept-note.docx');
    const full = build(root, ...kinds);
    expect(full.work.composed).toEqual(['fr']);
    expect(built(full)).toEqual(['fr/concept-note.docx']);
  });

  it('a build of one language leaves the others as they were, and --check still sees them', () => {
    const root = copyBuiltKit();
    const kinds = ['--only', 'concept-note'];
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
    const en = build(root, ...kinds, '--lang', 'en');
    expect(en.work.composed).toEqual([]);
    expect(built(en)).toEqual([]);
    expect(runCli(['build', '--root', root, '--check', ...kinds]).status).toBe(1);
    expect(built(build(root, ...kinds))).toEqual(['fr/concept-note.docx', 'fr/concept-note.pdf']);
  });

  it('options that change what is printed: --duplex and SOURCE_DATE_EPOCH', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'packs', '--lang', 'en'];
    const screen = build(root, ...args, '--duplex=false');
    expect(built(screen)).toEqual(['en/pack.pdf']);
    expect(built(build(root, ...args))).toEqual(['en/pack.pdf']);
    const epoch = runCli(['build', '--root', root, '--json', ...args], { env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(epoch.status, epoch.stderr).toBe(0);
    expect(built(JSON.parse(epoch.stdout) as Report)).toEqual(['en/pack.pdf']);
  });
});

describe('what a review found: every input is seen', () => {
  const serifPackage = path.join(PROJECT, 'node_modules/@expo-google-fonts/noto-serif');

  it('a message only the nomination PDF prints rebuilds the PDF forms, not the DOCX ones', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'nominations', '--lang', 'fr'];
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Remplissez un bloc par participant', 'msgstr "Complétez un bloc par participant'));
    const report = build(root, ...args);
    const rebuilt = built(report);
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(rebuilt.every((p) => p.startsWith('fr/nominations/') && p.endsWith('.pdf'))).toBe(true);
  });

  it('a source reached through a symbolic link', () => {
    const root = copyKit();
    const args = ['--only', 'concept-note', '--lang', 'en'];
    renameSync(path.join(root, 'sources/concept-note.md'), path.join(root, 'shared-note.md'));
    symlinkSync('../shared-note.md', path.join(root, 'sources/concept-note.md'));
    build(root, ...args);
    editFile(path.join(root, 'shared-note.md'), (t) => t.replace(/\n## /, '\nAn added paragraph.\n\n## '));
    expect(built(build(root, ...args))).toEqual(['en/concept-note.docx', 'en/concept-note.pdf']);
  });

  it('a font folder that gains a face, and a licence text that changes', () => {
    const root = copyKit();
    const fonts = path.join(root, 'fonts/serif');
    mkdirSync(fonts, { recursive: true });
    for (const face of ['400Regular/NotoSerif_400Regular.ttf', '400Regular_Italic/NotoSerif_400Regular_Italic.ttf']) {
      writeFileSync(path.join(fonts, path.basename(face)), readFileSync(path.join(serifPackage, face)));
    }
    writeFileSync(path.join(fonts, 'OFL.txt'), 'SIL Open Font License 1.1 (copy for the test)\n');
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/\nevent:/, `\nfonts:\n  serif: ${JSON.stringify(fonts)}\nevent:`));
    const args = ['--only', 'concept-note', '--lang', 'en', '--format', 'pdf'];
    build(root, ...args);
    // The bold face arrives: bold text is now set in it.
    writeFileSync(path.join(fonts, 'NotoSerif_700Bold.ttf'), readFileSync(path.join(serifPackage, '700Bold/NotoSerif_700Bold.ttf')));
    expect(runCli(['build', '--root', root, '--check', ...args]).status).toBe(1);
    expect(built(build(root, ...args))).toEqual(['en/concept-note.pdf']);
    // The licence text changes: the licence file follows.
    writeFileSync(path.join(fonts, 'OFL.txt'), 'SIL Open Font License 1.1 (revised copy)\n');
    expect(built(build(root, ...args))).toEqual(['licences/NotoSerif.txt']);
    expect(readFileSync(path.join(root, 'out/licences/NotoSerif.txt'), 'utf8')).toContain('revised copy');
  });

  it('an output whose manifest entry was removed by hand is written again', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'agenda', '--lang', 'en,fr'];
    const file = path.join(root, 'out/.folio-manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    delete manifest.outputs['fr/agenda.pdf'];
    writeFileSync(file, JSON.stringify(manifest));
    rmSync(path.join(root, 'out/fr/agenda.pdf'));
    expect(runCli(['build', '--root', root, '--check', ...args]).status).toBe(1);
    expect(built(build(root, ...args))).toEqual(['fr/agenda.pdf']);
  });

  it('an output that cannot be written: a clear message, exit 2, no temporary file left', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'agenda', '--lang', 'en'];
    rmSync(path.join(root, 'out/en/agenda.pdf'));
    mkdirSync(path.join(root, 'out/en/agenda.pdf/in-the-way'), { recursive: true });
    const result = runCli(['build', '--root', root, ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('en/agenda.pdf');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    const leftovers = readdirSync(path.join(root, 'out'), { recursive: true }).map(String).filter((f) => f.includes('.folio-tmp-'));
    expect(leftovers).toEqual([]);
  });
});
