/**
 * Right-to-left documents through the same path as Arabic: a Hebrew test document (no code
 * is Arabic-specific), and quotations in another script keeping their own direction.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { layoutDocument, renderPdf } from '../../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import type { Block, DocumentModel } from '../../../src/document/model.js';
import { markQuotationDirections } from '../../../src/document/paragraph-direction.js';
import { CONTENT_WIDTH, MARGIN } from '../../../src/render/pdf/styles.js';
import { fold, hasTool, pdfText } from '../../helpers/kit.js';

const text = (value: string) => ({ type: 'text' as const, value });
const para = (value: string): Block => ({ type: 'paragraph', role: 'body', align: 'start', children: [text(value)] });

function model(lang: string, direction: 'ltr' | 'rtl', blocks: Block[]): DocumentModel {
  markQuotationDirections(blocks, direction);
  return {
    kind: 'test', origin: 'test', direction, header: '', footer: '{page} / {pages}',
    meta: { title: 'RTL test', author: 'folio', lang, date: new Date('2027-01-11T00:00:00Z') },
    blocks, footnotes: [],
  };
}

const RIGHT = MARGIN.inner + CONTENT_WIDTH;
const LEFT = MARGIN.inner;

describe('right-to-left documents', async () => {
  const fonts = await FontLibrary.load();
  const HEBREW = 'הסמינר של OSCE ייפתח ב-16 במרץ 2027 (ברבאט) בשעה 09:00.';
  const hebrew = model('he', 'rtl', [
    { type: 'heading', level: 1, id: 'h', children: [text('מדריך הגירת עבודה')] },
    para(HEBREW),
    { type: 'list', ordered: true, start: 1, items: [[para('מדינות המוצא')], [para('מדינות היעד')]] },
    { type: 'table', style: 'grid', align: [null, null], header: [[text('נושא')], [text('יום')]], rows: [[[text('פתיחה')], [text('1')]]] },
  ]);

  it('lays a Hebrew document out from the right, with no missing glyph', () => {
    const { pages, missing } = layoutDocument(hebrew, fonts);
    expect(missing).toEqual([]);
    const lines = pages[0]!.items.filter((i) => i.type === 'line' && i.line.glyphs.length > 3);
    expect(lines.length).toBeGreaterThan(3);
    for (const item of lines) {
      if (item.type !== 'line') continue;
      // start = right: every start-aligned line ends at the right edge of its column (lists and cells are inset).
      const right = item.x + item.line.x + item.line.contentWidth;
      expect(right).toBeLessThanOrEqual(RIGHT + 0.01);
      expect(item.line.direction).toBe('rtl');
    }
    const heading = lines[0]!;
    if (heading.type === 'line') expect(heading.x + heading.line.x + heading.line.contentWidth).toBeCloseTo(RIGHT, 0);
  });

  it('gives the logical Hebrew text back through pdftotext', async () => {
    const result = await renderPdf(hebrew, fonts);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-he-'));
    const file = path.join(dir, 'hebrew.pdf');
    writeFileSync(file, result.bytes);
    if (!hasTool('pdftotext')) return;
    const out = fold(pdfText(file));
    expect(out).toContain('מדריך הגירת עבודה');
    for (const word of ['הסמינר', 'OSCE', '2027', '09:00', 'במרץ']) expect(out).toContain(word);
  });

  it('keeps an English quotation in an Arabic document left to right, and the reverse', () => {
    const arabic = model('ar', 'rtl', [
      para('يقدم الدليل نماذج عملية للسياسات.'),
      { type: 'blockquote', children: [para('Migration, when well managed, can serve the interests of all.')] },
    ]);
    const quote = (arabic.blocks[1] as { children: Block[] }).children[0]!;
    expect(quote).toMatchObject({ direction: 'ltr' });
    const { pages } = layoutDocument(arabic, fonts);
    const lines = pages[0]!.items.filter((i) => i.type === 'line');
    const [body, english] = lines as Extract<(typeof lines)[number], { type: 'line' }>[];
    expect(body!.line.direction).toBe('rtl');
    expect(english!.line.direction).toBe('ltr');
    // The English quotation starts on the left (its own start), inside the column.
    expect(english!.x + english!.line.x).toBeLessThan(LEFT + 40);

    const english2 = model('en', 'ltr', [{ type: 'blockquote', children: [para('الهجرة المنظمة تخدم مصالح الجميع.')] }]);
    expect((english2.blocks[0] as { children: Block[] }).children[0]).toMatchObject({ direction: 'rtl' });
  });
});
