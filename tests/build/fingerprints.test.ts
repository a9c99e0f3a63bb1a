/**
 * The first level of incremental builds (src/build/fingerprint.ts, freshness.ts): a language
 * whose files did not change is neither composed nor rendered, by `build`, `build --check` and
 * `validate`; one whose files changed is composed, and only its changed outputs are rendered.
 * Also: extra files (images outside sources/, fonts), a dropped language, licences, threads.
 *
 * Part 1 of 3 (split so that the three run side by side): unchanged languages, hand-edited manifests, moved kits, files from outside sources/.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyBuiltKit, copyKit, editFile, runCli } from '../helpers/kit.js';
import { makePng } from '../helpers/png.js';
import { build, built, validate, type Report } from './fingerprint-helpers.js';

describe('unchanged languages are skipped whole', () => {
  // A copy of the run's full build of the sample kit (tests/global-setup.ts).
  const root = copyBuiltKit();
  const kinds = ['--only', 'agenda,briefs,concept-note,invitations'];

  it('nothing changed: build, --check and validate compose nothing', () => {
    const again = build(root, ...kinds);
    expect(again.work.composed).toEqual([]);
    expect(built(again)).toEqual([]);
    expect(again.outputs.every((o) => o.status === 'skipped')).toBe(true);
    expect(runCli(['build', '--root', root, '--check', ...kinds]).status).toBe(0);
    expect(built(build(root))).toEqual([]);
    const cached = validate(root);
    expect(cached.status, cached.stderr).toBe(0);
    expect((JSON.parse(cached.stdout) as { composed: string[] }).composed).toEqual([]);
    const full = validate(root, '--no-cache');
    expect((JSON.parse(full.stdout) as { composed: string[] }).composed).toEqual(['en', 'fr', 'ar']);
    expect(JSON.parse(full.stdout).diagnostics).toEqual(JSON.parse(cached.stdout).diagnostics);
  });

  it('validate after a build of some kinds composes that language again (its record covers only those kinds)', () => {
    const partial = copyKit();
    build(partial, '--only', 'agenda', '--lang', 'en');
    const checked = validate(partial, '--lang', 'en');
    expect(checked.status, checked.stderr).toBe(0);
    expect((JSON.parse(checked.stdout) as { composed: string[] }).composed).toEqual(['en']);
  });

  it('a French translation composes French only', () => {
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
    const check = runCli(['build', '--root', root, '--check', '--json']);
    expect(check.status).toBe(1);
    expect((JSON.parse(check.stdout) as Report).work.composed).toEqual(['fr']);
    const report = build(root);
    expect(report.work.composed).toEqual(['fr']);
    expect(built(report).length).toBeGreaterThan(0);
    expect(built(report).every((p) => p.startsWith('fr/'))).toBe(true);
  });

  it('a change that prints nothing (a translator\'s comment) composes French and rebuilds nothing', () => {
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte général"', 'msgstr "Contexte général"\n# checked by the reviser'));
    expect(runCli(['build', '--root', root, '--check']).status).toBe(0);
    const report = build(root);
    expect(report.work.composed).toEqual(['fr']);
    expect(built(report)).toEqual([]);
  });

  it('validate never trusts a stale record: a broken placeholder is reported', () => {
    const po = path.join(root, 'translations/fr.po');
    const before = readFileSync(po, 'utf8');
    editFile(po, (t) => t.replace(/(msgstr "[^"\n]*)\{country\}/, '$1{pays}'));
    const result = runCli(['validate', '--root', root]);
    writeFileSync(po, before);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/translations\/fr\.po:\d+:1: error: .*\{country\}.*\[qa\/placeholders\]/);
    expect(validate(root).status).toBe(0);
  });

  it('a licence file deleted by hand is written again', () => {
    build(root);
    const licence = path.join(root, 'out/licences/NotoSerif.txt');
    expect(existsSync(licence)).toBe(true);
    rmSync(licence);
    expect(runCli(['build', '--root', root, '--check']).status).toBe(1);
    expect(built(build(root))).toEqual(['licences/NotoSerif.txt']);
  });

  it('a language no longer built (its store removed): its outputs are removed', () => {
    rmSync(path.join(root, 'translations/ar.po'));
    const report = build(root);
    const removed = report.outputs.filter((o) => o.status === 'removed');
    expect(removed.length).toBeGreaterThan(10);
    expect(removed.every((o) => o.lang === 'ar' || o.path === 'licences/Amiri.txt')).toBe(true);
    expect(existsSync(path.join(root, 'out/ar/agenda.pdf'))).toBe(false);
    expect(existsSync(path.join(root, 'out/licences/Amiri.txt'))).toBe(false);
    expect(report.outputs.some((o) => o.lang === 'ar' && o.status !== 'removed')).toBe(false);
  });
});

describe('a manifest edited or broken by hand', () => {
  it('never crashes a build nor makes it skip what it should build', () => {
    const root = copyKit();
    const args = ['--only', 'concept-note', '--lang', 'en'];
    const first = build(root, ...args);
    const file = path.join(root, 'out/.folio-manifest.json');
    const good = JSON.parse(readFileSync(file, 'utf8'));
    const hashes = (r: Report) => Object.fromEntries(r.outputs.filter((o) => o.status !== 'removed').map((o) => [o.path, o.sha256]));
    const variants: [string, string][] = [
      ['not JSON', '{"folio": "0.1.0", "outp'],
      ['a language record of the wrong shape', JSON.stringify({ ...good, languages: { ...good.languages, en: { ...good.languages.en, kinds: 'all' } } })],
      ['diagnostics that are not diagnostics', JSON.stringify({ ...good, shared: { ...good.shared, diagnostics: ['oops'] } })],
      ['no languages', JSON.stringify({ folio: good.folio, outputs: good.outputs })],
      ['an array', '[]'],
    ];
    for (const [what, text] of variants) {
      writeFileSync(file, text);
      // validate reads the broken manifest (it never writes one), then the build does.
      const check = runCli(['validate', '--root', root, '--lang', 'en']);
      expect(check.status, `${what}: ${check.stderr}`).toBe(0);
      expect(readFileSync(file, 'utf8'), what).toBe(text);
      const result = runCli(['build', '--root', root, '--json', ...args]);
      expect(result.status, `${what}: ${result.stderr}`).toBe(0);
      expect(result.stderr, what).toBe('');
      expect(hashes(JSON.parse(result.stdout) as Report), what).toEqual(hashes(first));
    }
  });
});

describe('a kit moved to another folder, out/ with it', () => {
  it('rebuilds nothing (the manifest keeps project paths relative)', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'concept-note,briefs', '--lang', 'en,ar'];
    const moved = `${root}-moved`;
    renameSync(root, moved);
    const report = build(moved, ...args);
    expect(report.work.composed).toEqual([]);
    expect(built(report)).toEqual([]);
    expect(report.outputs.filter((o) => o.path.startsWith('licences/')).length).toBeGreaterThan(0);
  });
});

describe('files read from outside sources/', () => {
  it('an image beside the project changes: the documents that show it are rebuilt', () => {
    const root = copyKit();
    mkdirSync(path.join(root, 'figures'));
    const figure = path.join(root, 'figures/map.png');
    writeFileSync(figure, makePng(40, 20, [10, 120, 60]));
    const brief = path.join(root, 'sources/themes/03-environment-and-migration.md');
    editFile(brief, (t) => t.replace(/\n## /, '\n![A map](../../figures/map.png)\n\n## '));
    const args = ['--lang', 'en', '--only', 'briefs,agenda'];
    build(root, ...args);
    writeFileSync(figure, makePng(40, 20, [200, 30, 30]));
    expect(runCli(['build', '--root', root, '--check', ...args]).status).toBe(1);
    expect(built(build(root, ...args))).toEqual(['en/briefs/03-environment-and-migration.docx', 'en/briefs/03-environment-and-migration.pdf']);
  });
});
