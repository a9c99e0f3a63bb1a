/**
 * The measure taken before pdf-lib parses a returned form: objects (`nominations/too-complex`)
 * and the size its Flate streams expand to (`nominations/too-large`), each at and just over
 * its limit, and the bombs.
 */
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { FORM_LIMITS, MAX_INFLATED_BYTES, MAX_PDF_OBJECTS } from '../../src/nominations/form-limits.js';
import { PdfLexer, UNREADABLE } from '../../src/nominations/pdf-syntax.js';
import { measurePdf, scanPdf } from '../../src/nominations/scan-pdf.js';
import { objectStreamBomb, pdfInflatingTo, pdfWithObjects, rawPdf, stallingPdf, streamObject, zeroBomb } from './hostile-pdfs.js';
import { nominee, returnedForm } from './helpers.js';

const limits = (over: Partial<typeof FORM_LIMITS>) => ({ ...FORM_LIMITS, ...over });

describe('scanPdf: objects', () => {
  it('takes a file with as many objects as the limit, refuses one more', () => {
    const pdf = pdfWithObjects(500);
    expect(measurePdf(pdf, MAX_INFLATED_BYTES).objects).toBe(500);
    expect(scanPdf(pdf, limits({ maxObjects: 500 }))).toBeUndefined();
    expect(scanPdf(pdf, limits({ maxObjects: 499 }))).toEqual({
      rule: 'nominations/too-complex',
      problem: 'has 500 PDF objects, more than the 499 a returned form may have (a filled nomination form has a few hundred), so it was not read. Ask the country for the form filled in and saved again as PDF (without attachments).',
    });
  });

  it('counts the objects packed in object streams, and the entries of a cross-reference stream', () => {
    const packed = rawPdf(['<< /Type /Catalog >>', streamObject('/Type /ObjStm /N 7 0 R /First 0', Buffer.from('')), '', '', '', '', '1000']);
    expect(measurePdf(packed, 1000).objects).toBe(7 + 1000);
    const xref = rawPdf(['<< /Type /Catalog >>', streamObject('/Type /XRef /Size 10 /Index [0 5 100 200000] /W [1 2 1]', Buffer.from(''))]);
    expect(measurePdf(xref, 1000).objects).toBe(200_005);
    expect(scanPdf(xref, FORM_LIMITS)).toMatchObject({ rule: 'nominations/too-complex', problem: expect.stringMatching(/^has 200 005 PDF objects, more than the 100 000 /) });
  });

  it('puts a filled form far under both limits', async () => {
    const form = await returnedForm('TN', 'fr', nominee('gov.1', 'Test Person', 'test@example.org'));
    const measure = measurePdf(form, MAX_INFLATED_BYTES);
    expect(measure.objects).toBeLessThan(MAX_PDF_OBJECTS / 100);
    expect(measure.inflated).toBeGreaterThan(0);
    expect(measure.inflated).toBeLessThan(MAX_INFLATED_BYTES / 64);
    expect(scanPdf(form, FORM_LIMITS)).toBeUndefined();
  });
});

