/**
 * `event.typesetting` reaches the page: a document whose metadata switches hyphenation or
 * kashida off is laid out without hyphens or tatweels, and the same document without the
 * switch has them (so the test can fail either way).
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import type { Block, DocumentModel } from '../../../src/document/model.js';
import type { LaidLine } from '../../../src/text/layout-paragraph.js';

const para = (value: string): Block => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value }] });

const FR = 'Les administrations compétentes garantissent généralement la reconnaissance réciproque des qualifications professionnelles, l’accompagnement individualisé des travailleurs migrants et l’égalité de traitement dans l’emploi, conformément aux conventions internationales applicables et aux législations nationales correspondantes.';
const AR = 'تعمل الحكومات في بلدان المنشأ على تنظيم الإعداد للسفر والاعتراف بالمؤهلات المهنية ومرافقة العمال المهاجرين، في حين تضمن إدارات بلدان المقصد المساواة في المعاملة والحماية الاجتماعية للجميع دون تمييز.';

function model(lang: string, typesetting: DocumentModel['meta']['typesetting'], text: string): DocumentModel {
  return {
    kind: 'test', origin: 'test', direction: lang === 'ar' ? 'rtl' : 'ltr', header: 'Test', footer: '{page}',
    meta: { title: 'Typesetting', author: 'folio', lang, date: new Date('2027-01-11T00:00:00Z'), ...(typesetting && { typesetting }) },
    // The same paragraph many times: at the column's width some of its lines need a hyphen or kashida.
    blocks: Array.from({ length: 12 }, () => para(text)), footnotes: [],
  };
}

function lines(doc: DocumentModel, fonts: FontLibrary): LaidLine[] {
  return layoutDocument(doc, fonts).pages.flatMap((p) => p.items.flatMap((i) => (i.type === 'line' ? [i.line] : [])));
}

/** A drawn hyphen: a glyph that is not in the text (textOf '') at a line's end, with the word as its ActualText. */
const hyphenated = (line: LaidLine) => line.glyphs.length > 0 && line.glyphs.at(-1)!.actual !== undefined && line.glyphs.at(-1)!.text === '';
/** A drawn tatweel: a glyph without text that is not a hyphen. */
const tatweels = (line: LaidLine) => line.glyphs.filter((g) => g.text === '' && g.actual === undefined).length;

describe('typesetting switches per language', async () => {
  const fonts = await FontLibrary.load();

  it('hyphenates French unless hyphenate is false', () => {
    expect(lines(model('fr', undefined, FR), fonts).filter(hyphenated).length).toBeGreaterThan(0);
    expect(lines(model('fr', { hyphenate: false }, FR), fonts).filter(hyphenated)).toEqual([]);
    // Switching kashida off changes nothing in French.
    expect(lines(model('fr', { kashida: false }, FR), fonts).filter(hyphenated).length).toBeGreaterThan(0);
  });

  it('justifies Arabic with kashida unless kashida is false', () => {
    const on = lines(model('ar', undefined, AR), fonts);
    expect(on.reduce((n, l) => n + tatweels(l), 0)).toBeGreaterThan(0);
    const off = lines(model('ar', { kashida: false }, AR), fonts);
    expect(off.reduce((n, l) => n + tatweels(l), 0)).toBe(0);
    // Still justified: the lines but the last of each paragraph fill the column.
    const widths = new Set(off.filter((l) => l.glyphs.length > 20).map((l) => Math.round(l.contentWidth)));
    expect(widths.size).toBeLessThanOrEqual(3);
  });
});
