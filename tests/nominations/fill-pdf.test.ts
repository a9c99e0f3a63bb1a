import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { fillNominationPdf, UnknownFieldError } from '../../src/nominations/fill-pdf.js';
import { renderNominationPdf } from '../../src/nominations/form-pdf.js';
import { FontLibrary } from '../../src/text/fonts.js';
import { hasTool } from '../helpers/kit.js';
import { formInput, sampleConfig } from './helpers.js';
import { pdfFieldName } from '../../src/nominations/fields.js';

describe('fillNominationPdf', async () => {
  const config = sampleConfig();
  const fonts = await FontLibrary.load();
  const blank = await renderNominationPdf(await formInput(config, 'MA', 'ar'));
  const values = { 'gov.1.name': 'محمد بن عبد الله العلوي', 'gov.1.function': 'Chef de la division « Migration »', 'gov.1.email': 'm.alaoui@emploi.gov.ma', 'sp.1.name': 'Ζωή Παπαδοπούλου' };
  const filled = await fillNominationPdf(blank, values, { fonts, lang: 'ar' });

  it('sets the values and draws each one’s appearance with embedded fonts', async () => {
    const doc = await PDFDocument.load(filled);
    const form = doc.getForm();
    for (const [name, value] of Object.entries(values)) {
      expect(form.getTextField(pdfFieldName(name)).getText()).toBe(value);
      const ap = form.getTextField(pdfFieldName(name)).acroField.getWidgets()[0]!.getAppearances()!.normal;
      expect(ap).toBeInstanceOf(PDFStream);
      const fontsOf = ((ap as PDFRawStream).dict.lookup(PDFName.of('Resources'), PDFDict)).lookup(PDFName.of('Font'), PDFDict);
      expect(fontsOf.keys().length).toBeGreaterThan(0);
    }
    expect(form.getTextField(pdfFieldName('gov.2.name')).getText()).toBeUndefined();
    // Appearances are drawn: viewers should show them rather than redraw with the DA font.
    expect(String(doc.catalog.getOrCreateAcroForm().dict.get(PDFName.of('NeedAppearances')))).toBe('false');
  });

  it('refuses a field the form does not have', async () => {
    await expect(fillNominationPdf(blank, { 'gov.9.name': 'x' }, { fonts })).rejects.toThrow(UnknownFieldError);
  });

  it('passes qpdf --check once filled', () => {
    if (!hasTool('qpdf')) return;
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'folio-filled-')), 'MA-ar.pdf');
    writeFileSync(file, filled);
    const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
