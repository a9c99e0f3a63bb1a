/**
 * The round trip: generate the forms, fill them as a viewer would (with folio's filler, and
 * with plain pdf-lib), collect them into a copy of the sample kit.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { SeminarConfig } from '../../src/config/types.js';
import { collectNominations } from '../../src/nominations/collect.js';
import { fillNominationPdf } from '../../src/nominations/fill-pdf.js';
import { renderNominationPdf } from '../../src/nominations/form-pdf.js';
import { readParticipants } from '../../src/nominations/participants.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { copyKit } from '../helpers/kit.js';
import { formInput, sampleConfig, withQuota as withCountryQuota } from './helpers.js';
import { pdfFieldName } from '../../src/nominations/fields.js';

const config = sampleConfig();
const fonts = await FontLibrary.load();

type Person = { name: string; function: string; organisation: string; email: string; phone?: string };
const values = (prefix: string, p: Partial<Person>): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [`${prefix}.${k}`, v!]));

const MA_PEOPLE: Record<string, Person> = {
  'gov.1': { name: 'محمد بن عبد الله العلوي', function: 'مدير الهجرة', organisation: 'وزارة الإدماج الاقتصادي والشغل', email: 'm.alaoui@emploi.gov.ma', phone: '+212 537 00 00 01' },
  'gov.2': { name: 'Hélène Benjelloun-Lefèvre', function: 'Cheffe de division', organisation: 'Ministère des Affaires étrangères', email: 'h.benjelloun@diplomatie.ma' },
  'sp.1': { name: 'Yassine El Idrissi', function: 'Secrétaire général', organisation: 'Fédération des employeurs et syndicats', email: 'y.elidrissi@example.ma' },
  'add.2': { name: 'فاطمة الزهراء بناني', function: 'مستشارة', organisation: 'وزارة الداخلية', email: 'f.bennani@interieur.gov.ma', phone: '0537 11 22 33' },
};
const TN_PEOPLE: Record<string, Person> = {
  'gov.1': { name: 'Sami Ben Saïd', function: 'Directeur général de l’émigration', organisation: 'Ministère des Affaires sociales', email: 's.bensaid@social.gov.tn' },
  'emp.1': { name: 'Leïla Trabelsi', function: 'Présidente', organisation: 'UTICA', email: 'l.trabelsi@utica.org.tn' },
  'tu.1': { name: 'Noureddine Gharbi', function: 'Secrétaire général adjoint', organisation: 'UGTT', email: 'n.gharbi@ugtt.org.tn', phone: '+216 71 000 000' },
};
const PERSONAL = [...Object.values(MA_PEOPLE), ...Object.values(TN_PEOPLE)].flatMap((p) => [p.name, p.email, p.function, p.organisation, p.phone ?? '']).filter(Boolean);

const flatten = (people: Record<string, Person>) => Object.assign({}, ...Object.entries(people).map(([prefix, p]) => values(prefix, p))) as Record<string, string>;

async function blankForm(cfg: SeminarConfig, code: string, lang: 'en' | 'fr' | 'ar'): Promise<Uint8Array> {
  return renderNominationPdf(await formInput(cfg, code, lang));
}

/** Filled with folio's filler (appearances drawn by the text engine). */
async function filledForm(cfg: SeminarConfig, code: string, lang: 'en' | 'fr' | 'ar', fill: Record<string, string>): Promise<Uint8Array> {
  return fillNominationPdf(await blankForm(cfg, code, lang), fill, { fonts, lang });
}

/** Filled with plain pdf-lib, as most scripts do: its Helvetica appearances (Latin text only). */
async function filledWithPdfLib(bytes: Uint8Array, fill: Record<string, string>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const form = doc.getForm();
  for (const [name, value] of Object.entries(fill)) form.getTextField(pdfFieldName(name)).setText(value);
  return doc.save();
}

function project(): { root: string; forms: string; participants: string } {
  const root = copyKit();
  const forms = path.join(root, 'returned');
  mkdirSync(forms);
  return { root, forms, participants: path.join(root, 'sources', 'participants.yaml') };
}

function withQuota(code: string, quota: Partial<SeminarConfig['countries'][number]['quota']>): SeminarConfig {
  return withCountryQuota(config, code, quota);
}

const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

