/** Footnotes laid out with a document (render-pdf.ts, paginate.ts, footnote-area.ts): on the page of their reference, split only when they must. */
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/render/pdf/render-pdf.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import type { Block, DocumentModel, Inline } from '../../../src/document/model.js';

let fonts: FontLibrary;
beforeAll(async () => {
  fonts = await FontLibrary.load();
});

const text = (value: string): Inline => ({ type: 'text', value });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', role: 'body', children });

function model(blocks: Block[], footnotes: DocumentModel['footnotes']): DocumentModel {
  return {
    kind: 'test', origin: 'test', direction: 'ltr', header: 'Header', footer: 'Page {page} of {pages}',
    meta: { title: 'Footnotes', subject: 'Subject', author: 'OSCE, ILO, IOM', lang: 'en', date: new Date('2027-01-11T00:00:00Z') },
    blocks, footnotes,
  };
}

/** The text of every laid line of each page, top to bottom as drawn. */
function pageLines(m: DocumentModel): string[][] {
  return layoutDocument(m, fonts).pages.map((page) =>
    page.items.flatMap((item) => (item.type === 'line' ? [{ y: item.y, text: item.line.glyphs.map((g) => g.text).join('') }] : []))
      .sort((a, b) => b.y - a.y).map((l) => l.text));
}

const filler = 'Labour migration policies are discussed here at length, with their costs and benefits. '.repeat(8);

describe('footnotes in a document', () => {
  it('go with the line that shows their number, not the first line of its paragraph', () => {
    // A paragraph that crosses a page break, its reference in its last sentence.
    const blocks = [...Array.from({ length: 5 }, () => para(text(filler))), para(text('Opening of the long paragraph. ' + filler.repeat(3)), text('The end of it.'), { type: 'footnoteRef', number: 1 })];
    const pages = pageLines(model(blocks, [{ number: 1, children: [para(text('The note of the last sentence.'))] }]));
    const notePage = pages.findIndex((lines) => lines.some((l) => l.includes('The note of the last sentence.')));
    const refPage = pages.findIndex((lines) => lines.some((l) => l.includes('The end of it.')));
    const startPage = pages.findIndex((lines) => lines.some((l) => l.includes('Opening of the long paragraph.')));
    expect(refPage).toBeGreaterThan(0);
    expect(startPage).toBeLessThan(refPage);
    expect(notePage).toBe(refPage);
  });

  it('a note longer than a page is split: it starts on the page of its reference and every line is printed once', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Sentence ${i + 1} of the long note.`);
    const blocks = [para(text(filler)), para(text('A reference here.'), { type: 'footnoteRef', number: 1 }, text(' ' + filler)), ...Array.from({ length: 8 }, () => para(text(filler)))];
    const pages = pageLines(model(blocks, [{ number: 1, children: [para(text(sentences.join(' ')))] }]));
    const printed = pages.map((lines) => lines.join(' ').match(/Sentence \d+ of/g) ?? []);
    const withNote = printed.map((p, i) => (p.length > 0 ? i : -1)).filter((i) => i >= 0);
    const refPage = pages.findIndex((lines) => lines.some((l) => l.includes('A reference here.')));
    expect(withNote[0]).toBe(refPage);
    expect(withNote.length).toBeGreaterThan(1);
    expect(printed.flat()).toEqual(sentences.map((s) => s.replace(/ the long note\.$/, '')));
    // The text that follows the reference keeps at least two lines with it on its page.
    const after = pages[refPage]!.findIndex((l) => l.includes('A reference here.'));
    expect(pages[refPage]![after + 1]).toMatch(/migration|policies|benefits|discussed/);
    expect(pages[refPage]![after + 1]).not.toContain("Sentence");
  });
  it('the paragraph that opens the next page keeps its first two lines together, with the note\'s lines carried there', () => {
    // Notes of many lengths: some leave the next page a single line's room beside their carried lines.
    for (let count = 420; count <= 620; count += 40) {
      const sentences = Array.from({ length: count }, (_, i) => `Sentence ${i + 1} of the long note.`);
      const blocks = [para(text(filler), text('Its reference.'), { type: 'footnoteRef', number: 1 }), para(text('Opening of the next paragraph. ' + filler)), ...Array.from({ length: 6 }, () => para(text(filler)))];
      const pages = pageLines(model(blocks, [{ number: 1, children: [para(text(sentences.join(' ')))] }]));
      const page = pages.findIndex((lines) => lines.some((l) => l.includes('Opening of the next paragraph.')));
      const at = pages[page]!.findIndex((l) => l.includes('Opening of the next paragraph.'));
      expect(pages[page]![at + 1], `${count} sentences`).toMatch(/migration|policies|benefits|discussed/);
    }
  });
});
