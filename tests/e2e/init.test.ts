/** `folio init`: a new kit that validates and builds at once, with folio's built-in templates; never over an existing folder's files. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool, pdfText, PROJECT, runCli } from '../helpers/kit.js';
import { readZip } from '../../src/render/docx/zip.js';

describe('folio init', () => {
  it('writes a kit in three languages (one Cyrillic) that builds with the built-in templates', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'folio-init-'));
    const kit = path.join(top, 'my-event');
    const init = runCli(['init', kit, '--languages', 'en,fr,ru']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    for (const file of ['sources/seminar.yaml', 'sources/concept-note.md', 'sources/themes/01-first-theme.md', 'translations/fr.po', 'translations/ru.po']) {
      expect(existsSync(path.join(kit, file)), file).toBe(true);
    }
    expect(existsSync(path.join(kit, 'templates'))).toBe(false);
    const build = runCli(['build', '--root', kit, '--json']);
    expect(build.status, build.stderr).toBe(0);
    const report = JSON.parse(build.stdout) as { outputs: { path: string }[]; diagnostics: { rule: string; severity: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const paths = report.outputs.map((o) => o.path);
    for (const lang of ['en', 'fr', 'ru']) expect(paths).toContain(`${lang}/agenda.pdf`);
    expect(paths).toContain('en/invitations/MT.pdf');
    // No handbook folder, no handbook.
    expect(paths.some((p) => p.includes('handbook'))).toBe(false);
    if (hasTool('pdftotext')) {
      const letter = pdfText(path.join(kit, 'out/en/invitations/MT.pdf'));
      expect(letter).toContain('Example Organisation');
      expect(letter).not.toMatch(/Labour Migration|Mediterranean|nine themes/);
    }
    // The stores were extracted from the built-in templates: translators have something to do.
    expect(readFileSync(path.join(kit, 'translations/ru.po'), 'utf8')).toContain('#: folio:templates/invitation.md.hbs:');
    // French starts with the built-in templates' messages translated, from folio's own memory.
    const french = readFileSync(path.join(kit, 'translations/fr.po'), 'utf8');
    expect(french).toMatch(/msgctxt "template:agenda"\nmsgid "Agenda"\nmsgstr "Programme"/);
    expect(french).toMatch(/msgctxt "template:invitation"\nmsgid "On behalf of the organisers, \{organisers\}[^"]*"\nmsgstr "Au nom des organisateurs, \{organisers\}/);
    const status = runCli(['status', '--root', kit, '--json']);
    const fr = (JSON.parse(status.stdout) as { languages: Record<string, { translated: number; units: number }> }).languages.fr!;
    expect(fr.translated).toBeGreaterThanOrEqual(70);
    if (hasTool('pdftotext')) expect(pdfText(path.join(kit, 'out/fr/agenda.pdf'))).toContain('Programme');
  });

  it('words the built-in templates in a source language other than English, and says which of folio\'s texts lack a wording', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'folio-init-source-'));
    const french = path.join(top, 'fr');
    expect(runCli(['init', french, '--languages', 'fr,ar']).status).toBe(0);
    const build = runCli(['build', '--root', french, '--json']);
    expect(build.status, build.stderr).toBe(0);
    const report = JSON.parse(build.stdout) as { diagnostics: { rule: string }[] };
    expect(report.diagnostics.map((d) => d.rule)).not.toContain('translate/folio-wording');
    if (hasTool('pdftotext')) {
      const letter = pdfText(path.join(french, 'out/fr/invitations/MT.pdf'));
      expect(letter).toContain('Au nom des organisateurs');
      expect(letter).toMatch(/places\s+prises\s+en\s+charge/);
      expect(letter).not.toContain('On behalf of the organisers');
      expect(pdfText(path.join(french, 'out/fr/nominations/MT.pdf'))).toContain('Formulaire de désignation');
    }
    // German: folio's memory has no German wording yet, so its texts print in English, with one warning saying so.
    const german = path.join(top, 'de');
    expect(runCli(['init', german, '--languages', 'de,en']).status).toBe(0);
    const de = runCli(['build', '--root', german, '--json']);
    expect(de.status, de.stderr).toBe(0);
    const wording = (JSON.parse(de.stdout) as { diagnostics: { rule: string; severity: string; message: string }[] }).diagnostics.filter((d) => d.rule === 'translate/folio-wording');
    expect(wording).toHaveLength(1);
    expect(wording[0]!.severity).toBe('warning');
    expect(wording[0]!.message).toMatch(/no de wording .* translations\/memory\//);
  });

  it('--from copies a kit\'s structure without its texts: configuration, templates, logos, the translators\' work as memory', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'folio-init-from-'));
    const kit = path.join(top, 'next-event');
    const init = runCli(['init', kit, '--from', PROJECT]);
    expect(init.status, init.stderr).toBe(0);
    expect(readFileSync(path.join(kit, 'sources/seminar.yaml'), 'utf8')).toBe(readFileSync(path.join(PROJECT, 'sources/seminar.yaml'), 'utf8'));
    expect(readFileSync(path.join(kit, 'templates/invitation.md.hbs'), 'utf8')).toBe(readFileSync(path.join(PROJECT, 'templates/invitation.md.hbs'), 'utf8'));
    expect(existsSync(path.join(kit, 'assets/logos/osce.png'))).toBe(true);
    expect(existsSync(path.join(kit, 'sources/participants.yaml'))).toBe(false);
    expect(existsSync(path.join(kit, 'out'))).toBe(false);
    // One placeholder per theme and chapter, same file names and themes, none of the texts.
    const themes = readdirSync(path.join(kit, 'sources/themes')).sort();
    expect(themes).toEqual(readdirSync(path.join(PROJECT, 'sources/themes')).sort());
    const sample = readFileSync(path.join(PROJECT, 'sources/themes', themes[0]!), 'utf8');
    const sentence = sample.split('\n').find((l) => l.length > 80)!;
    for (const file of themes) expect(readFileSync(path.join(kit, 'sources/themes', file), 'utf8')).not.toContain(sentence.slice(0, 60));
    expect(readFileSync(path.join(kit, 'sources/handbook', readdirSync(path.join(kit, 'sources/handbook')).sort()[0]!), 'utf8')).toMatch(/^theme: 1$/m);
    // The sample's translations come along as memory and pre-fill the new stores.
    expect(readdirSync(path.join(kit, 'translations/memory')).sort()).toEqual([`${path.basename(PROJECT)}.ar.tmx`, `${path.basename(PROJECT)}.fr.tmx`]);
    expect(init.stdout).toMatch(/translations\/fr\.po: \d+ units, (\d{3,}) translated/);
    expect(runCli(['validate', '--root', kit]).status).toBe(0);
    // --from decides the languages; a folder that is not a kit is a usage error.
    expect(runCli(['init', path.join(top, 'b'), '--from', PROJECT, '--languages', 'en']).status).toBe(2);
    const notAKit = runCli(['init', path.join(top, 'c'), '--from', top]);
    expect(notAKit.status).toBe(2);
    expect(notAKit.stderr).toContain('no sources/seminar.yaml');
    expect(existsSync(path.join(top, 'c'))).toBe(false);
  });

  it('--from never copies through a link out of the kit, only templates and memories, and never over an inherited memory', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'folio-init-from-links-'));
    const secret = path.join(top, 'secret');
    mkdirSync(secret);
    writeFileSync(path.join(secret, 'id_rsa'), 'PRIVATE KEY');
    const kit = path.join(top, 'event', 'kit');
    expect(runCli(['init', kit, '--languages', 'en,fr']).status).toBe(0);
    symlinkSync(secret, path.join(kit, 'templates'));
    mkdirSync(path.join(kit, 'translations/memory'));
    writeFileSync(path.join(kit, 'translations/memory/kit.fr.tmx'), readFileSync(path.join(PROJECT, 'defaults/memory/built-in-templates.fr.tmx')));
    writeFileSync(path.join(kit, 'translations/memory/notes.txt'), 'not a memory');
    const next = path.join(top, 'next', 'kit');
    const init = runCli(['init', next, '--from', kit]);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('not copied: templates (a link to outside the kit)');
    expect(existsSync(path.join(next, 'templates'))).toBe(false);
    // The inherited memory is kept; the kit's store comes along beside it, under another name.
    expect(readdirSync(path.join(next, 'translations/memory')).sort()).toEqual(['kit-2.fr.tmx', 'kit.fr.tmx']);
  });

  it('makes documents in any language CLDR knows whose script the fonts set: Ukrainian, and Persian right to left', () => {
    const kit = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-init-cldr-')), 'kit');
    expect(runCli(['init', kit, '--languages', 'uk,fa']).status).toBe(0);
    const build = runCli(['build', '--root', kit, '--json']);
    expect(build.status, build.stderr).toBe(0);
    const paths = (JSON.parse(build.stdout) as { outputs: { path: string }[] }).outputs.map((o) => o.path);
    expect(paths).toEqual(expect.arrayContaining(['uk/agenda.pdf', 'fa/agenda.pdf', 'fa/agenda.docx', 'uk/invitations/MT.pdf']));
    const zip = readZip(new Uint8Array(readFileSync(path.join(kit, 'out/fa/agenda.docx'))));
    const xml = new TextDecoder().decode(zip.find((e) => e.path === 'word/document.xml')!.data);
    expect(xml).toContain('<w:bidi/>');
    expect(xml).toContain('w:bidi="fa"');
    const ukrainian = new TextDecoder().decode(readZip(new Uint8Array(readFileSync(path.join(kit, 'out/uk/agenda.docx')))).find((e) => e.path === 'word/document.xml')!.data);
    expect(ukrainian).not.toContain('<w:bidi/>');
    // A language whose script no font sets is refused, naming the script.
    const hindi = runCli(['init', path.join(path.dirname(kit), 'hindi'), '--languages', 'en,hi']);
    expect(hindi.status).toBe(2);
    expect(hindi.stderr).toContain('Devanagari');
  });

  it('refuses a folder that is not empty (exit 2) and leaves it as it was', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-init-full-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const result = runCli(['init', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not empty/);
    expect(existsSync(path.join(dir, 'sources'))).toBe(false);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses an unknown or repeated language (exit 2), writing nothing', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'folio-init-bad-'));
    for (const languages of ['en,xx', 'en,fr,en', ',']) {
      const dir = path.join(top, languages.replace(/\W/g, '_') || 'empty');
      const result = runCli(['init', dir, '--languages', languages]);
      expect(result.status, languages).toBe(2);
      expect(existsSync(path.join(dir, 'sources')), languages).toBe(false);
    }
    mkdirSync(path.join(top, 'file-parent'));
    writeFileSync(path.join(top, 'file-parent', 'kit'), 'a file');
    expect(runCli(['init', path.join(top, 'file-parent', 'kit')]).status).toBe(2);
  });
});