describe('scanPdf: decompressed size', () => {
  it('takes streams that inflate to the budget, refuses one byte more', () => {
    const pdf = pdfInflatingTo(100_000);
    expect(measurePdf(pdf, MAX_INFLATED_BYTES)).toEqual({ objects: 4, inflated: 100_000, overBudget: false });
    expect(scanPdf(pdf, limits({ maxInflatedBytes: 100_000 }))).toBeUndefined();
    expect(scanPdf(pdf, limits({ maxInflatedBytes: 99_999 }))).toEqual({
      rule: 'nominations/too-large',
      problem: 'holds compressed data that expands to more than the 99999 bytes a returned form may expand to (a filled nomination form expands to under 1 MB): it may be a decompression bomb, and was not read. Ask the country for the form filled in and saved again as PDF (without attachments).',
    });
  });

  it('adds up all the streams of the file', () => {
    const body = zlib.deflateSync(Buffer.alloc(600, 0x41));
    const pdf = rawPdf(['<< /Type /Catalog >>', streamObject('/Filter /FlateDecode', body), streamObject('/Filter [/FlateDecode]', body)]);
    expect(measurePdf(pdf, 10_000).inflated).toBe(1200);
    expect(scanPdf(pdf, limits({ maxInflatedBytes: 1199 }))).toMatchObject({ rule: 'nominations/too-large' });
  });

  it('refuses a 1 MB object stream that inflates to 1 GB, measuring no more than the budget', () => {
    const pdf = objectStreamBomb(1024 * 1024 * 1024);
    expect(pdf.length).toBeLessThan(1.1 * 1024 * 1024);
    expect(measurePdf(pdf, MAX_INFLATED_BYTES)).toMatchObject({ overBudget: true });
    expect(measurePdf(pdf, MAX_INFLATED_BYTES).inflated).toBeLessThanOrEqual(MAX_INFLATED_BYTES);
    expect(scanPdf(pdf, FORM_LIMITS)).toMatchObject({ rule: 'nominations/too-large', problem: expect.stringContaining('more than the 64 MB') });
  });

  it('refuses a 3 KB file of Flate applied twice (1 GB in the end)', () => {
    const pdf = objectStreamBomb(1024 * 1024 * 1024, '[/FlateDecode /FlateDecode]');
    expect(pdf.length).toBeLessThan(4000);
    expect(scanPdf(pdf, FORM_LIMITS)).toMatchObject({ rule: 'nominations/too-large' });
  });

  it('measures what pdf-lib would decode, however the stream is written', () => {
    const bomb = zeroBomb(128 * 1024 * 1024);
    const wrap = (dict: string, between = '\n') => rawPdf(['<< /Type /Catalog >>', Buffer.concat([Buffer.from(`<< ${dict} >>${between}stream\n`, 'latin1'), bomb, Buffer.from('\nendstream', 'latin1')]), '/FlateDecode']);
    for (const dict of [
      '/Filter /Flate#44ecode', // a name with #xx escapes (§7.3.5) is the same name
      '/Filter 3 0 R', // the filter an indirect object
      '/Filter [3 0 R]',
      '/Length 99 0 R /Filter /FlateDecode', // an indirect length: pdf-lib looks for endstream
      '/Length 5 /Filter /FlateDecode', // a wrong length: the same
      '/Filter /FlateDecode /Comment (a string with >> stream inside)',
    ]) {
      expect(scanPdf(wrap(dict), FORM_LIMITS), dict).toMatchObject({ rule: 'nominations/too-large' });
    }
    expect(scanPdf(wrap('/Filter /FlateDecode', '\n% a comment\n'), FORM_LIMITS)).toMatchObject({ rule: 'nominations/too-large' });
  });

  it('counts what a cut-off stream holds, and ignores streams that are not zlib data', () => {
    const cut = zeroBomb(128 * 1024 * 1024).subarray(0, 100_000);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'), cut]);
    expect(scanPdf(pdf, FORM_LIMITS)).toMatchObject({ rule: 'nominations/too-large' });
    const notZlib = rawPdf(['<< /Type /Catalog >>', streamObject('/Filter /FlateDecode', Buffer.from('plain text, not deflated'))]);
    expect(measurePdf(notZlib, 1000)).toEqual({ objects: 2, inflated: 0, overBudget: false });
  });

  it('walks a file that stalls pdf-lib in time proportional to its size', () => {
    // Each of these streams has no end: pdf-lib searches the rest of the file for each one.
    const pdf = stallingPdf(20_000);
    expect(measurePdf(pdf, MAX_INFLATED_BYTES).objects).toBe(20_003);
  });
});

describe('PdfLexer', () => {
  it('reads names with escapes, references, nested dictionaries and arrays; skips strings and comments', () => {
    const text = '<< /Type /Obj#53tm /N 12 0 R /A [1 2 0 R /x (a ) ( ] >>) <414243>] % note >>\n /D << /E -1.5 >> >>';
    const value = new PdfLexer(text, 0).value();
    expect(value.kind).toBe('dict');
    const entries = value.kind === 'dict' ? value.entries : new Map();
    expect(entries.get('Type')).toEqual({ kind: 'name', name: 'ObjStm' });
    expect(entries.get('N')).toEqual({ kind: 'ref', num: 12, gen: 0 });
    expect(entries.get('A')).toEqual({ kind: 'array', items: [{ kind: 'number', value: 1 }, { kind: 'ref', num: 2, gen: 0 }, { kind: 'name', name: 'x' }, { kind: 'other' }, { kind: 'other' }, { kind: 'other' }] });
    expect(entries.get('D')).toEqual({ kind: 'dict', entries: new Map([['E', { kind: 'number', value: -1.5 }]]) });
  });

  it('gives up on nesting too deep, text cut off, or an object running into the next', () => {
    expect(new PdfLexer('['.repeat(100_000), 0).value()).toBe(UNREADABLE);
    expect(new PdfLexer('<< /A (unclosed', 0).value()).toBe(UNREADABLE);
    expect(new PdfLexer('<< /A 1 >>', 0, 8).value()).toBe(UNREADABLE);
    expect(new PdfLexer('<< /A 1 >>', 0, 10).value()).toEqual({ kind: 'dict', entries: new Map([['A', { kind: 'number', value: 1 }]]) });
  });

  it('tells numbers from references', () => {
    const items = (text: string) => { const v = new PdfLexer(text, 0).value(); return v.kind === 'array' ? v.items : []; };
    expect(items('[12 0 R 3.5 -2 +7 .5 1 2 Rx 4 5 R]')).toEqual([
      { kind: 'ref', num: 12, gen: 0 }, { kind: 'number', value: 3.5 }, { kind: 'number', value: -2 }, { kind: 'number', value: 7 },
      { kind: 'number', value: 0.5 }, { kind: 'number', value: 1 }, { kind: 'number', value: 2 }, { kind: 'other' }, { kind: 'ref', num: 4, gen: 5 },
    ]);
    expect(items('[1.0 0 R - .]')).toEqual([{ kind: 'number', value: 1 }, { kind: 'number', value: 0 }, { kind: 'other' }, { kind: 'other' }, { kind: 'other' }]);
  });
});
