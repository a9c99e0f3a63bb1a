/**
 * Reading a returned form that is damaged or hostile: encrypted (`nominations/encrypted`),
 * pdf-lib's warnings as data (`nominations/pdf-warning`), over-long fields
 * (`nominations/field-too-long`), fields of the wrong types, and files cut or scrambled:
 * always a reading, never an exception.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { decodeBudgetInstalled } from '../../src/nominations/decode-budget.js';
import { FORM_LIMITS, MAX_FIELD_CHARS } from '../../src/nominations/form-limits.js';
import { FormReader } from '../../src/nominations/form-reader.js';
import { readNominationForm, valueLength, type FormReading } from '../../src/nominations/read-form.js';
import { encryptedCopy, garbage, objectStreamBomb } from './hostile-pdfs.js';
import { formInput, nominee, returnedForm, sampleConfig } from './helpers.js';
import { renderNominationPdf } from '../../src/nominations/form-pdf.js';
import { pdfFieldName } from '../../src/nominations/fields.js';

const form = await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
const blank = await renderNominationPdf(await formInput(sampleConfig(), 'TN', 'fr'));
const reader = new FormReader({ timeoutMs: 10_000 });
afterAll(() => reader.close());

const rule = (reading: FormReading) => ('problem' in reading ? reading.problem.rule : 'form');

/** The form with objects put in just before its cross-reference table. */
function withObjects(bytes: Uint8Array, objects: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.lastIndexOf('\nxref');
  return new Uint8Array(Buffer.from(`${text.slice(0, at)}\n${objects}${text.slice(at)}`, 'latin1'));
}

