/**
 * Incremental builds through the real CLI: the rebuild set after a change is exactly the outputs
 * that change affects, a rebuild gives the bytes of a clean build, and --check sees every staleness.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyBuiltKit, editFile, runCli } from '../helpers/kit.js';

interface Report { outputs: { path: string; status: string; sha256: string }[] }

function build(root: string, ...args: string[]): Report {
  const result = runCli(['build', '--root', root, '--json', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}
const built = (r: Report) => r.outputs.filter((o) => o.status === 'built').map((o) => o.path).sort();

describe('incremental builds', () => {
  // A copy of the run's full build of the sample kit (tests/global-setup.ts).
  const root = copyBuiltKit();
  const formats = ['--format', 'pdf,docx', '--only', 'agenda,briefs,invitations,concept-note'];
  const first = build(root, ...formats);

  it('rebuilds nothing when nothing changed, and --check agrees', () => {
    expect(built(build(root, ...formats))).toEqual([]);
    expect(runCli(['build', '--root', root, '--check', ...formats]).status).toBe(0);
  });

  it('one French translation rebuilds only the French outputs that contain it', () => {
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
    const check = runCli(['build', '--root', root, '--check', ...formats]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('stale: fr/concept-note.pdf');
    expect(built(build(root, ...formats))).toEqual(['fr/concept-note.docx', 'fr/concept-note.pdf']);
  });

  it('one quota rebuilds that country\'s letters only', () => {
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/(code: MT[\s\S]*?additional: )2/, '$11'));
    expect(built(build(root, ...formats))).toEqual(['en/invitations/MT.docx', 'en/invitations/MT.pdf']);
  });

  it('a template change rebuilds the documents of that template, in every language', () => {
    editFile(path.join(root, 'templates/agenda.md.hbs'), (t) => t.replace('{{t "Agenda"}}', '{{t "Agenda"}}\n\n{{event.host}}'));
    expect(built(build(root, ...formats))).toEqual(['ar/agenda.docx', 'ar/agenda.pdf', 'en/agenda.docx', 'en/agenda.pdf', 'fr/agenda.docx', 'fr/agenda.pdf']);
  });

  it('a file deleted or edited by hand is rebuilt; a file no longer produced is removed', () => {
    rmSync(path.join(root, 'out/en/agenda.pdf'));
    writeFileSync(path.join(root, 'out/fr/agenda.docx'), 'edited by hand');
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/\n  - code: TR[\s\S]*?(?=\n  - code|\nprogramme:)/, ''));
    const report = build(root, ...formats);
    expect(built(report)).toEqual(['en/agenda.pdf', 'fr/agenda.docx']);
    expect(report.outputs.filter((o) => o.status === 'removed').map((o) => o.path).sort()).toEqual(['en/invitations/TR.docx', 'en/invitations/TR.pdf']);
    expect(existsSync(path.join(root, 'out/en/invitations/TR.pdf'))).toBe(false);
  });

  it('gives the same bytes as a clean build', () => {
    const incremental = build(root, ...formats);
    const clean = build(root, ...formats, '--force');
    expect(built(clean).length).toBeGreaterThan(40);
    const hashes = (r: Report) => Object.fromEntries(r.outputs.filter((o) => o.status !== 'removed').map((o) => [o.path, o.sha256]));
    expect(hashes(clean)).toEqual(hashes(incremental));
    expect(first.outputs.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(root, 'out/.folio-manifest.json'), 'utf8')).toContain('"en/agenda.pdf"');
  });
});
