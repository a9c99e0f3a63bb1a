/**
 * Kinds of document the configuration declares (`documents:`), on a kit made by `folio init`
 * (en, fr) with two participants: per event in every language, per country in its letters'
 * languages, per participant in theirs; in the formats and page sizes declared; built alone
 * with `--only documents`; their messages extracted for translators like the built-in ones.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/kit.js';

let kit = '';

const DOCUMENTS = `
documents:
  - { name: room-plan, title: "Room plan", formats: [pdf], page: A4-landscape }
  - { name: welcome, title: "Welcome note", per: country, page: A5 }
  - { name: table-card, per: participant, template: card, page: A5-landscape, formats: [pdf] }
`;
const PARTICIPANTS = `participants:
  - { id: MT-government-1, name: "Maria Borg", country: MT, kind: government, sponsored: true, function: "Director", organisation: "Ministry", email: m.borg@example.org, language: fr }
  - { id: MT-observers-1, name: "Joseph Camilleri", country: MT, kind: observers, sponsored: false, function: "Adviser", organisation: "Chamber", email: j.c@example.org, language: en }
`;
const pageSize = async (file: string) => (await PDFDocument.load(readFileSync(file))).getPages()[0]!.getSize();
const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).map((f) => f.split(path.sep).join('/')).sort();

describe('declared documents', () => {
  beforeAll(() => {
    kit = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-documents-')), 'kit');
    expect(runCli(['init', kit, '--languages', 'en,fr']).status).toBe(0);
    const config = path.join(kit, 'sources/seminar.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('languages: [en]', 'languages: [en, fr]') + DOCUMENTS);
    writeFileSync(path.join(kit, 'sources/participants.yaml'), PARTICIPANTS);
    mkdirSync(path.join(kit, 'templates'));
    writeFileSync(path.join(kit, 'templates/room-plan.md.hbs'), '# {{t "Room plan"}}\n\n{{#each event.days}}\n- {{t "Day {n}" n=number}}\n{{/each}}\n');
    writeFileSync(path.join(kit, 'templates/welcome.md.hbs'), '# {{t "Welcome, {country}" country=country.name}}\n\n{{#each country.seats}}\n- {{name}}: {{count}}\n{{/each}}\n');
    writeFileSync(path.join(kit, 'templates/card.md.hbs'), '<!-- folio: role=title align=center -->\n{{participant.name}}\n');
  }, 60_000);

  it('is made per event, country and participant, in the formats and page sizes declared', async () => {
    const build = runCli(['build', '--root', kit, '--only', 'documents']);
    expect(build.status, build.stderr).toBe(0);
    const out = files(path.join(kit, 'out')).filter((f) => /\.(pdf|docx)$/.test(f));
    expect(out).toEqual([
      'en/room-plan.pdf', 'en/table-card/MT-observers-1.pdf', 'en/welcome/MT.docx', 'en/welcome/MT.pdf',
      'fr/room-plan.pdf', 'fr/table-card/MT-government-1.pdf', 'fr/welcome/MT.docx', 'fr/welcome/MT.pdf',
    ]);
    const landscape = await pageSize(path.join(kit, 'out/en/room-plan.pdf'));
    expect(landscape.width).toBeCloseTo(841.89, 1);
    expect(landscape.height).toBeCloseTo(595.28, 1);
    const a5 = await pageSize(path.join(kit, 'out/fr/welcome/MT.pdf'));
    expect([a5.width, a5.height].map(Math.round)).toEqual([420, 595]);
    const card = await pageSize(path.join(kit, 'out/fr/table-card/MT-government-1.pdf'));
    expect(card.width).toBeGreaterThan(card.height);
    // The DOCX has the A5 page too (w:pgSz in twips).
    const { readZip } = await import('../../src/render/docx/zip.js');
    const xml = new TextDecoder().decode(readZip(new Uint8Array(readFileSync(path.join(kit, 'out/en/welcome/MT.docx')))).find((e) => e.path === 'word/document.xml')!.data);
    expect(xml).toMatch(/<w:pgSz w:w="839\d" w:h="1190\d"/);
  });

  it('gives translators the messages of the kit\'s own templates', () => {
    expect(runCli(['extract', '--root', kit]).status).toBe(0);
    const store = readFileSync(path.join(kit, 'translations/fr.po'), 'utf8');
    expect(store).toContain('msgctxt "template:room-plan"\nmsgid "Room plan"');
    expect(store).toContain('msgid "Welcome, {country}"');
  });

  it('refuses a declared document whose template the kit lacks, naming the file', () => {
    const config = path.join(kit, 'sources/seminar.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('template: card', 'template: place-card'));
    const result = runCli(['build', '--root', kit, '--only', 'documents']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\/seminar\.yaml:\d+:\d+: error: The document table-card needs the template templates\/place-card\.md\.hbs.*\[config\/document-template\]/);
  });
});
