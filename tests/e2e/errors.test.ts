/**
 * Bad input through the real CLI: clear messages with places, the right exit code,
 * and nothing written to the output folder.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, PROJECT, copyKit, editFile, fold, hasTool, pdfText, runCli } from '../helpers/kit.js';
import { spawnSync } from 'node:child_process';
import { readZip } from '../../src/render/docx/zip.js';

function freshOut(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-err-')), 'out');
}

describe('configuration errors stop the build before anything is written', () => {
  it('reports a quota that breaks the budget with file, line and the numbers, exit 1', () => {
    const root = copyKit();
    const out = freshOut();
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/quota: \{ government: 2, socialPartners: 1, additional: 2 \}/, 'quota: { government: 3, socialPartners: 1, additional: 2 }'));
    const result = runCli(['build', '--root', root, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^sources\/seminar\.yaml:\d+:\d+: error: .*31.*30.* \[quota\/budget\]$/m);
    expect(existsSync(out)).toBe(false);
  });

  it('reports every problem at once, each with its place and rule', () => {
    const root = copyKit();
    editFile(path.join(root, 'sources/seminar.yaml'), (t) =>
      t.replace('code: DZ', 'code: XX').replace(/group: north/, 'group: west').replace(/theme: 1\b/, 'theme: 12'));
    const result = runCli(['validate', '--root', root]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((l) => l.includes(': error: '));
    const rules = lines.map((l) => /\[([^\]]+)\]$/.exec(l)![1]);
    expect(rules).toContain('config/country-code');
    expect(rules).toContain('config/unknown-group');
    expect(rules).toContain('config/theme-range');
    for (const line of lines) expect(line).toMatch(/^sources\/seminar\.yaml:\d+:\d+: error: /);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('stops quietly when the reader of its output goes away (folio export … | head -1)', () => {
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" export --lang fr --format tmx --root "${PROJECT}" | head -1`], { encoding: 'utf8' });
    expect(piped.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(piped.stderr).toBe('');
  });

  it('reports broken YAML with its line and column', () => {
    const root = copyKit();
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace('sponsorship: { delegates: 30, experts: 5 }', 'sponsorship: { delegates: 30, experts: 5'));
    const result = runCli(['build', '--root', root, '--out', freshOut()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\/seminar\.yaml:\d+:\d+: error: .*\[config\/yaml-syntax\]/);
  });

  it('names the template, line and variable of a misspelt template variable', () => {
    const root = copyKit();
    const out = freshOut();
    editFile(path.join(root, 'templates/agenda.md.hbs'), (t) => t.replace('{{event.venue.name}}', '{{event.venue.nmae}}'));
    const result = runCli(['build', '--root', root, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^templates\/agenda\.md\.hbs:\d+:\d+: error: .*nmae.* \[template\/missing-variable\]$/m);
    expect(existsSync(out)).toBe(false);
  });

  it('stops on a character no font can draw, naming U+XXXX and the source place', () => {
    const root = copyKit();
    const out = freshOut();
    const file = path.join(root, 'sources/themes', readdirSync(path.join(root, 'sources/themes'))[0]!);
    editFile(file, (t) => t.replace('## Purpose\n\n', '## Purpose\n\nA hieroglyph \u{13000} here.\n\n'));
    const result = runCli(['build', '--root', root, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\/themes\/[^:]+\.md:\d+:\d+: error: U\+13000 .*\[font\/missing-glyph\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('points a character no font can draw in a translation at the translation store', () => {
    const root = copyKit();
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte \u{13000}"'));
    const result = runCli(['build', '--root', root, '--out', path.join(root, 'out'), '--lang', 'fr']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^translations\/fr\.po:\d+:\d+: error: U\+13000 .*fr\/concept-note \[language fr\].*\[font\/missing-glyph\]$/m);
  });

  it('keeps earlier outputs intact when a later build fails', () => {
    const root = copyKit();
    const out = freshOut();
    expect(runCli(['build', '--root', root, '--out', out, '--only', 'agenda']).status).toBe(0);
    const before = readFileSync(path.join(out, 'en/agenda.pdf'));
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace('delegates: 30', 'delegates: 29'));
    expect(runCli(['build', '--root', root, '--out', out, '--only', 'agenda']).status).toBe(1);
    expect(readFileSync(path.join(out, 'en/agenda.pdf')).equals(before)).toBe(true);
    expect(readdirSync(path.join(out, 'en')).filter((n) => n.includes('tmp'))).toEqual([]);
  });
});

describe('command-line misuse exits 2 with a clear message', () => {
  for (const args of [['build', '--format', 'odt'], ['build', '--only', 'posters'], ['build', '--lang', 'xx'], ['frobnicate'], ['build', '--bogus']]) {
    it(`folio ${args.join(' ')}`, () => {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).not.toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('--help exits 0 and lists the commands', () => {
    const result = runCli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('build');
    expect(result.stdout).toContain('validate');
  });
});

describe('data values print literally in PDF and DOCX', () => {
  const HOSTILE = 'Ministry of *Labour* & _Social_ <b>Affairs</b> [x](y) # {{evil}} `c` &amp;';
  it('a ministry name with Markdown, HTML and template characters', () => {
    const root = copyKit();
    const out = freshOut();
    // Malta's letter is in English in the sample.
    editFile(path.join(root, 'sources/seminar.yaml'), (t) =>
      t.replace('ministry: "Ministry for Home Affairs, Security and Employment"', `ministry: ${JSON.stringify(HOSTILE)}`));
    const result = runCli(['build', '--root', root, '--out', out, '--only', 'invitations', '--lang', 'en']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const docx = readZip(new Uint8Array(readFileSync(path.join(out, 'en/invitations/MT.docx')))).find((e) => e.path === 'word/document.xml')!;
    const xml = new TextDecoder().decode(docx.data);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    expect(text).toContain(HOSTILE);
    if (hasTool('pdftotext')) expect(fold(pdfText(path.join(out, 'en/invitations/MT.pdf')))).toContain(HOSTILE);
  });
});
