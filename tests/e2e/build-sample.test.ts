/**
 * Builds the sample kit with the real CLI into a temporary folder and reads the files back:
 * PDF text (pdftotext) against the sources, DOCX XML for styles and text, qpdf --check,
 * the build report, and byte-identical rebuilds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT, fold, hasTool, pdfText, realTool, runCli, sharedBuild } from '../helpers/kit.js';
import { readZip } from '../../src/render/docx/zip.js';
import { parsePo } from '../../src/translate/formats/po.js';

// The run's shared build of the sample kit (tests/global-setup.ts): read here, never changed.
let out: string;
const config = parse(readFileSync(path.join(PROJECT, 'sources/seminar.yaml'), 'utf8')) as {
  countries: { code: string; name: string; group: string; languages: string[]; addressee: { ministry: string; address: string }; quota: { government: number; socialPartners: number } }[];
};
let report: { outputs: { path: string; kind: string; lang: string; sha256: string; bytes: number; status: string; pages?: number }[]; diagnostics: unknown[] };

function docxXml(file: string, part = 'word/document.xml'): string {
  const entry = readZip(new Uint8Array(readFileSync(file))).find((e) => e.path === part);
  if (!entry) throw new Error(`${part} missing in ${file}`);
  return new TextDecoder().decode(entry.data);
}

/** The visible text of a DOCX part: the contents of w:t elements, XML entities decoded. */
function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('');
}

beforeAll(() => {
  const shared = sharedBuild<typeof report>();
  // The shared build printed nothing on stderr (the setup keeps what it printed beside the kit).
  expect(existsSync(path.join(shared.root, '..', 'build.stderr.txt'))).toBe(false);
  out = shared.out;
  report = shared.report;
});

