import { describe, expect, it } from 'vitest';
import type { Inline, Table } from '../../src/document/model.js';
import { nominationModel } from '../../src/nominations/form-model.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import { readZip } from '../../src/render/docx/zip.js';
import { formInput, sampleConfig } from './helpers.js';

const plain = (inlines: Inline[]): string =>
  inlines.map((i) => ('value' in i ? i.value : 'children' in i ? plain(i.children) : i.type === 'break' ? '\n' : '')).join('');

describe('nominationModel (the DOCX version)', async () => {
  const config = sampleConfig();

  it('has the title, the instructions and one table row per form row', async () => {
    const model = nominationModel(await formInput(config, 'TN', 'en'));
    expect(model.direction).toBe('ltr');
    expect(model.meta).toMatchObject({ title: 'Nomination form: Tunisia', lang: 'en', keywords: ['folio-nomination-form', 'folio-form:nomination/2', 'folio-country:TN', 'folio-lang:en'] });
    const title = model.blocks.find((b) => b.type === 'paragraph' && b.role === 'title');
    expect(title && title.type === 'paragraph' && plain(title.children)).toBe('Nomination form: Tunisia');
    const table = model.blocks.find((b): b is Table => b.type === 'table')!;
    expect(table.style).toBe('grid');
    expect(table.header.map(plain)).toEqual(['Place', 'Name *', 'Function *', 'Ministry or organisation *', 'E-mail *', 'Phone']);
    expect(table.rows.map((r) => plain(r[0]!))).toEqual([
      'Government official 1\nsponsored', 'Government official 2\nsponsored',
      'Representative of an employers’ organisation\nsponsored', 'Representative of a trade-union federation\nsponsored',
      'Additional participant 1\nown cost', 'Additional participant 2\nown cost',
    ]);
    for (const row of table.rows) expect(row.slice(1).every((cell) => cell.length === 0)).toBe(true);
    expect(model.footer).toBe('Page {page} of {pages}');
  });

  it('is right to left in Arabic, and renders to a DOCX with the labels', async () => {
    const model = nominationModel(await formInput(config, 'MA', 'ar'));
    expect(model.direction).toBe('rtl');
    expect(model.meta.locale).toBe('ar-MA-u-nu-latn');
    const bytes = await renderDocx(model);
    const document = new TextDecoder().decode(readZip(bytes).find((e) => e.path === 'word/document.xml')!.data);
    expect(document).toContain('<w:bidiVisual/>');
    for (const label of ['استمارة الترشيح: المغرب', 'مسؤول حكومي 3', 'البريد الإلكتروني *', 'مشارك إضافي 2']) expect(document).toContain(label);
    expect(Buffer.from(await renderDocx(model)).equals(Buffer.from(bytes))).toBe(true);
  });
});
