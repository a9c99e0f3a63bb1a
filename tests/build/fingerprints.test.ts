/**
 * The first level of incremental builds (src/build/fingerprint.ts, freshness.ts): a language
 * whose files did not change is neither composed nor rendered, by `build`, `build --check` and
 * `validate`; one whose files changed is composed, and only its changed outputs are rendered.
 * Also: extra files (images outside sources/, fonts), a dropped language, licences, threads.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyKit, editFile, PROJECT, runCli } from '../helpers/kit.js';
import { makePng } from '../helpers/png.js';

interface Output { path: string; status: string; sha256: string; format: string; lang: string }
interface Report { outputs: Output[]; work: { composed: string[]; workers: number } }

function build(root: string, ...args: string[]): Report {
  const result = runCli(['build', '--root', root, '--json', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}
const built = (r: Report) => r.outputs.filter((o) => o.status === 'built').map((o) => o.path).sort();
const validate = (root: string, ...args: string[]) => runCli(['validate', '--root', root, '--json', ...args]);

describe('unchanged languages are skipped whole', () => {
  const root = copyKit();
  const kinds = ['--only', 'agenda,briefs,concept-note,invitations'];
  build(root, ...kinds);

  it('nothing changed: build, --check and validate compose nothing', () => {
    const again = build(root, ...kinds);
    expect(again.work.composed).toEqual([]);
    expect(built(again)).toEqual([]);
    expect(again.outputs.every((o) => o.status === 'skipped')).toBe(true);
    expect(runCli(['build', '--root', root, '--check', ...kinds]).status).toBe(0);
    const checked = validate(root);
    // validate checks every kind: the build above made only four, so it composes again…
    expect(checked.status, checked.stderr).toBe(0);
    build(root);
    // …and after a full build it composes nothing.
    const cached = validate(root);
    expect(cached.status, cached.stderr).toBe(0);
    expect((JSON.parse(cached.stdout) as { composed: string[] }).composed).toEqual([]);
    const full = validate(root, '--no-cache');
    expect((JSON.parse(full.stdout) as { composed: string[] }).composed).toEqual(['en', 'fr', 'ar']);
    expect(JSON.parse(full.stdout).diagnostics).toEqual(JSON.parse(cached.stdout).diagnostics);
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
    const args = ['--only', 'concept-note', '--lang', 'en,fr'];
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
      const result = runCli(['build', '--root', root, '--json', ...args]);
      expect(result.status, `${what}: ${result.stderr}`).toBe(0);
      expect(result.stderr, what).toBe('');
      expect(hashes(JSON.parse(result.stdout) as Report), what).toEqual(hashes(first));
      const check = runCli(['validate', '--root', root]);
      expect(check.status, `${what}: ${check.stderr}`).toBe(0);
    }
  });
});

describe('a kit moved to another folder, out/ with it', () => {
  it('rebuilds nothing (the manifest keeps project paths relative)', () => {
    const root = copyKit();
    const args = ['--only', 'concept-note,briefs', '--lang', 'en,ar'];
    build(root, ...args);
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

describe('a font setting', () => {
  it('rebuilds the outputs drawn with that font, nothing else', () => {
    const root = copyKit();
    const args = ['--only', 'agenda,concept-note'];
    build(root, ...args);
    // The headings' sans-serif face becomes Noto Serif: every PDF changes, no DOCX (Word gets the serif name).
    editFile(path.join(root, 'sources/seminar.yaml'), (t) => t.replace(/\nevent:/, '\nfonts:\n  sans: "@expo-google-fonts/noto-serif"\nevent:'));
    const report = build(root, ...args);
    expect(built(report)).toEqual(['ar/agenda.pdf', 'ar/concept-note.pdf', 'en/agenda.pdf', 'en/concept-note.pdf', 'fr/agenda.pdf', 'fr/concept-note.pdf']);
  });

  it('another Arabic font: the PDFs that print Arabic and the DOCX files (which all name it), not the English or French PDFs', () => {
    const root = copyKit();
    const args = ['--only', 'agenda,concept-note'];
    build(root, ...args);
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
    const args = ['--only', 'briefs,invitations', '--lang', 'en,fr', '--force'];
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

describe('partial builds keep the record honest', () => {
  it('a PDF-only build after a change leaves the DOCX stale for the next full build', () => {
    const root = copyKit();
    const kinds = ['--only', 'concept-note,agenda'];
    build(root, ...kinds);
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
    const root = copyKit();
    const kinds = ['--only', 'concept-note'];
    build(root, ...kinds);
    editFile(path.join(root, 'translations/fr.po'), (t) => t.replace('msgstr "Contexte"', 'msgstr "Contexte général"'));
    const en = build(root, ...kinds, '--lang', 'en');
    expect(en.work.composed).toEqual([]);
    expect(built(en)).toEqual([]);
    expect(runCli(['build', '--root', root, '--check', ...kinds]).status).toBe(1);
    expect(built(build(root, ...kinds))).toEqual(['fr/concept-note.docx', 'fr/concept-note.pdf']);
  });

  it('options that change what is printed: --duplex and SOURCE_DATE_EPOCH', () => {
    const root = copyKit();
    const args = ['--only', 'packs', '--lang', 'en'];
    build(root, ...args);
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
    const root = copyKit();
    const args = ['--only', 'nominations', '--lang', 'fr'];
    build(root, ...args);
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
    const root = copyKit();
    const args = ['--only', 'agenda', '--lang', 'en,fr'];
    build(root, ...args);
    const file = path.join(root, 'out/.folio-manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    delete manifest.outputs['fr/agenda.pdf'];
    writeFileSync(file, JSON.stringify(manifest));
    rmSync(path.join(root, 'out/fr/agenda.pdf'));
    expect(runCli(['build', '--root', root, '--check', ...args]).status).toBe(1);
    expect(built(build(root, ...args))).toEqual(['fr/agenda.pdf']);
  });

  it('an output that cannot be written: a clear message, exit 2, no temporary file left', () => {
    const root = copyKit();
    const args = ['--only', 'agenda', '--lang', 'en'];
    build(root, ...args);
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
