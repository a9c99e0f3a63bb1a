/**
 * The documents made from sources/participants.yaml, built from a copy of the sample kit with
 * five invented participants (tests/fixtures/participants/documents): the list of participants
 * in every language, sorted with the language's collation; a certificate per participant and a
 * visa letter per participant with a passport number, one page each, in the participant's
 * language; name badges four per A4 sheet and one per A6 card. Personal data stays out of file
 * names and of what the build prints.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyKit, hasTool, pdfText, PROJECT, runCli } from '../helpers/kit.js';
import { walkTaggedPdf } from '../helpers/pdf-structure.js';

const FIXTURE = path.join(PROJECT, 'tests/fixtures/participants/documents/participants.yaml');
const KINDS = 'participants,certificates,visa-letters,badges';
let root = '';
let build: ReturnType<typeof runCli>;

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
const pages = async (file: string) => (await PDFDocument.load(readFileSync(file))).getPages();

describe('documents of the participants', () => {
  beforeAll(() => {
    root = copyKit();
    copyFileSync(FIXTURE, path.join(root, 'sources/participants.yaml'));
    build = runCli(['build', '--root', root, '--only', KINDS]);
  });

  it('makes the list in every language, certificates for everyone, visa letters for those with a passport', () => {
    expect(build.status, build.stderr).toBe(0);
    const out = files(path.join(root, 'out')).filter((f) => f.endsWith('.pdf'));
    for (const lang of ['en', 'fr', 'ar']) {
      expect(out).toEqual(expect.arrayContaining([`${lang}/participants.pdf`, `${lang}/badges.pdf`, `${lang}/badges-a6.pdf`]));
    }
    expect(out.filter((f) => f.includes('/certificates/'))).toEqual([
      'ar/certificates/EG-government-1.pdf', 'en/certificates/DE-additional-1.pdf', 'en/certificates/DE-additional-2.pdf',
      'fr/certificates/MA-government-1.pdf', 'fr/certificates/MA-government-2.pdf',
    ]);
    expect(out.filter((f) => f.includes('/visa-letters/'))).toEqual([
      'ar/visa-letters/EG-government-1.pdf', 'en/visa-letters/DE-additional-1.pdf', 'fr/visa-letters/MA-government-1.pdf',
    ]);
    expect(files(path.join(root, 'out')).some((f) => f.endsWith('participants.docx'))).toBe(true);
  });

  it('keeps certificates and visa letters to one page, and badges to their sheets', async () => {
    for (const file of ['fr/visa-letters/MA-government-1.pdf', 'ar/visa-letters/EG-government-1.pdf', 'en/certificates/DE-additional-1.pdf', 'ar/certificates/EG-government-1.pdf']) {
      expect(await pages(path.join(root, 'out', file)), file).toHaveLength(1);
    }
    const a4 = await pages(path.join(root, 'out/en/badges.pdf'));
    expect(a4).toHaveLength(2);
    expect(a4[0]!.getSize().width).toBeCloseTo(595.28, 1);
    const a6 = await pages(path.join(root, 'out/fr/badges-a6.pdf'));
    expect(a6).toHaveLength(5);
    expect(a6[0]!.getSize().width).toBeCloseTo(297.64, 1);
    expect(a6[0]!.getSize().height).toBeCloseTo(419.53, 1);
  });

  it('tags every document of the participants, badges included: each badge a section of its lines', async () => {
    const out = files(path.join(root, 'out')).filter((f) => f.endsWith('.pdf'));
    const problems: string[] = [];
    for (const file of out) {
      const walked = await walkTaggedPdf(new Uint8Array(readFileSync(path.join(root, 'out', file))));
      problems.push(...walked.problems.map((p) => `${file}: ${p}`));
      if (walked.mcids === 0) problems.push(`${file}: nothing marked as content`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    const badges = await walkTaggedPdf(new Uint8Array(readFileSync(path.join(root, 'out/fr/badges-a6.pdf'))));
    // Five cards, five sections, each with its lines.
    const sections = badges.tree[0]!.kids.filter((k) => k.role === 'Sect');
    expect(sections).toHaveLength(5);
    expect(sections.every((s) => s.kids.length >= 3 && s.kids.every((k) => k.role === 'P'))).toBe(true);
  });

  it('sorts the list by country, then by name, with the collation of each language', () => {
    if (!hasTool('pdftotext')) return;
    const en = pdfText(path.join(root, 'out/en/participants.pdf'));
    const at = (text: string, s: string) => { const i = text.indexOf(s); expect(i, s).toBeGreaterThanOrEqual(0); return i; };
    // Egypt < Germany < Morocco; in Morocco, Émilie (E) before Youssef.
    expect(at(en, 'Egypt')).toBeLessThan(at(en, 'Germany'));
    expect(at(en, 'Germany')).toBeLessThan(at(en, 'Morocco'));
    expect(at(en, 'Émilie Bensaïd')).toBeLessThan(at(en, 'Youssef El Amrani'));
    expect(at(en, 'Anna Zimmermann')).toBeLessThan(at(en, 'Zoltan Abel'));
    // French: Allemagne < Égypte < Maroc (the accent does not send Égypte after Maroc).
    const fr = pdfText(path.join(root, 'out/fr/participants.pdf'));
    expect(at(fr, 'Allemagne')).toBeLessThan(at(fr, 'Égypte'));
    expect(at(fr, 'Égypte')).toBeLessThan(at(fr, 'Maroc'));
    expect(fr).toContain('Liste des participants');
  });

  it('prints the visa details in the letter, translated, and nowhere else', () => {
    if (!hasTool('pdftotext')) return;
    const fr = pdfText(path.join(root, 'out/fr/visa-letters/MA-government-1.pdf'));
    expect(fr).toContain('MA1234567');
    expect(fr).toContain('Numéro de passeport');
    expect(fr).toMatch(/Date de naissance\s*:\s*2 avril 1979/);
    expect(fr).toContain('Embassy of the Kingdom of Morocco');
    const ar = pdfText(path.join(root, 'out/ar/visa-letters/EG-government-1.pdf'));
    expect(ar).toContain('A98765432');
    expect(ar).toContain('رقم جواز السفر');
    for (const secret of ['MA1234567', 'A98765432', 'C01X00T47', '1979-04-02', 'Youssef', 'Zimmermann']) {
      expect(build.stdout + build.stderr).not.toContain(secret);
      expect(files(path.join(root, 'out')).join('\n')).not.toContain(secret);
    }
    expect(pdfText(path.join(root, 'out/en/participants.pdf'))).not.toContain('C01X00T47');
  });

  it('keeps personal data out of a template\'s error message, and refuses an entry whose kind its country has no seat of', () => {
    const kit = copyKit();
    copyFileSync(FIXTURE, path.join(kit, 'sources/participants.yaml'));
    // A kit's own certificate that formats the passport number as a date: the error must not quote it.
    writeFileSync(path.join(kit, 'templates/certificate.md.hbs'), '# {{participant.name}}\n\n{{date participant.passport}}\n');
    const result = runCli(['build', '--root', kit, '--only', 'certificates']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/templates\/certificate\.md\.hbs:\d+:\d+: error: /);
    for (const secret of ['MA1234567', 'A98765432', 'C01X00T47']) expect(result.stderr).not.toContain(secret);
    // Germany is an own-cost country of the built-in rules: its participants' kinds are checked against its seats.
    const other = copyKit();
    writeFileSync(path.join(other, 'sources/participants.yaml'), readFileSync(FIXTURE, 'utf8').replace('kind: additional', 'kind: observer'));
    const bad = runCli(['validate', '--root', other]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/sources\/participants\.yaml:\d+:\d+: error: .*kind.*\[participants\/kind\]/);
  });

  it('reports a bad date of birth without quoting it, and writes nothing', () => {
    const kit = copyKit();
    const text = readFileSync(FIXTURE, 'utf8').replace('birthDate: "1979-04-02"', 'birthDate: "02/04/1979"');
    writeFileSync(path.join(kit, 'sources/participants.yaml'), text);
    const result = runCli(['build', '--root', kit, '--only', KINDS]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\/participants\.yaml:\d+:\d+: error: .*birthDate/);
    expect(result.stderr).not.toContain('02/04/1979');
    expect(readdirSync(kit)).not.toContain('out');
  });
});