describe('collectNominations', () => {
  it('round trip: Arabic, French and Latin names come back into participants.yaml', async () => {
    const p = project();
    writeFileSync(path.join(p.forms, 'MA-ar.pdf'), await filledForm(config, 'MA', 'ar', flatten(MA_PEOPLE)));
    writeFileSync(path.join(p.forms, 'TN-fr.pdf'), await filledWithPdfLib(await blankForm(config, 'TN', 'fr'), flatten(TN_PEOPLE)));
    writeFileSync(path.join(p.forms, 'notes.txt'), 'not a form, and not a .pdf: ignored');
    mkdirSync(path.join(p.forms, 'old'));
    writeFileSync(path.join(p.forms, 'old', 'MA-ar.pdf'), await blankForm(config, 'MA', 'ar')); // not read: not recursive

    const result = await collectNominations({ root: p.root, dir: p.forms });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ forms: 2, accepted: 2, added: 7, updated: 0, unchanged: 0, written: true });

    const text = readFileSync(p.participants, 'utf8');
    const read = readParticipants(text, 'sources/participants.yaml');
    expect(read.diagnostics).toEqual([]);
    expect(read.participants!.map((x) => x.id)).toEqual([
      'MA-government-1', 'MA-government-2', 'MA-social-partner-1', 'MA-additional-2',
      'TN-government-1', 'TN-employers-1', 'TN-trade-union-1',
    ]);
    const byId = new Map(read.participants!.map((x) => [x.id, x]));
    expect(byId.get('MA-government-1')).toEqual({ id: 'MA-government-1', country: 'MA', kind: 'government', sponsored: true, language: 'ar', ...MA_PEOPLE['gov.1'] });
    expect(byId.get('MA-government-2')).toEqual({ id: 'MA-government-2', country: 'MA', kind: 'government', sponsored: true, language: 'ar', ...MA_PEOPLE['gov.2'] });
    expect(byId.get('MA-additional-2')).toMatchObject({ sponsored: false, kind: 'additional', name: 'فاطمة الزهراء بناني' });
    expect(byId.get('TN-employers-1')).toMatchObject({ sponsored: true, language: 'fr', ...TN_PEOPLE['emp.1'] });
    expect(byId.get('TN-trade-union-1')).toMatchObject({ phone: '+216 71 000 000' });
    expect(text).toMatch(/^# Participants nominated by the invited countries\./);

    // Collected again: nothing changes, and the file is not rewritten.
    const before = statSync(p.participants).mtimeMs;
    const again = await collectNominations({ root: p.root, dir: p.forms });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 7, written: false, diagnostics: [] });
    expect(readFileSync(p.participants, 'utf8')).toBe(text);
    expect(statSync(p.participants).mtimeMs).toBe(before);

    // A corrected form updates only the entry that changed.
    writeFileSync(path.join(p.forms, 'MA-ar.pdf'), await filledForm(config, 'MA', 'ar', flatten({ ...MA_PEOPLE, 'gov.2': { ...MA_PEOPLE['gov.2']!, function: 'Directrice' } })));
    const corrected = await collectNominations({ root: p.root, dir: p.forms });
    expect(corrected).toMatchObject({ added: 0, updated: 1, unchanged: 6, written: true });
    const after = readParticipants(readFileSync(p.participants, 'utf8'), 'x').participants!;
    expect(after.find((x) => x.id === 'MA-government-2')!.function).toBe('Directrice');
  });

  it('keeps the entries and comments already in participants.yaml, and updates one in place', async () => {
    const p = project();
    writeFileSync(p.participants, [
      '# Kept by the secretariat; do not reorder.',
      'participants:',
      '  # Confirmed by phone on 3 February.',
      '  - id: EG-government-1',
      '    name: "Dr Karim Mansour"',
      '    country: EG',
      '    kind: government',
      '    sponsored: true',
      '    function: "Deputy Minister"',
      '    organisation: "Ministry of Labour"',
      '    email: k.mansour@example.eg',
      '    language: en',
      '  - id: MA-government-2',
      '    name: "Hélène Benjelloun-Lefèvre"',
      '    country: MA',
      '    kind: government',
      '    sponsored: true',
      '    function: "Cheffe de service" # before her promotion',
      '    organisation: "Ministère des Affaires étrangères"',
      '    email: h.benjelloun@diplomatie.ma',
      '    language: ar',
      '  - id: ZZ-note',
      '    name: "Observer, hand-written"',
      '    country: ZZ',
      '    kind: additional',
      '    sponsored: false',
      '    function: Observer',
      '    organisation: "Press"',
      '    email: press@example.org',
      '    language: en',
      '',
    ].join('\n'));
    writeFileSync(path.join(p.forms, 'morocco.pdf'), await filledForm(config, 'MA', 'ar', flatten(MA_PEOPLE)));
    const result = await collectNominations({ root: p.root, dir: p.forms });
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ added: 3, updated: 1, unchanged: 0, written: true });
    const text = readFileSync(p.participants, 'utf8');
    expect(text).toContain('# Kept by the secretariat; do not reorder.');
    expect(text).toContain('  # Confirmed by phone on 3 February.\n  - id: EG-government-1\n    name: "Dr Karim Mansour"');
    expect(text).toContain('function: "Cheffe de division" # before her promotion');
    const ids = readParticipants(text, 'x').participants!.map((x) => x.id);
    expect(ids).toEqual(['EG-government-1', 'MA-government-1', 'MA-government-2', 'MA-social-partner-1', 'MA-additional-2', 'ZZ-note']);
  });

  it('refuses a form with more nominees than the current quota, naming the country and the field', async () => {
    const p = project();
    const big = withQuota('MA', { government: 4 });
    const people = { ...MA_PEOPLE, 'gov.3': MA_PEOPLE['sp.1']!, 'gov.4': { ...MA_PEOPLE['gov.2']!, email: 'other@example.ma' } };
    const file = path.join(p.forms, 'MA-ar.pdf');
    writeFileSync(file, await filledForm(big, 'MA', 'ar', flatten(people)));
    writeFileSync(path.join(p.forms, 'TN-fr.pdf'), await filledForm(config, 'TN', 'fr', flatten(TN_PEOPLE)));
    const result = await collectNominations({ root: p.root, dir: p.forms });
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ file: rel(file), line: 1, column: 1, severity: 'error', rule: 'nominations/over-quota' });
    expect(d!.message).toContain('Morocco (MA)');
    expect(d!.message).toContain('4 government officials');
    expect(d!.message).toContain('allows 3');
    expect(d!.message).toContain('gov.4.name');
    // The other form still counts; nothing of Morocco's is taken.
    expect(result).toMatchObject({ forms: 2, accepted: 1, added: 3 });
    const ids = readParticipants(readFileSync(p.participants, 'utf8'), 'x').participants!.map((x) => x.id);
    expect(ids.every((id) => id.startsWith('TN-'))).toBe(true);
  });

  it('takes a form made with a bigger quota when the rows filled still fit', async () => {
    const p = project();
    writeFileSync(path.join(p.forms, 'MA.pdf'), await filledForm(withQuota('MA', { government: 4 }), 'MA', 'ar', values('gov.1', MA_PEOPLE['gov.1']!)));
    const result = await collectNominations({ root: p.root, dir: p.forms });
    expect(result).toMatchObject({ diagnostics: [], added: 1 });
  });

  it('reports missing fields, bad e-mail addresses, wrong countries and languages, and files that are not forms', async () => {
    const p = project();
    const other = { ...config, countries: [...config.countries, { ...config.countries.find((c) => c.code === 'FR')!, code: 'SE', name: 'Sweden', languages: ['en'] }] };
    const files = {
      missing: path.join(p.forms, 'a-missing.pdf'),
      email: path.join(p.forms, 'b-email.pdf'),
      country: path.join(p.forms, 'c-country.pdf'),
      language: path.join(p.forms, 'd-language.pdf'),
      blank: path.join(p.forms, 'e-plain.pdf'),
      text: path.join(p.forms, 'f-text.PDF'),
      dup1: path.join(p.forms, 'g-dz.pdf'),
      dup2: path.join(p.forms, 'h-dz.pdf'),
    };
    writeFileSync(files.missing, await filledForm(config, 'EG', 'en', { 'gov.2.name': 'Amr Saleh', 'gov.2.phone': '+20 2 0000 0000' }));
    writeFileSync(files.email, await filledForm(config, 'JO', 'en', values('gov.1', { ...TN_PEOPLE['gov.1']!, email: 'sami.bensaid at social.gov.tn' })));
    writeFileSync(files.country, await filledForm(other, 'SE', 'en', values('add.1', TN_PEOPLE['tu.1']!)));
    writeFileSync(files.language, await filledForm(config, 'MA', 'en', values('gov.1', TN_PEOPLE['gov.1']!)));
    const plain = await PDFDocument.create();
    plain.addPage();
    writeFileSync(files.blank, await plain.save());
    writeFileSync(files.text, 'Dear secretariat, please find our nominations below …');
    writeFileSync(files.dup1, await filledForm(config, 'DZ', 'fr', values('gov.1', TN_PEOPLE['gov.1']!)));
    writeFileSync(files.dup2, await filledForm(config, 'DZ', 'ar', values('gov.1', TN_PEOPLE['emp.1']!)));

    const result = await collectNominations({ root: p.root, dir: p.forms });
    const got = result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`);
    const find = (file: string, rule: string) => result.diagnostics.filter((d) => d.file === rel(file) && d.rule === rule);

    expect(find(files.missing, 'nominations/missing-field').map((d) => d.message)).toEqual([
      'Egypt (EG): row government 2, field gov.2.function is empty; name, function, ministry or organisation and e-mail are required for each participant.',
      'Egypt (EG): row government 2, field gov.2.organisation is empty; name, function, ministry or organisation and e-mail are required for each participant.',
      'Egypt (EG): row government 2, field gov.2.email is empty; name, function, ministry or organisation and e-mail are required for each participant.',
    ]);
    expect(find(files.email, 'nominations/email').map((d) => d.message)).toEqual([
      'Jordan (JO): row government 1, field gov.1.email is not an e-mail address (expected the form name@example.org).',
    ]);
    expect(find(files.country, 'nominations/wrong-country')[0]!.message).toMatch(/^The form is for the country SE \(field folio\.country\), which is not invited/);
    expect(find(files.language, 'nominations/wrong-language')[0]!.message).toMatch(/^The form is in the language en \(field folio\.lang\), but the forms of Morocco \(MA\) are in fr, ar/);
    expect(find(files.blank, 'nominations/not-a-form')[0]!.message).toMatch(/^e-plain\.pdf has no form fields/);
    expect(find(files.text, 'nominations/not-a-form')[0]!.message).toBe('f-text.PDF is not a readable PDF file.');
    expect(find(files.dup1, 'nominations/wrong-country')[0]!.message).toContain(`Another form for the country DZ (field folio.country) is in the same folder: ${rel(files.dup2)}.`);
    expect(find(files.dup2, 'nominations/wrong-country')).toHaveLength(1);
    expect(got).toHaveLength(3 + 1 + 1 + 1 + 1 + 1 + 2);
    for (const d of result.diagnostics) expect(d).toMatchObject({ line: 1, column: 1, severity: 'error' });

    // Nothing was taken, so nothing was written; and no personal data in any message.
    expect(result).toMatchObject({ forms: 8, accepted: 0, added: 0, written: false });
    expect(() => statSync(p.participants)).toThrow();
    const all = JSON.stringify(result);
    for (const value of [...PERSONAL, 'Amr Saleh', '+20 2 0000 0000', 'sami.bensaid at social.gov.tn']) expect(all).not.toContain(value);
  });

  it('reports a broken participants.yaml with its place and reads no form', async () => {
    const p = project();
    writeFileSync(p.participants, 'participants:\n  - id: MA-government-1\n    nmae: x\n');
    writeFileSync(path.join(p.forms, 'MA.pdf'), await filledForm(config, 'MA', 'ar', flatten(MA_PEOPLE)));
    const result = await collectNominations({ root: p.root, dir: p.forms });
    const unknown = result.diagnostics.find((d) => d.rule === 'participants/unknown-key');
    expect(unknown).toMatchObject({ file: 'sources/participants.yaml', line: 3, column: 5, severity: 'error' });
    expect(unknown!.message).toContain('Did you mean `name`?');
    expect(result.diagnostics.some((d) => d.rule === 'participants/missing-key' && d.line === 2)).toBe(true);
    expect(result.forms).toBe(0);
    expect(result.written).toBe(false);
    expect(readFileSync(p.participants, 'utf8')).toBe('participants:\n  - id: MA-government-1\n    nmae: x\n');
  });

  it('says so when the folder does not exist', async () => {
    const p = project();
    await expect(collectNominations({ root: p.root, dir: path.join(p.root, 'nowhere') })).rejects.toThrow(/no such folder/);
  });
});

describe('a form filled by a viewer that leaves appearances to others', () => {
  it('is read back with Arabic values (pdf-lib without appearance update)', async () => {
    const p = project();
    const doc = await PDFDocument.load(await blankForm(config, 'LB', 'ar'));
    for (const [name, value] of Object.entries(values('gov.1', MA_PEOPLE['gov.1']!))) doc.getForm().getTextField(pdfFieldName(name)).setText(value);
    writeFileSync(path.join(p.forms, 'LB.pdf'), await doc.save({ updateFieldAppearances: false }));
    const result = await collectNominations({ root: p.root, dir: p.forms });
    expect(result).toMatchObject({ diagnostics: [], added: 1 });
    expect(readFileSync(p.participants, 'utf8')).toContain('name: محمد بن عبد الله العلوي');
  });

  it('pdf-lib’s default save does fail on Arabic: the reason fillNominationPdf exists', async () => {
    const doc = await PDFDocument.load(await blankForm(config, 'LB', 'ar'));
    doc.getForm().getTextField(pdfFieldName('gov.1.name')).setText('محمد');
    await expect(doc.save()).rejects.toThrow(/WinAnsi cannot encode/);
  });
});