/** The blank form with one field's dictionary changed by `edit`, saved without new appearances. */
async function editField(name: string, edit: (dict: PDFDict, doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.load(blank);
  const field = doc.getForm().getField(pdfFieldName(name));
  edit(field.acroField.dict, doc);
  return doc.save({ updateFieldAppearances: false });
}

describe('readNominationForm', () => {
  it('reads forms of both versions: flat field names (gov_1_name) and the dotted hierarchy of version 1 (gov.1.name)', async () => {
    const flat = await readNominationForm(form);
    expect('form' in flat && flat.form.values.get('gov.1.name')).toBe('Test Person');
    // A version 1 form: fields in a hierarchy by their dotted names, identity fields as folio.*.
    const doc = await PDFDocument.create();
    doc.addPage();
    const v1 = doc.getForm();
    for (const [name, value] of [['gov.1.name', 'Ancienne Forme'], ['gov.1.email', 'a@example.org'], ['folio.country', 'TN'], ['folio.lang', 'fr'], ['folio.form', 'nomination/1']]) {
      v1.createTextField(name!).setText(value);
    }
    const old = await readNominationForm(await doc.save());
    expect('form' in old && old.form).toMatchObject({ country: 'TN', lang: 'fr', formId: 'nomination/1' });
    expect('form' in old && [...old.form.values.entries()]).toEqual(expect.arrayContaining([['gov.1.name', 'Ancienne Forme'], ['gov.1.email', 'a@example.org']]));
  });

  it('says that an encrypted form is encrypted (nominations/encrypted)', async () => {
    const reading = await readNominationForm(await encryptedCopy(form));
    expect(reading).toEqual({ problem: {
      rule: 'nominations/encrypted',
      problem: 'is encrypted (protected by a password or security settings): folio cannot read its fields. Ask the country for the form saved without a password or security settings.',
    }, warnings: [] });
  });

  it('turns pdf-lib’s console warnings into warnings on the file, printing nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const reading = await readNominationForm(withObjects(form, '990 0 obj\n<< /A 1 /B >>\nendobj\n'));
      expect(rule(reading)).toBe('form');
      expect(reading.warnings).toHaveLength(2);
      expect(reading.warnings[0]).toMatch(/^the PDF reader warned: “Trying to parse invalid object: \{"line":\d+,"column":\d+,"offset":\d+\}\)”; the file is damaged or unusual: check what was collected from it\.$/);
      expect(reading.warnings[1]).toBe('the PDF reader warned: “Invalid object ref: 990 0 R”; the file is damaged or unusual: check what was collected from it.');
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
      expect(console.warn).toBe(warn); // put back
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('reports each warning once, at most a few, then how many more', async () => {
    const broken = Array.from({ length: 20 }, (_, i) => `${900 + (i % 2)} 0 obj\n<< /A 1 /B >>\nendobj\n`).join('');
    const reading = await readNominationForm(withObjects(form, broken), { ...FORM_LIMITS, maxWarnings: 3 });
    expect(reading.warnings).toHaveLength(4);
    expect(reading.warnings.filter((w) => w.includes('Invalid object ref: 900 0 R'))).toHaveLength(1);
    expect(reading.warnings[3]).toBe('the PDF reader warned 37 more times (not shown).');
  });

  it('takes a field of the longest length allowed, refuses one character more (nominations/field-too-long)', async () => {
    const fill = async (length: number) => {
      const doc = await PDFDocument.load(blank);
      doc.getForm().getTextField(pdfFieldName('gov.1.function')).setText('x'.repeat(length));
      return doc.save({ updateFieldAppearances: false });
    };
    const at = await readNominationForm(await fill(MAX_FIELD_CHARS));
    expect('form' in at && at.form.values.get('gov.1.function')).toHaveLength(MAX_FIELD_CHARS);
    expect(await readNominationForm(await fill(MAX_FIELD_CHARS + 1))).toEqual({ problem: {
      rule: 'nominations/field-too-long',
      problem: 'has 10 001 characters in the field gov.1.function, more than the 10 000 a field may hold, so the form was not taken. Ask the country to correct that field and send the form again.',
    }, warnings: [] });
    expect(await readNominationForm(await fill(51), { ...FORM_LIMITS, maxFieldChars: 50 })).toMatchObject({ problem: { rule: 'nominations/field-too-long' } });
  });

  it('refuses a field of a million characters by its length, without decoding it', async () => {
    const doc = await PDFDocument.load(blank);
    doc.getForm().getTextField(pdfFieldName('gov.1.name')).setText('A'.repeat(1_000_000));
    expect(await readNominationForm(await doc.save({ updateFieldAppearances: false }))).toMatchObject({ problem: {
      rule: 'nominations/field-too-long',
      problem: expect.stringMatching(/^has 1 000 000 characters in the field gov\.1\.name, more than the 10 000 /),
    } });
  });

  it('counts the length of a value as pdf-lib decodes it', () => {
    const values = [
      PDFString.of('plain'), PDFString.of('a\\(b\\)\\n\\101\\1012\\7x\\\ncontinued\\\\'), PDFString.of(''),
      PDFHexString.fromText('محمد بن عبد الله'), PDFHexString.fromText('emoji 🎉 and é'), PDFHexString.of('414'), PDFString.fromDate(new Date(0)),
    ];
    for (const value of values) expect(valueLength(value), value.asString()).toBe(value.decodeText().length);
    expect(valueLength(undefined)).toBe(0);
  });

  it('stops pdf-lib’s own decoders at the budget, for filters the scan does not measure', async () => {
    expect(decodeBudgetInstalled).toBe(true);
    // Hexadecimal around Flate: the scan leaves it, pdf-lib decodes it while parsing the object stream.
    const bomb = objectStreamBomb(256 * 1024 * 1024, '[/ASCIIHexDecode /FlateDecode]');
    expect(await readNominationForm(bomb)).toMatchObject({ problem: { rule: 'nominations/too-large', problem: expect.stringContaining('expands to more than the 64 MB') } });
    // Under the budget the same stream is decoded (and is no form).
    expect(rule(await readNominationForm(objectStreamBomb(1024 * 1024, '[/ASCIIHexDecode /FlateDecode]')))).toBe('nominations/not-a-form');
    // Outside a read, the decoders have no budget: a form folio writes is unaffected.
    expect((await PDFDocument.load(await (await PDFDocument.load(form)).save({ useObjectStreams: true }))).getPageCount()).toBe(1);
  });
});

describe('fields of the wrong types', () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ['a value that is a number', () => editField('folio.country', (d) => d.set(PDFName.of('V'), PDFNumber.of(7)))],
    ['a value that is an array', () => editField('gov.1.name', (d, doc) => d.set(PDFName.of('V'), doc.context.obj([1, 2, 'x'])))],
    ['a value that is a dictionary', () => editField('gov.1.name', (d, doc) => d.set(PDFName.of('V'), doc.context.obj({ A: 1 })))],
    ['a value that is a stream', () => editField('gov.1.name', (d, doc) => d.set(PDFName.of('V'), doc.context.register(doc.context.stream('(text)'))))],
    ['a name that is a number', () => editField('gov.1.email', (d) => d.set(PDFName.of('T'), PDFNumber.of(3)))],
    ['an identity field that is a check box', () => editField('folio.country', (d) => d.set(PDFName.of('FT'), PDFName.of('Btn')))],
    ['a field that is its own kid', () => editField('gov.1.name', (d, doc) => d.set(PDFName.of('Kids'), doc.context.obj([doc.getForm().getField(pdfFieldName('gov.1.name')).ref])))],
    ['a field that is its own parent', () => editField('gov.1.name', (d, doc) => d.set(PDFName.of('Parent'), doc.getForm().getField(pdfFieldName('gov.1.name')).ref))],
    ['a form whose Fields is not an array', async () => {
      const doc = await PDFDocument.load(blank);
      doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).set(PDFName.of('Fields'), PDFString.of('none'));
      return doc.save({ updateFieldAppearances: false });
    }],
    ['keywords that are not a string', async () => {
      const doc = await PDFDocument.load(blank);
      doc.setKeywords(['folio-form:x']); // makes the information dictionary
      doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Keywords'), PDFArray.withContext(doc.context));
      return doc.save({ updateFieldAppearances: false });
    }],
  ];
  for (const [title, make] of cases) {
    it(`reads a form with ${title} without failing`, async () => {
      const reading = await reader.read(await make());
      expect(['form', 'nominations/not-a-form']).toContain(rule(reading));
    });
  }

  it('does not take a text field whose value is not text as text', async () => {
    const reading = await reader.read(await editField('gov.1.name', (d) => d.set(PDFName.of('V'), PDFNumber.of(42))));
    expect('form' in reading && reading.form.values.get('gov.1.name')).toBe('');
  });
});

describe('files cut short, scrambled or made of garbage', () => {
  it('gives a reading for every one, never an exception', async () => {
    const variants: Uint8Array[] = [new Uint8Array(0), garbage(5000), new Uint8Array(Buffer.from('%PDF-1.7\n'))];
    for (let i = 1; i < 24; i++) variants.push(form.subarray(0, Math.floor((form.length * i) / 24)));
    for (let seed = 1; seed <= 24; seed++) {
      const flipped = new Uint8Array(form);
      const noise = garbage(16, seed);
      for (let k = 0; k < 16; k += 2) flipped[(noise.readUInt16BE(k) * 997) % flipped.length] ^= noise[k + 1]! | 1;
      variants.push(flipped);
    }
    for (const bytes of variants) {
      const reading = await reader.read(bytes);
      expect(['form', 'nominations/not-a-form', 'nominations/too-large', 'nominations/too-complex'], `${bytes.length} bytes`).toContain(rule(reading));
      if ('problem' in reading) expect(reading.problem.problem).not.toMatch(/\n|at .*\.js:\d+/);
    }
  });
});
