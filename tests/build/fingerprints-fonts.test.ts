/**
 * The first level of incremental builds (src/build/fingerprint.ts, freshness.ts): a language
 * whose files did not change is neither composed nor rendered, by `build`, `build --check` and
 * `validate`; one whose files changed is composed, and only its changed outputs are rendered.
 * Also: extra files (images outside sources/, fonts), a dropped language, licences, threads.
 *
 * Part 2 of 3: font settings, worker threads, the one-paragraph example.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyBuiltKit, copyKit, editFile, runCli } from '../helpers/kit.js';
import { build, built, type Report } from './fingerprint-helpers.js';

describe('a font setting', () => {
  it('rebuilds the outputs drawn with that font, nothing else', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'agenda,concept-note'];
    // The headings' sans-serif face becomes Noto Serif: every PDF changes, no DOCX (Word gets the serif name).
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/\nevent:/, '\nfonts:\n  sans: "@expo-google-fonts/noto-serif"\nevent:'));
    const report = build(root, ...args);
    expect(built(report)).toEqual(['ar/agenda.pdf', 'ar/concept-note.pdf', 'en/agenda.pdf', 'en/concept-note.pdf', 'fr/agenda.pdf', 'fr/concept-note.pdf']);
  });

  it('another Arabic font: the PDFs that print Arabic and the DOCX files (which all name it), not the English or French PDFs', () => {
    const root = copyBuiltKit();
    const args = ['--only', 'agenda,concept-note'];
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/\nevent:/, '\nfonts:\n  arabic: "@expo-google-fonts/noto-naskh-arabic"\nevent:'));
    const report = build(root, ...args);
    expect(built(report)).toEqual([
      'ar/agenda.docx', 'ar/agenda.pdf', 'ar/concept-note.docx', 'ar/concept-note.pdf',
      'en/agenda.docx', 'en/concept-note.docx', 'fr/agenda.docx', 'fr/concept-note.docx', 'licences/NotoNaskhArabic.txt',
    ]);
    expect(report.outputs.find((o) => o.path === 'licences/Amiri.txt')?.status).toBe('removed');
  });
});

describe('worker threads', () => {
  it('render the same bytes as one thread', () => {
    const root = copyKit();
    const args = ['--only', 'briefs,invitations', '--lang', 'fr', '--force'];
    const one = build(root, ...args, '--jobs', '1');
    const two = build(root, ...args, '--jobs', '2');
    expect(one.work.workers).toBe(0);
    expect(two.work.workers).toBeGreaterThan(0);
    const hashes = (r: Report) => Object.fromEntries(r.outputs.map((o) => [o.path, o.sha256]));
    expect(built(two).length).toBeGreaterThan(20);
    expect(hashes(two)).toEqual(hashes(one));
  });

  it('--jobs takes a whole number', () => {
    const result = runCli(['build', '--root', copyKit(), '--jobs', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--jobs many');
  });
});

describe('the issue\'s example: one French paragraph of one theme brief', () => {
  it('rebuilds that brief and the French pack (and print file), nothing in English or Arabic, nothing else in French', () => {
    const root = copyKit();
    writeFileSync(path.join(root, 'sources/participants.yaml'), [
      'participants:',
      '  - { id: MA-government-1, name: "Amina Benali", country: MA, kind: government, sponsored: true, function: "Directrice", organisation: "Ministère", email: "a@example.org", language: fr }',
    ].join('\n') + '\n');
    const first = runCli(['build', '--root', root, '--json']);
    if (first.status !== 0) throw new Error(first.stderr);
    // The first long paragraph of theme 03 in the French store gets a new translation.
    const po = path.join(root, 'translations/fr.po');
    const lines = readFileSync(po, 'utf8').split('\n');
    const at = lines.findIndex((l, i) => l === 'msgctxt "theme-03"' && (lines[i + 1] ?? '').length > 120);
    expect(at).toBeGreaterThan(0);
    const msgstr = lines.findIndex((l, i) => i > at && l.startsWith('msgstr '));
    lines[msgstr] = lines[msgstr]!.replace(/^msgstr "/, 'msgstr "(Révisé) ');
    writeFileSync(po, lines.join('\n'));
    const report = build(root);
    expect(report.work.composed).toEqual(['fr']);
    expect(built(report)).toEqual([
      'fr/briefs/03-environment-and-migration.docx', 'fr/briefs/03-environment-and-migration.pdf', 'fr/pack.pdf', 'fr/packs/MA-government-1.pdf', 'print/fr.pdf',
    ]);
  });
});
