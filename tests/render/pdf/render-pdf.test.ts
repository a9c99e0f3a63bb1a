/** A hand-made model rendered to PDF and read back with pdf-lib: outline, links, image, metadata, pages. */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFArray, PDFString, PDFHexString, PDFRef } from 'pdf-lib';
import { renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import type { Block, DocumentModel } from '../../../src/document/model.js';
import { makePng } from '../../helpers/png.js';

const para = (text: string): Block => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value: text }] });

function model(blocks: Block[], extra: Partial<DocumentModel> = {}): DocumentModel {
  return {
    kind: 'test', origin: 'test', direction: 'ltr', header: 'Header', footer: 'Page {page} of {pages}',
    meta: { title: 'Test title', subject: 'Subject', author: 'OSCE, ILO, IOM', lang: 'en', date: new Date('2027-01-11T00:00:00Z') },
    blocks, footnotes: [], ...extra,
  };
}

describe('renderPdf', async () => {
  const fonts = await FontLibrary.load();
  const long = 'Labour migration policies are discussed here at length. '.repeat(12);
  const blocks: Block[] = [
    { type: 'heading', level: 1, id: 'one', children: [{ type: 'text', value: 'Chapter One' }] },
    { type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'See ' }, { type: 'link', url: 'https://www.ilo.org/x', children: [{ type: 'text', value: 'the ILO' }] }, { type: 'text', value: ', ' }, { type: 'link', url: 'https://example.org/a)b\\c(d é', children: [{ type: 'text', value: 'odd' }] }, { type: 'text', value: ' and ' }, { type: 'link', url: 'https://www.iom.int/', title: 'Organisation internationale pour les migrations — المنظمة الدولية للهجرة', children: [{ type: 'text', value: 'the IOM' }] }, { type: 'text', value: '.' }] },
    { type: 'heading', level: 2, id: 'one-a', children: [{ type: 'text', value: 'Section A' }] },
    ...Array.from({ length: 12 }, () => para(long)),
    { type: 'image', data: makePng(40, 20, [200, 30, 30]), format: 'png', alt: 'a red box', width: 40, height: 20 },
    { type: 'heading', level: 1, id: 'two', children: [{ type: 'text', value: 'Chapter Two' }] },
    para('End.'),
  ];

  it('writes metadata, an outline nested by level, link annotations and the image', async () => {
    const result = await renderPdf(model(blocks), fonts);
    expect(result.pages).toBeGreaterThan(1);
    const doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Test title');
    expect(doc.getAuthor()).toBe('OSCE, ILO, IOM');
    expect(doc.getCreationDate()?.toISOString()).toBe('2027-01-11T00:00:00.000Z');
    expect(doc.getPageCount()).toBe(result.pages);
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en');

    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    const walk = (ref: unknown, depth: number) => {
      let node = ref ? doc.context.lookup(ref as PDFRef, PDFDict) : undefined;
      while (node) {
        const title = node.lookup(PDFName.of('Title'));
        titles.push(`${depth}:${(title as PDFHexString | PDFString).decodeText()}`);
        walk(node.get(PDFName.of('First')), depth + 1);
        const next = node.get(PDFName.of('Next'));
        node = next ? doc.context.lookup(next as PDFRef, PDFDict) : undefined;
      }
    };
    walk(outlines.get(PDFName.of('First')), 0);
    expect(titles).toEqual(['0:Chapter One', '1:Section A', '0:Chapter Two']);

    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
    const links = annots.asArray().map((ref) => {
      const annot = doc.context.lookup(ref as PDFRef, PDFDict);
      const contents = annot.lookup(PDFName.of('Contents')) as PDFHexString | undefined;
      return [(annot.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI')) as PDFString | PDFHexString).decodeText(), contents?.decodeText()];
    });
    // A link's title is its annotation's description (a tooltip; what assistive technology reads).
    // Without a title, the link's words describe it (PDF/UA-1 §7.18.5).
    expect(links).toContainEqual(['https://www.ilo.org/x', 'the ILO']);
    // Parentheses and a backslash in an address cannot end the string (a hex string); non-ASCII is percent-encoded.
    expect(links).toContainEqual(['https://example.org/a)b\\c(d%20%C3%A9', 'odd']);
    expect(links).toContainEqual(['https://www.iom.int/', 'Organisation internationale pour les migrations — المنظمة الدولية للهجرة']);

    const hasImage = doc.getPages().some((page) => {
      const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'));
      return xobjects instanceof PDFDict && xobjects.keys().length > 0;
    });
    expect(hasImage).toBe(true);
  });

  it('gives the same bytes for the same model', async () => {
    const a = await renderPdf(model(blocks), fonts);
    const b = await renderPdf(model(blocks), fonts);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('repeats the header row of a table that crosses a page', async () => {
    const table: Block = {
      type: 'table', style: 'grid', align: [null, null],
      header: [[{ type: 'text', value: 'Instrument' }], [{ type: 'text', value: 'Year' }]],
      rows: Array.from({ length: 70 }, (_, i) => [[{ type: 'text', value: `Convention number ${i}` }], [{ type: 'text', value: String(1950 + i) }]]),
    };
    const { layoutDocument } = await import('../../../src/render/pdf/render-pdf.js');
    const { pages } = layoutDocument(model([table]), fonts);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const firstLine = page.items.find((i) => i.type === 'line' && i.y < 780);
      expect(firstLine && firstLine.type === 'line' && firstLine.line.glyphs[0]?.text).toBe('I');
    }
  });
});
