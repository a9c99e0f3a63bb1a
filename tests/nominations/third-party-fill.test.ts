/**
 * Forms filled by the tools delegates and ministries really use — pdf-lib, pypdf, MuPDF —
 * in Arabic and French, saved by them, then collected: every value comes back as typed.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { PDFDocument, PDFName, type PDFHexString } from 'pdf-lib';
import { collectNominations } from '../../src/nominations/collect.js';
import { pdfFieldName } from '../../src/nominations/fields.js';
import { renderNominationPdf } from '../../src/nominations/form-pdf.js';
import { readParticipants } from '../../src/nominations/participants.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { copyKit, hasTool, realTool, SYSTEM_PYTHON } from '../helpers/kit.js';
import { formInput, sampleConfig } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const config = sampleConfig();
const fonts = await FontLibrary.load();

type Person = { name: string; function: string; organisation: string; email: string };
const PEOPLE: Record<'ar' | 'fr', Person> = {
  ar: { name: 'فاطمة الزهراء بنّاني', function: 'مديرة الهجرة', organisation: 'وزارة الإدماج الاقتصادي والشغل', email: 'f.bennani@emploi.gov.ma' },
  fr: { name: 'Hélène Ngô-Lefèvre', function: 'Cheffe de la division « Mobilité »', organisation: 'Ministère des Affaires sociales', email: 'h.ngo@social.gov.tn' },
};
const COUNTRY = { ar: 'MA', fr: 'TN' } as const;

/** Field name (as the PDF has it) → value, for the first government seat. */
const byName = (p: Person) => Object.fromEntries(Object.entries(p).map(([k, v]) => [pdfFieldName(`gov.1.${k}`), v]));

async function blank(lang: 'ar' | 'fr'): Promise<Uint8Array> {
  return renderNominationPdf(await formInput(config, COUNTRY[lang], lang));
}

/** Where the tooltip of a field is what a filler can see (MuPDF 1.21): tooltip → value. */
async function byTooltip(bytes: Uint8Array, p: Person): Promise<Record<string, string>> {
  const form = (await PDFDocument.load(bytes)).getForm();
  const out: Record<string, string> = { ...byName(p) };
  for (const [key, value] of Object.entries(p)) {
    const tu = form.getTextField(pdfFieldName(`gov.1.${key}`)).acroField.dict.lookup(PDFName.of('TU')) as PDFHexString;
    out[tu.decodeText()] = value;
  }
  return out;
}

async function collectOne(file: string, bytes: Uint8Array): Promise<{ result: Awaited<ReturnType<typeof collectNominations>>; people: ReturnType<typeof readParticipants>['participants'] }> {
  const root = copyKit();
  const inbox = path.join(root, 'returned');
  mkdirSync(inbox);
  writeFileSync(path.join(inbox, file), bytes);
  const result = await collectNominations({ root, dir: inbox });
  const people = readParticipants(readFileSync(path.join(root, 'sources', 'participants.yaml'), 'utf8'), 'participants.yaml').participants;
  return { result, people };
}

async function expectCollected(lang: 'ar' | 'fr', bytes: Uint8Array, tool: string): Promise<void> {
  const { result, people } = await collectOne(`${COUNTRY[lang]}-${lang}-${tool}.pdf`, bytes);
  expect(result.diagnostics, tool).toEqual([]);
  expect(result).toMatchObject({ forms: 1, accepted: 1, added: 1 });
  expect(people!.find((x) => x.id === `${COUNTRY[lang]}-government-1`), `${tool} ${lang}`).toMatchObject({ ...PEOPLE[lang], language: lang });
}

/** Every font pdffonts lists in the file is embedded. */
function expectFontsEmbedded(file: string): void {
  if (!hasTool('pdffonts')) return;
  const out = spawnSync('pdffonts', [file], { encoding: 'utf8' });
  const rows = out.stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row, file).toMatch(/\s(CID TrueType|TrueType|Type 1C?|CID Type 0C?)\s+\S+\s+yes\s/);
}

const tmp = path.join(copyKit(), 'filled');
mkdirSync(tmp);

describe('forms filled by third-party tools are saved and collected', () => {
  it('pdf-lib: French with its default save, Arabic with a font it embeds or without redrawing', async () => {
    for (const lang of ['fr', 'ar'] as const) {
      const doc = await PDFDocument.load(await blank(lang));
      const form = doc.getForm();
      for (const [name, value] of Object.entries(byName(PEOPLE[lang]))) form.getTextField(name).setText(value);
      let saved: Uint8Array;
      if (lang === 'fr') {
        saved = await doc.save();
      } else {
        // pdf-lib's default font (Helvetica, WinAnsi) has no Arabic: a script embeds one, as pdf-lib's documentation shows.
        doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
        const amiri = fonts.faceFor({ family: 'sans', bold: false, italic: false }, 0x0627, 'Arab')!;
        form.updateFieldAppearances(await doc.embedFont(amiri.bytes, { subset: false }));
        saved = await doc.save();
        // Or values only, left to viewers to draw (the form asks them to: NeedAppearances).
        const plain = await PDFDocument.load(await blank(lang));
        for (const [name, value] of Object.entries(byName(PEOPLE[lang]))) plain.getForm().getTextField(name).setText(value);
        await expectCollected(lang, await plain.save({ updateFieldAppearances: false }), 'pdf-lib-values');
      }
      await expectCollected(lang, saved, 'pdf-lib');
    }
  });

  it('pypdf: fields addressed by their whole names, in Arabic and French', async () => {
    if (!realTool('pypdf', [SYSTEM_PYTHON, '-c', 'import pypdf'], 'apt-get install -y python3-pypdf')) return;
    for (const lang of ['ar', 'fr'] as const) {
      const source = path.join(tmp, `${lang}-blank.pdf`);
      const target = path.join(tmp, `${lang}-pypdf.pdf`);
      const values = path.join(tmp, `${lang}-pypdf.json`);
      writeFileSync(source, await blank(lang));
      writeFileSync(values, JSON.stringify(byName(PEOPLE[lang])));
      const run = spawnSync(SYSTEM_PYTHON, [path.join(here, 'fillers', 'pypdf-fill.py'), source, target, values], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      await expectCollected(lang, readFileSync(target), 'pypdf');
    }
  });

  it('MuPDF: values typed, drawn and saved by MuPDF, in Arabic and French', async () => {
    if (!realTool('MuPDF (mutool)', ['mutool', '-v'], 'apt-get install -y mupdf-tools')) return;
    for (const lang of ['ar', 'fr'] as const) {
      const bytes = await blank(lang);
      const source = path.join(tmp, `${lang}-blank-mu.pdf`);
      const target = path.join(tmp, `${lang}-mupdf.pdf`);
      const values = path.join(tmp, `${lang}-mupdf.json`);
      writeFileSync(source, bytes);
      writeFileSync(values, JSON.stringify(await byTooltip(bytes, PEOPLE[lang])));
      const run = spawnSync('mutool', ['run', path.join(here, 'fillers', 'mupdf-fill.js'), source, target, values], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('filled 4');
      await expectCollected(lang, readFileSync(target), 'mupdf');
      // The form as folio made it names only embedded fonts. (MuPDF draws the values it sets with
      // its own base-14 Helvetica whatever the form names, dots for Arabic: its limit, not the form's.)
      expectFontsEmbedded(source);
    }
  });
});