describe('folio build on the sample kit', () => {
  it('writes every expected output, and lists it in the report with its hash', () => {
    const expected = ['en/agenda.pdf', 'en/agenda.docx', 'en/concept-note.pdf', 'en/concept-note.docx', 'en/handbook.pdf', 'en/handbook.docx'];
    for (const name of readdirSync(path.join(PROJECT, 'sources/themes'))) {
      expected.push(`en/briefs/${name.replace(/\.md$/, '')}.pdf`, `en/briefs/${name.replace(/\.md$/, '')}.docx`);
    }
    for (const c of config.countries.filter((c) => c.languages.includes('en'))) expected.push(`en/invitations/${c.code}.pdf`, `en/invitations/${c.code}.docx`);
    const listed = report.outputs.map((o) => o.path);
    for (const file of expected) {
      expect(listed).toContain(file);
      expect(existsSync(path.join(out, file))).toBe(true);
    }
    // No letter for a country that does not take English.
    for (const c of config.countries.filter((c) => !c.languages.includes('en'))) expect(listed).not.toContain(`en/invitations/${c.code}.pdf`);
    const written = JSON.parse(readFileSync(path.join(out, 'build-report.json'), 'utf8'));
    const { timings, work, ...stable } = report as typeof report & { timings?: Record<string, number>; work?: { composed: string[] } };
    expect(written).toEqual(stable);
    expect(work?.composed).toEqual(['en', 'fr', 'ar']);
    expect(Object.keys(timings ?? {})).toContain('render');
    for (const o of report.outputs) {
      expect(o.status).toBe('built');
      expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(path.join(out, o.path)).length).toBe(o.bytes);
    }
    // The licences of the embedded fonts travel with the outputs.
    expect(listed.some((p) => p.startsWith('licences/'))).toBe(true);
  });

  it('writes PDFs that pass qpdf --check', () => {
    if (!hasTool('qpdf')) return;
    for (const o of report.outputs.filter((o) => o.path.endsWith('.pdf'))) {
      const check = spawnSync('qpdf', ['--check', path.join(out, o.path)], { encoding: 'utf8' });
      expect(check.status, `${o.path}: ${check.stdout}${check.stderr}`).toBe(0);
    }
  });

  it('prints the text of every theme brief from its source', () => {
    if (!hasTool('pdftotext')) return;
    for (const name of readdirSync(path.join(PROJECT, 'sources/themes'))) {
      const source = readFileSync(path.join(PROJECT, 'sources/themes', name), 'utf8');
      const title = /^title:\s*"?(.*?)"?\s*$/m.exec(source)![1]!;
      const text = fold(pdfText(path.join(out, 'en/briefs', name.replace(/\.md$/, '.pdf'))));
      expect(text).toContain(fold(title));
      // Every paragraph of the purpose section, word for word (justification only changes spacing).
      const purpose = /## Purpose\n\n([\s\S]*?)\n\n/.exec(source)![1]!;
      const plain = purpose.replace(/\*\*|\*|_/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
      const words = fold(plain).split(' ').slice(0, 12).join(' ');
      expect(text.replace(/-\s/g, '-')).toContain(words);
    }
  });

  it('writes one invitation per country and language, with the quota of the country', () => {
    if (!hasTool('pdftotext')) return;
    for (const c of config.countries.filter((c) => c.languages.includes('en'))) {
      const text = fold(pdfText(path.join(out, `en/invitations/${c.code}.pdf`)));
      expect(text).toContain(fold(c.addressee.ministry));
      expect(text).toContain(`/${c.code}-EN`);
      if (c.group === 'south') {
        const seats = c.quota.government + c.quota.socialPartners;
        expect(text).toMatch(new RegExp(`\\b${seats} sponsored places|one sponsored place`));
        expect(text).not.toContain('cover their own travel');
      } else {
        expect(text).toContain('cover their own travel');
        expect(text).not.toContain('sponsored place');
      }
      expect(text).toMatch(/additional participants? at its own cost/);
      expect(text).toMatch(/Page 1 of \d/);
    }
  });

  it('keeps vowel marks with their letters in text copied out of the Arabic PDFs', () => {
    if (!hasTool('pdftotext')) return;
    const detached = (file: string) => (pdfText(path.join(out, file)).match(/(^|\s)[\u064B-\u0652\u0670]/gmu) ?? []).length;
    const letters = report.outputs.filter((o) => o.path.startsWith('ar/invitations/') && o.path.endsWith('.pdf'));
    expect(letters.length).toBeGreaterThan(3);
    // Tagged PDF shows text in logical order (PDF 32000-1 §14.8.2.3.3), which poppler's text
    // extraction (not the structure reader) takes less well: a word with a raised mark may be cut
    // where a non-joining letter ends its first part (one case in the sample's letters).
    for (const letter of letters) expect(detached(letter.path), letter.path).toBeLessThanOrEqual(1);
    expect(fold(pdfText(path.join(out, 'ar/invitations/DZ.pdf')))).toContain('ستُعقد');
    expect(detached('ar/handbook.pdf')).toBeLessThan(40);
  });

  it('prints no English word in a French or Arabic document (i18n/source-language)', () => {
    expect((report.diagnostics as { rule: string; message: string }[]).filter((d) => d.rule === 'i18n/source-language').map((d) => d.message)).toEqual([]);
  });

  it('fits every invitation letter on one page, in every language', () => {
    const letters = report.outputs.filter((o) => o.kind === 'invitations' && o.path.endsWith('.pdf'));
    expect(letters.length).toBe(config.countries.reduce((n, c) => n + c.languages.length, 0));
    expect(letters.filter((o) => o.pages !== 1).map((o) => `${o.path}: ${o.pages} pages`)).toEqual([]);
  });

  it('heads every letter and pack cover with the organisers\' logos, described in the document\'s language', () => {
    const organisers = (parse(readFileSync(path.join(PROJECT, 'sources/seminar.yaml'), 'utf8')) as { event: { organisers: { name: string; logo?: string }[] } }).event.organisers;
    const withLogo = organisers.filter((o) => o.logo);
    expect(withLogo.length).toBeGreaterThan(0);
    const images = (file: string) => spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
    const letters = report.outputs.filter((o) => o.kind === 'invitations');
    for (const letter of letters.filter((o) => o.path.endsWith('.pdf'))) {
      expect(images(path.join(out, letter.path)).length, letter.path).toBe(withLogo.length);
    }
    for (const lang of ['en', 'fr', 'ar']) {
      expect(images(path.join(out, `${lang}/pack.pdf`)).length).toBeGreaterThanOrEqual(withLogo.length);
    }
    // In the DOCX, a picture per logo, its description the organiser's name as the letter names it.
    for (const letter of letters.filter((o) => o.path.endsWith('.docx'))) {
      const xml = docxXml(path.join(out, letter.path));
      const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
      expect(descriptions.length, letter.path).toBe(withLogo.length);
      if (letter.lang === 'en') expect(descriptions).toEqual(withLogo.map((o) => o.name));
      else for (const d of descriptions) expect(withLogo.map((o) => o.name), `${letter.path}: ${d} is left in English`).not.toContain(d);
    }
  });

  it('keeps every DOCX letter to one page when LibreOffice lays it out', () => {
    if (!realTool('LibreOffice', ['soffice', '--version'], 'apt-get install -y libreoffice-writer-nogui')) return;
    const letters = report.outputs.filter((o) => o.kind === 'invitations' && o.path.endsWith('.docx'));
    expect(letters.length).toBe(config.countries.reduce((n, c) => n + c.languages.length, 0));
    const work = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-lo-'));
    // One name per letter: the languages' letters share file names (EG.docx in en and ar).
    const inputs = letters.map((o) => {
      const file = path.join(work, o.path.replace(/\//g, '-'));
      copyFileSync(path.join(out, o.path), file);
      return file;
    });
    const converted = spawnSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...inputs], { encoding: 'utf8', timeout: 300_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const pages = inputs.map((file) => {
      const info = spawnSync('pdfinfo', [file.replace(/\.docx$/, '.pdf')], { encoding: 'utf8' }).stdout;
      return `${path.basename(file)}: ${/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 'not converted'}`;
    });
    expect(pages.filter((p) => !p.endsWith(': 1'))).toEqual([]);
  });

  it('fits every nomination form on one page, names the organisers in the form\'s language and embeds every font', () => {
    const forms = report.outputs.filter((o) => o.kind === 'nominations' && o.path.endsWith('.pdf'));
    expect(forms.length).toBe(config.countries.reduce((n, c) => n + c.languages.length, 0));
    expect(forms.filter((o) => o.pages !== 1).map((o) => `${o.path}: ${o.pages} pages`)).toEqual([]);
    if (!hasTool('pdftotext')) return;
    const french = forms.find((o) => o.path.startsWith('fr/'))!;
    expect(fold(pdfText(path.join(out, french.path)))).toContain('OSCE · OIT · OIM');
    for (const form of forms) {
      const fonts = spawnSync('pdffonts', [path.join(out, form.path)], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
      expect(fonts.filter((l) => !/\syes\s+yes\s+yes\s/.test(l)), form.path).toEqual([]);
    }
  });

  it('ends each French and Arabic address with the country\'s name in the letter\'s language', () => {
    if (!hasTool('pdftotext')) return;
    let checked = 0;
    for (const c of config.countries) {
      const written = c.addressee.address.trim().split('\n').at(-1)!.trim();
      const english = new Intl.DisplayNames(['en'], { type: 'region' }).of(c.code);
      if (written !== c.name && written !== english) continue; // this address does not end with the country
      for (const lang of c.languages.filter((l) => l !== 'en')) {
        const lines = pdfText(path.join(out, `${lang}/invitations/${c.code}.pdf`)).split('\n').map((l) => fold(l));
        const local = new Intl.DisplayNames([lang], { type: 'region' }).of(c.code)!;
        expect(lines, `${lang}/${c.code}`).toContain(local);
        if (local !== written) expect(lines, `${lang}/${c.code}`).not.toContain(written);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('prints handbook tables, footnotes and every chapter title', () => {
    if (!hasTool('pdftotext')) return;
    const text = fold(pdfText(path.join(out, 'en/handbook.pdf')));
    for (const name of readdirSync(path.join(PROJECT, 'sources/handbook'))) {
      const source = readFileSync(path.join(PROJECT, 'sources/handbook', name), 'utf8');
      const title = /^title:\s*"?(.*?)"?\s*$/m.exec(source)![1]!;
      expect(text).toContain(fold(title));
    }
    const info = spawnSync('pdfinfo', [path.join(out, 'en/handbook.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Title:\s+Labour Migration Handbook/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(15);
  });

  it('writes DOCX files with Word styles, footer fields and the same text', () => {
    const xml = docxXml(path.join(out, 'en/handbook.docx'));
    expect(xml).toContain('w:val="Title"');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain('w:tblHeader');
    expect(xml).toMatch(/w:numId/);
    expect(docxXml(path.join(out, 'en/handbook.docx'), 'word/footnotes.xml')).toContain('w:footnote ');
    const footer = readZip(new Uint8Array(readFileSync(path.join(out, 'en/agenda.docx')))).filter((e) => e.path.startsWith('word/footer'));
    expect(footer.map((e) => new TextDecoder().decode(e.data)).join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const egypt = config.countries.find((c) => c.code === 'EG')!;
    expect(docxText(docxXml(path.join(out, 'en/invitations/EG.docx')))).toContain(egypt.addressee.ministry);
  });

  it('builds the French and Arabic kits with the same file names, and prints the translations', () => {
    const perCountry = new Set(['invitations', 'nominations']);
    const english = report.outputs.filter((o) => o.lang === 'en' && !perCountry.has(o.kind)).map((o) => o.path.slice(3));
    for (const lang of ['fr', 'ar']) {
      const names = report.outputs.filter((o) => o.lang === lang).map((o) => o.path.slice(3));
      for (const name of english) expect(names).toContain(name);
      for (const c of config.countries) {
        expect(names.includes(`invitations/${c.code}.pdf`)).toBe(c.languages.includes(lang));
        expect(names.includes(`nominations/${c.code}.pdf`)).toBe(c.languages.includes(lang));
        expect(names.includes(`nominations/${c.code}.docx`)).toBe(c.languages.includes(lang));
      }
      if (!hasTool('pdftotext')) continue;
      const po = parsePo(readFileSync(path.join(PROJECT, `translations/${lang}.po`), 'utf8')).catalog!;
      for (const name of readdirSync(path.join(PROJECT, 'sources/themes'))) {
        const source = readFileSync(path.join(PROJECT, 'sources/themes', name), 'utf8');
        const title = /^title:\s*"?(.*?)"?\s*$/m.exec(source)![1]!;
        const translated = po.entries.find((e) => e.msgid === title && e.msgctxt?.startsWith('theme-'))!.msgstr[0]!;
        const text = fold(pdfText(path.join(out, lang, 'briefs', name.replace(/\.md$/, '.pdf'))));
        // pdftotext gives logical Arabic text back, but moves spaces and punctuation around (it attaches
        // a colon to the next word and splits a few words at wide joins): compare letters and digits only.
        const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');
        expect(letters(text)).toContain(letters(translated));
        expect(text).not.toContain(fold(title));
      }
    }
  });

  it('writes a delegate pack per language, with an even number of pages for duplex printing', () => {
    for (const lang of ['en', 'fr', 'ar']) {
      const pack = report.outputs.find((o) => o.path === `${lang}/pack.pdf`);
      expect(pack, lang).toBeDefined();
      expect(pack!.kind).toBe('packs');
      expect(pack!.pages! % 2).toBe(0);
      expect(pack!.pages!).toBeGreaterThan(20);
    }
    if (!hasTool('pdftotext')) return;
    const text = fold(pdfText(path.join(out, 'fr/pack.pdf')));
    expect(text).toContain('Page laissée blanche intentionnellement');
    expect(text).toContain('Table des matières');
    expect(text).toContain('Informations pratiques');
  });

  it('gives Arabic words back whole through pdftotext (no word split at a join)', () => {
    if (!hasTool('pdftotext')) return;
    const po = readFileSync(path.join(PROJECT, 'translations/ar.po'), 'utf8');
    // Words without vowel marks: a mark may come out detached, which is a known poppler limit.
    const strip = (w: string) => w.replace(/[\u064b-\u065f\u0670]/g, '');
    const vocabulary = new Set((po.match(/[\u0621-\u064a\u064b-\u065f\u0670-\u06d3]+/g) ?? []).map(strip));
    for (const name of readdirSync(path.join(PROJECT, 'sources/themes'))) {
      const text = pdfText(path.join(out, 'ar/briefs', name.replace(/\.md$/, '.pdf')));
      const raw = text.match(/[\u0621-\u064a\u064b-\u065f\u0670-\u06d3]+/g) ?? [];
      const split: string[] = [];
      for (let i = 0; i + 1 < raw.length; i++) {
        // Vowelled words are the known mark limit (a mark may come out detached), not a split at a join.
        if (/[\u064b-\u065f\u0670]/.test(raw[i]! + raw[i + 1]!)) continue;
        const word = strip(raw[i]!);
        if (word !== '' && !vocabulary.has(word) && vocabulary.has(word + strip(raw[i + 1]!))) split.push(word);
      }
      expect(split, name).toEqual([]);
    }
  });

  it('produces byte-identical files when built again', () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-again-'));
    const result = runCli(['build', '--out', again, '--json']);
    expect(result.status).toBe(0);
    const second = JSON.parse(result.stdout) as typeof report;
    expect(second.outputs.map((o) => [o.path, o.sha256])).toEqual(report.outputs.map((o) => [o.path, o.sha256]));
  });
});
