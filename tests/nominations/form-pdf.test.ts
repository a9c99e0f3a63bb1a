import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFTextField, TextAlignment } from 'pdf-lib';
import { renderNominationPdf } from '../../src/nominations/form-pdf.js';
import { FIELD_KEYS, IDENTITY_FIELDS, FORM_ID, pdfFieldName } from '../../src/nominations/fields.js';
import { NOMINATION_MESSAGES } from '../../src/nominations/messages.js';
import { nominationRows } from '../../src/nominations/rows.js';
import { ContentError } from '../../src/diagnostics/diagnostic.js';
import { fold, hasTool, pdfText } from '../helpers/kit.js';
import { walkTaggedPdf } from '../helpers/pdf-structure.js';
import { ARABIC, country, declaredConfig, formInput, messages, sampleConfig, withQuota } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-nomination-form-'));
const save = (name: string, bytes: Uint8Array) => {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
};
/** pdftotext gives logical Arabic back but moves spaces, punctuation and marks: compare letters and digits. */
const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');

describe('renderNominationPdf', async () => {
  const config = sampleConfig();
  const english = await renderNominationPdf(await formInput(config, 'EG', 'en'));
  const arabic = await renderNominationPdf(await formInput(config, 'MA', 'ar'));

  it('has exactly the fields of the country’s rows, plus the identity fields', async () => {
    for (const [bytes, code] of [[english, 'EG'], [arabic, 'MA']] as const) {
      const doc = await PDFDocument.load(bytes);
      const names = doc.getForm().getFields().map((f) => f.getName()).sort();
      const expected = [
        ...nominationRows(country(config, code)).flatMap((r) => FIELD_KEYS.map((k) => `${r.field}.${k}`)),
        ...Object.values(IDENTITY_FIELDS),
      ].map(pdfFieldName).sort();
      // Flat names (no hierarchy of fields): every filler addresses a field by its whole name.
      for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z0-9]+)+$/);
      expect(names).toEqual(expected);
      for (const field of doc.getForm().getFields()) expect(field).toBeInstanceOf(PDFTextField);
    }
    const own = await PDFDocument.load(await renderNominationPdf(await formInput(config, 'DE', 'en')));
    expect(own.getForm().getFields().map((f) => f.getName()).filter((n) => !n.startsWith('folio_')).sort())
      .toEqual(['add_1_email', 'add_1_function', 'add_1_name', 'add_1_organisation', 'add_1_phone', 'add_2_email', 'add_2_function', 'add_2_name', 'add_2_organisation', 'add_2_phone']);
  });

  it('identifies itself: read-only fields without a widget (PDF/A admits no hidden annotation) and keywords', async () => {
    const doc = await PDFDocument.load(arabic);
    const form = doc.getForm();
    expect(form.getTextField(pdfFieldName(IDENTITY_FIELDS.country)).getText()).toBe('MA');
    expect(form.getTextField(pdfFieldName(IDENTITY_FIELDS.lang)).getText()).toBe('ar');
    expect(form.getTextField(pdfFieldName(IDENTITY_FIELDS.form)).getText()).toBe(FORM_ID);
    for (const name of Object.values(IDENTITY_FIELDS)) {
      const field = form.getTextField(pdfFieldName(name));
      expect(field.isReadOnly()).toBe(true);
      expect(field.acroField.getWidgets()).toEqual([]);
    }
    // Every annotation is printed, none hidden (PDF/A-2 6.3.2).
    for (const page of doc.getPages()) {
      for (const ref of page.node.Annots()?.asArray() ?? []) {
        const flags = (doc.context.lookup(ref, PDFDict).lookup(PDFName.of('F')) as PDFNumber).asNumber();
        expect(flags & 4).toBe(4);
        expect(flags & 2).toBe(0);
      }
    }
    expect(doc.getKeywords()).toBe('folio-nomination-form folio-form:nomination/2 folio-country:MA folio-lang:ar');
    expect(doc.getTitle()).toBe('استمارة الترشيح: المغرب');
    expect(doc.getSubject()).toBe(config.event.title);
    expect(doc.getCreationDate()?.toISOString()).toBe('2027-01-11T00:00:00.000Z');
  });

  it('gives every widget its appearance instead of asking viewers for them, marks required fields, and right-aligns fields in Arabic', async () => {
    for (const [bytes, align] of [[english, TextAlignment.Left], [arabic, TextAlignment.Right]] as const) {
      const doc = await PDFDocument.load(bytes);
      const acroForm = doc.catalog.getOrCreateAcroForm().dict;
      // PDF/A-2 6.4.1: no NeedAppearances; each widget has its own appearance stream.
      expect(acroForm.get(PDFName.of('NeedAppearances'))).toBeUndefined();
      for (const field of doc.getForm().getFields()) for (const w of field.acroField.getWidgets()) expect(w.getNormalAppearance()).toBeDefined();
      expect(acroForm.get(PDFName.of('DR'))).toBeDefined();
      const form = doc.getForm();
      expect(form.getTextField(pdfFieldName('gov.1.name')).isRequired()).toBe(true);
      expect(form.getTextField(pdfFieldName('gov.1.email')).isRequired()).toBe(true);
      expect(form.getTextField(pdfFieldName('gov.1.phone')).isRequired()).toBe(false);
      expect(form.getTextField(pdfFieldName('add.2.organisation')).getAlignment()).toBe(align);
    }
    expect(String((await PDFDocument.load(arabic)).catalog.get(PDFName.of('Lang')))).toContain('ar');
  });

  it('is tagged: every field a Form element right after its label, every widget in the structure', async () => {
    for (const bytes of [english, arabic]) {
      const walked = await walkTaggedPdf(bytes);
      expect(walked.problems).toEqual([]);
      const kids = walked.tree[0]!.kids;
      const forms = kids.map((k, i) => [k, i] as const).filter(([k]) => k.role === 'Form');
      const widgets = (await PDFDocument.load(bytes)).getForm().getFields().flatMap((f) => f.acroField.getWidgets()).length;
      expect(forms).toHaveLength(widgets);
      // Label, field; label, field: never two fields in a row.
      for (const [, i] of forms) expect(kids[i - 1]!.role, `element ${i}`).toBe('P');
    }
  });

  it('types its fields in an embedded font that covers the form’s language, never in Helvetica', async () => {
    for (const [bytes, lang, letters] of [[english, 'en', 'Aéçñ@+0'], [arabic, 'ar', 'اشيٌ@+0ﺵ']] as const) {
      expect(Buffer.from(bytes).includes('Helvetica')).toBe(false);
      const doc = await PDFDocument.load(bytes);
      const acroForm = doc.catalog.getOrCreateAcroForm().dict;
      const fonts = doc.context.lookup(acroForm.lookup(PDFName.of('DR'), PDFDict).get(PDFName.of('Font')), PDFDict);
      expect(fonts.keys().map(String), lang).toEqual(['/FolioField']);
      const type0 = fonts.lookup(PDFName.of('FolioField'), PDFDict);
      expect(String(type0.get(PDFName.of('Subtype')))).toBe('/Type0');
      const descendant = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
      expect(descendant.lookup(PDFName.of('FontDescriptor'), PDFDict).get(PDFName.of('FontFile2'))).toBeDefined();
      // Fillers encode what is typed through ToUnicode: it must hold every letter of the language, not only those printed.
      const cmap = Buffer.from(decodePDFRawStream(type0.lookup(PDFName.of('ToUnicode')) as PDFRawStream).decode()).toString('latin1');
      for (const ch of letters) expect(cmap, `${lang} ${ch}`).toContain(`<${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
      for (const field of doc.getForm().getFields()) {
        expect(field.acroField.getDefaultAppearance()).toBe('/FolioField 9 Tf 0 g');
        for (const widget of field.acroField.getWidgets()) {
          const normal = widget.getAppearances()?.normal;
          expect(normal).toBeInstanceOf(PDFRawStream);
        }
      }
    }
  });

  it('says what every field is for in its tooltip (/TU), in the form’s language', async () => {
    for (const [bytes, name, tooltip] of [[english, 'gov.1.email', 'Government official 1: E-mail'], [arabic, 'sp.1.name', 'ممثل الشركاء الاجتماعيين 1: الاسم']] as const) {
      const form = (await PDFDocument.load(bytes)).getForm();
      const tu = (field: PDFTextField) => field.acroField.dict.lookup(PDFName.of('TU'));
      expect((tu(form.getTextField(pdfFieldName(name))) as PDFHexString).decodeText()).toBe(tooltip);
      for (const field of form.getFields()) {
        if (field.getName().startsWith('folio_')) continue;
        expect((tu(field as PDFTextField) as PDFHexString | undefined)?.decodeText() ?? '', field.getName()).toMatch(/\S: \S/);
      }
    }
  });

  it('gives the same bytes twice', async () => {
    const again = await renderNominationPdf(await formInput(config, 'MA', 'ar'));
    expect(Buffer.from(again).equals(Buffer.from(arabic))).toBe(true);
  });

  it('prints the English labels', () => {
    if (!hasTool('pdftotext')) return;
    const text = fold(pdfText(save('EG-en.pdf', english)));
    for (const label of ['Nomination form: Egypt', 'Please return this form by 12 February 2027.', 'Government official 3', 'Social-partner representative 1',
      'Additional participant 2', 'sponsored', 'own cost', 'Name *', 'Function *', 'Ministry or organisation *', 'E-mail *', 'Phone', 'lmh-rabat-secretariat@example.org']) {
      expect(text).toContain(label);
    }
    expect(text).not.toContain('Page 1 of');
  });

  it('prints the Arabic labels as logical text', () => {
    if (!hasTool('pdftotext')) return;
    const text = letters(fold(pdfText(save('MA-ar.pdf', arabic))));
    for (const label of ['استمارة الترشيح: المغرب', 'مسؤول حكومي 3', 'ممثل الشركاء الاجتماعيين 1', 'مشارك إضافي 2', 'الوزارة أو المنظمة', 'البريد الإلكتروني', 'يُرجى إعادة هذه الاستمارة في موعد أقصاه 12 فبراير 2027.']) {
      expect(text).toContain(letters(label));
    }
    expect(text).not.toContain(letters('Government official'));
  });

  it('mirrors the Arabic form: labels and first fields on the right', async () => {
    const en = (await PDFDocument.load(english)).getForm();
    const ar = (await PDFDocument.load(arabic)).getForm();
    const rect = (form: typeof en, name: string) => form.getTextField(pdfFieldName(name)).acroField.getWidgets()[0]!.getRectangle();
    const enName = rect(en, 'gov.1.name');
    const arName = rect(ar, 'gov.1.name');
    const arPhone = rect(ar, 'gov.1.phone');
    expect(enName.x).toBeLessThan(100);
    expect(arName.x + arName.width).toBeGreaterThan(500);
    expect(arPhone.x).toBeLessThan(100);
    expect(arName.x).toBeCloseTo(595.28 - enName.x - enName.width, 3);
  });

  it('passes qpdf --check', () => {
    if (!hasTool('qpdf')) return;
    for (const [name, bytes] of [['EG-en.pdf', english], ['MA-ar.pdf', arabic]] as const) {
      const result = spawnSync('qpdf', ['--check', save(name, bytes)], { encoding: 'utf8' });
      expect(result.status, result.stdout + result.stderr).toBe(0);
    }
  });

  it('uses only the messages it declares, and every one of them', async () => {
    const used = new Set<string>();
    const variants = [
      await formInput(config, 'TN', 'en'),
      await formInput(config, 'FR', 'en', { deadline: '' }),
      await formInput(config, 'MA', 'en'),
      await formInput(withQuota(config, 'MA', { government: 9 }), 'MA', 'en'),
      await formInput(declaredConfig(config), 'MA', 'en'),
    ];
    for (const input of variants) {
      const message = messages('en');
      await renderNominationPdf({ ...input, message });
      const { nominationModel } = await import('../../src/nominations/form-model.js');
      nominationModel({ ...input, message });
      for (const m of message.used) used.add(m);
    }
    expect([...used].sort()).toEqual([...NOMINATION_MESSAGES].sort());
    expect(Object.keys(ARABIC).sort()).toEqual([...NOMINATION_MESSAGES].sort());
  });

  it('runs over two pages with a page number when the rows do not fit on one', async () => {
    const big = withQuota(config, 'MA', { government: 9 });
    const doc = await PDFDocument.load(await renderNominationPdf(await formInput(big, 'MA', 'en')));
    expect(doc.getPageCount()).toBe(2);
    const pageOf = (name: string) => doc.getPages().findIndex((p) => p.ref === doc.getForm().getTextField(pdfFieldName(name)).acroField.getWidgets()[0]!.P());
    expect(pageOf('gov.1.name')).toBe(0);
    expect(pageOf('add.2.phone')).toBe(1);
  });

  it('stays on one page where the quota fits, with tighter spacing if the usual one would need a second page', async () => {
    const heights = async (quota: number, lang: 'en' | 'ar') => {
      const cfg = withQuota(config, 'MA', { government: quota });
      const doc = await PDFDocument.load(await renderNominationPdf(await formInput(cfg, 'MA', lang)));
      const widget = doc.getForm().getTextField(pdfFieldName('gov.1.name')).acroField.getWidgets()[0]!;
      return { pages: doc.getPageCount(), height: widget.getRectangle().height };
    };
    expect((await heights(3, 'ar')).pages).toBe(1);
    for (const lang of ['en'] as const) {
      // The first quota whose rows need the tighter spacing to fit; below it the usual spacing fits.
      let q = 1;
      while ((await heights(q, lang)).height === 14 && (await heights(q, lang)).pages === 1) q++;
      expect(q, lang).toBeGreaterThan(1);
      expect(await heights(q, lang), `${lang} quota ${q}`).toEqual({ pages: 1, height: 13 });
      expect(await heights(q - 1, lang)).toEqual({ pages: 1, height: 14 });
      // Too many rows for one page even then: the usual spacing, over two pages.
      expect(await heights(10, lang)).toMatchObject({ height: 14 });
      expect((await heights(10, lang)).pages).toBeGreaterThan(1);
    }
  });

  it('refuses a label no font can draw, naming the character', async () => {
    const input = await formInput(config, 'MA', 'en', { countryName: 'Morocco \u{1F600}' });
    await expect(renderNominationPdf(input)).rejects.toThrow(ContentError);
    await expect(renderNominationPdf(input)).rejects.toThrow(/U\+1F600.*font\/missing-glyph/);
  });
});
