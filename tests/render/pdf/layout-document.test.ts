/**
 * Layout of the whole sample kit, checked on the draw items (no PDF involved):
 * no line leaves the text column, nothing runs into the bottom margin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readParticipants } from '../../../src/nominations/participants.js';
import { loadKit, composeKit } from '../../../src/build/load-kit.js';
import { OUTPUT_KINDS } from '../../../src/build/plan.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import { layoutDocument } from '../../../src/render/pdf/render-pdf.js';
import { CONTENT_WIDTH, MARGIN, PAGE } from '../../../src/render/pdf/styles.js';
import { PROJECT } from '../../helpers/kit.js';

describe('layout of every sample document', async () => {
  const loaded = await loadKit(PROJECT);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  // The sample has no participants yet: the invented ones of the participant documents' test.
  const read = readParticipants(readFileSync(path.join(PROJECT, 'tests/fixtures/participants/documents/participants.yaml'), 'utf8'), 'sources/participants.yaml');
  const kit = { ...loaded.kit!, participants: read.participants! };
  const { documents } = composeKit(kit, ['en', 'fr', 'ar'], OUTPUT_KINDS);
  const fonts = await FontLibrary.load();

  it('composes every kind of document', () => {
    // Nomination forms and badges are not composed documents: src/nominations and src/badges lay
    // them out. The sample declares no documents of its own (tests/e2e/declared-documents.test.ts does).
    expect(new Set(documents.map((d) => d.plan.kind))).toEqual(new Set(OUTPUT_KINDS.filter((k) => !['nominations', 'badges', 'documents'].includes(k))));
  });

  for (const { plan, model } of documents) {
    it(`${plan.path}: every line inside the text column, nothing below the margin`, () => {
      const { pages, missing } = layoutDocument(model, fonts);
      expect(missing).toEqual([]);
      expect(pages.length).toBeGreaterThan(0);
      const left = MARGIN.inner - 0.01;
      const right = MARGIN.inner + CONTENT_WIDTH + 0.01;
      let lines = 0;
      for (const [index, page] of pages.entries()) {
        for (const item of page.items) {
          if (item.type !== 'line') continue;
          lines++;
          const x0 = item.x + item.line.x;
          const x1 = x0 + item.line.contentWidth;
          expect(x0, `${plan.path} p.${index + 1}`).toBeGreaterThanOrEqual(left);
          expect(x1, `${plan.path} p.${index + 1}: line ends at ${x1.toFixed(2)}`).toBeLessThanOrEqual(right);
          for (const g of item.line.glyphs) expect(item.x + g.x).toBeLessThanOrEqual(right);
          // Body lines stay above the bottom margin; only the footer goes below it.
          expect(item.y - item.line.descent).toBeGreaterThanOrEqual(MARGIN.bottom - 40);
          expect(item.y + item.line.ascent).toBeLessThanOrEqual(PAGE.height - MARGIN.top + 40);
        }
        // A letter (no running header) ends lower; the page number sits at MARGIN.footer.
        const bottom = model.header ? MARGIN.bottom : MARGIN.bottomWithoutHeader;
        const body = page.items.filter((i) => i.type === 'line' && i.y > MARGIN.footer + 10 && i.y < PAGE.height - MARGIN.top + 10);
        for (const item of body) if (item.type === 'line') expect(item.y - item.line.descent).toBeGreaterThanOrEqual(bottom - 1);
        // Pictures (a letterhead's logos) stay on the page, inside the column.
        for (const item of page.items) {
          if (item.type !== 'image') continue;
          expect(item.x).toBeGreaterThanOrEqual(left);
          expect(item.x + item.width).toBeLessThanOrEqual(right);
          expect(item.y + item.height).toBeLessThanOrEqual(PAGE.height - 20);
        }
      }
      expect(lines).toBeGreaterThan(5);
    });
  }
});

describe('letters fitted to their page', async () => {
  const loaded = await loadKit(PROJECT);
  const { documents } = composeKit(loaded.kit!, ['fr'], ['invitations']);
  const fonts = await FontLibrary.load();
  const lineText = (item: { type: string; line?: { glyphs: { text: string }[] } }) => item.line?.glyphs.map((g) => g.text).join('') ?? '';

  it('fits every letter of the kit on one page', () => {
    expect(documents.length).toBeGreaterThan(3);
    for (const { plan, model } of documents) expect(layoutDocument(model, fonts).pages.length, plan.path).toBe(1);
  });

  it('leaves room to sign under the organisations and keeps each signatory’s name on one line', () => {
    for (const { plan, model } of documents) {
      const table = model.blocks.find((b) => b.type === 'table' && b.style === 'plain');
      expect(table, plan.path).toBeDefined();
      if (!table || table.type !== 'table') continue;
      const names = table.rows[0]!.map((cell) => cell.map((c) => ('value' in c ? c.value : '')).join('').replace(/[\u2066-\u2069]/g, '').trim());
      const organisations = table.header.map((cell) => cell.map((c) => ('value' in c ? c.value : '')).join('').replace(/[\u2066-\u2069]/g, '').trim());
      const lines = layoutDocument(model, fonts).pages[0]!.items.filter((i) => i.type === 'line') as { type: 'line'; y: number; line: { glyphs: { text: string }[] } }[];
      const find = (text: string) => lines.filter((l) => lineText(l).replace(/[\u2066-\u2069]/g, '').trim() === text);
      for (const [i, name] of names.entries()) {
        const line = find(name);
        expect(line, `${plan.path}: "${name}" on one line`).toHaveLength(1);
        const org = find(organisations[i]!);
        expect(org.length, `${plan.path}: ${organisations[i]}`).toBeGreaterThan(0);
        expect(org[0]!.y - line[0]!.y, `${plan.path}: room to sign above ${name}`).toBeGreaterThan(36);
      }
    }
  });

  it('runs a letter made long on purpose onto a second page, never leaving the signatures alone there', () => {
    const { model } = documents[0]!;
    const body = model.blocks.filter((b) => b.type === 'paragraph' && b.role === 'body');
    const closingAt = model.blocks.findIndex((b) => b.type === 'paragraph' && b.role === 'signature');
    expect(closingAt).toBeGreaterThan(0);
    let longer = 0;
    for (let extra = 1; extra <= 14; extra++) {
      const blocks = [...model.blocks];
      blocks.splice(closingAt, 0, ...Array.from({ length: extra }, (_, i) => body[i % body.length]!));
      const { pages } = layoutDocument({ ...model, blocks }, fonts);
      if (pages.length === 1) continue; // fitted with a tighter letter style
      longer++;
      const closing = blocks[closingAt + extra]!;
      const closingStart = closing.type === 'paragraph' ? closing.children.map((c) => ('value' in c ? c.value : '')).join('').slice(0, 12) : '';
      const lines = pages.at(-1)!.items.filter((i) => i.type === 'line').map(lineText).filter((t) => t.trim() !== '' && !/^Page \d/.test(t));
      expect(lines.length, `${extra} paragraphs more`).toBeGreaterThan(0);
      expect(lines[0]!.startsWith(closingStart), `${extra} more: the last page starts with the closing formula`).toBe(false);
      // The continuation page says which letter it continues, and which page it is.
      const head = pages.at(-1)!.items.filter((i) => i.type === 'line').map(lineText).find((t) => t.startsWith(model.continuation!));
      expect(head, `${extra} more: the continuation header`).toBe(`${model.continuation} · Page ${pages.length} sur ${pages.length}`);
      const top = Math.max(...pages.at(-1)!.items.filter((i) => i.type === 'line').map((i) => (i as { y: number }).y));
      expect(pages.at(-1)!.items.some((i) => i.type === 'line' && lineText(i) === head && (i as { y: number }).y === top)).toBe(true);
      expect(pages[0]!.items.filter((i) => i.type === 'line').map(lineText).some((t) => t.startsWith(`${model.continuation} ·`))).toBe(false);
    }
    expect(longer).toBeGreaterThan(5);
  });
});

describe('contents with page numbers', async () => {
  const loaded = await loadKit(PROJECT);
  const { documents } = composeKit(loaded.kit!, ['en', 'fr', 'ar'], ['handbook']);
  const fonts = await FontLibrary.load();
  const textOf = (item: object) => ('line' in item ? (item.line as { glyphs: { text: string }[] }).glyphs.map((g) => g.text).join('') : '');

  it('prints, for each chapter, the page its heading is on, and links the entry to that page', () => {
    expect(documents.length).toBe(3);
    for (const { plan, model } of documents) {
      const { pages } = layoutDocument(model, fonts);
      const chapters = model.blocks.filter((b) => b.type === 'heading' && b.level === 1);
      expect(chapters.length, plan.path).toBeGreaterThan(3);
      const links = pages[0]!.items.filter((i): i is Extract<typeof i, { type: 'link' }> => i.type === 'link' && i.url.startsWith('#page='));
      expect(links.length, plan.path).toBe(chapters.length);
      chapters.forEach((heading, n) => {
        const onPage = pages.findIndex((p) => p.anchors.some((a) => a.id === (heading as { id: string }).id));
        expect(onPage, `${plan.path} ${n}`).toBeGreaterThan(0);
        expect(links[n]!.url).toBe(`#page=${onPage}`);
        // The number printed inside the entry's rectangle is that page's number.
        const inEntry = pages[0]!.items.filter((i) => i.type === 'line' && i.y > links[n]!.y && i.y < links[n]!.y + links[n]!.height).map(textOf);
        expect(inEntry, `${plan.path} ${n}`).toContain(String(onPage + 1));
      });
    }
  });
});
