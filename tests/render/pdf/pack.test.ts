/**
 * Delegate packs: print rules checked on the laid-out pages (sections on odd pages, blank pages,
 * even page count in duplex, mirrored margins), and on the written PDF (page labels, bookmarks).
 */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFArray, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import { composeKit, loadKit } from '../../../src/build/load-kit.js';
import { FontLibrary } from '../../../src/text/fonts.js';
import { layoutPack, renderPack, renderPrintFile, roman, BINDING_SHIFT, type PackInput } from '../../../src/render/pdf/pack.js';
import { abjad } from '../../../src/render/pdf/front-matter-numbers.js';
import { MARGIN, PAGE } from '../../../src/render/pdf/styles.js';
import { PROJECT } from '../../helpers/kit.js';

describe('delegate packs', async () => {
  const loaded = await loadKit(PROJECT);
  const composed = composeKit(loaded.kit!, ['en', 'ar'], ['packs']);
  const fonts = await FontLibrary.load();

  function input(lang: string, duplex: boolean): PackInput {
    const docs = composed.documents.filter((d) => d.plan.lang === lang);
    const texts = composed.packTexts.get(lang)!;
    const cover = docs.find((d) => d.plan.packPart === 'cover' && !d.plan.delegate)!;
    const practical = docs.find((d) => d.plan.packPart === 'practical')!;
    return {
      cover: cover.model,
      sections: [
        ...docs.filter((d) => d.plan.kind === 'concept-note').map((d) => ({ title: d.plan.title, model: d.model })),
        ...docs.filter((d) => d.plan.kind === 'agenda').map((d) => ({ title: texts.agenda, model: d.model })),
        ...docs.filter((d) => d.plan.kind === 'briefs').map((d) => ({ title: d.plan.title, model: d.model })),
        { title: texts.practical, model: practical.model },
      ],
      contentsTitle: texts.contents, blankText: texts.blank, footer: texts.footer, duplex,
      meta: cover.model.meta, direction: cover.model.direction,
    };
  }

  it('composes a cover, the practical information and every section, internally', () => {
    const en = composed.documents.filter((d) => d.plan.lang === 'en');
    expect(en.filter((d) => d.plan.kind === 'briefs')).toHaveLength(9);
    expect(en.every((d) => d.plan.internal)).toBe(true);
  });

  for (const lang of ['en', 'ar']) {
    it(`${lang}, duplex: every section starts on an odd page, blank pages say so, the page count is even, margins mirror`, () => {
      const laid = layoutPack(input(lang, true), fonts);
      expect(laid.missing).toEqual([]);
      expect(laid.pages.length % 2).toBe(0);
      expect(laid.frontMatter % 2).toBe(0);
      for (const start of laid.starts) expect(start.index % 2, start.title).toBe(0); // index 0 = page 1 (odd)
      expect(laid.starts).toHaveLength(1 + 12); // contents + concept note, agenda, 9 briefs, practical
      for (const i of laid.blankPages) {
        const lines = laid.pages[i]!.items.filter((it) => it.type === 'line');
        expect(lines).toHaveLength(1);
      }
      // Mirrored margins: the body text of odd and even pages sits on opposite sides.
      const leftEdge = (i: number) => Math.min(...laid.pages[i]!.items.filter((it) => it.type === 'line').map((it) => (it.type === 'line' ? it.x : Infinity)));
      const start = laid.starts[1]!.index;
      const recto = leftEdge(start);
      const verso = leftEdge(start + 1);
      const outward = lang === 'ar' ? -1 : 1;
      expect(recto).toBeCloseTo(MARGIN.inner + outward * BINDING_SHIFT, 1);
      expect(verso).toBeCloseTo(MARGIN.inner - outward * BINDING_SHIFT, 1);
    });
  }

  it('screen mode drops blank pages and mirroring', () => {
    const duplex = layoutPack(input('en', true), fonts);
    const screen = layoutPack(input('en', false), fonts);
    expect(screen.blankPages).toEqual([]);
    expect(screen.pages.length).toBe(duplex.pages.length - duplex.blankPages.length);
  });

  it('writes page labels (roman front matter), bookmarks per section and heading, and metadata', async () => {
    const result = await renderPack(input('en', true), fonts);
    const doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(result.pages);
    const labels = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    expect(labels.map(String)).toEqual(['0', '<<\n/S /r\n>>', String(result.laid.frontMatter), '<<\n/S /D\n>>']);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const top: string[] = [];
    let childCount = 0;
    let node = doc.context.lookup(outlines.get(PDFName.of('First')) as PDFRef, PDFDict);
    while (node) {
      top.push((node.lookup(PDFName.of('Title')) as PDFString | PDFHexString).decodeText());
      if (node.get(PDFName.of('First'))) childCount++;
      const next = node.get(PDFName.of('Next'));
      node = next ? doc.context.lookup(next as PDFRef, PDFDict) : (undefined as never);
    }
    expect(top).toHaveLength(13);
    expect(top[0]).toBe('Contents');
    expect(top).toContain('Practical information');
    expect(childCount).toBeGreaterThan(10); // sections carry their headings
    expect(doc.getTitle()).toMatch(/Delegate pack/);
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en');
  });

  it('links each contents entry to its section, and prints the section\'s main-matter page number', () => {
    for (const duplex of [true, false]) {
      const laid = layoutPack(input('en', duplex), fonts);
      const contents = laid.pages[laid.starts[0]!.index]!;
      const links = contents.items.filter((i): i is Extract<typeof i, { type: 'link' }> => i.type === 'link');
      const sections = laid.starts.slice(1);
      expect(links.map((l) => l.url)).toEqual(sections.map((s) => `#page=${s.index}`));
      const texts = contents.items.filter((i) => i.type === 'line').map((i) => (i as { line: { glyphs: { text: string }[] } }).line.glyphs.map((g) => g.text).join(''));
      for (const s of sections) expect(texts, `${duplex} ${s.title}`).toContain(String(s.index - laid.frontMatter + 1));
    }
  });

  it('keeps each pack\'s contents links on its own pages in a printer\'s file of several packs', async () => {
    const one = layoutPack(input('en', true), fonts);
    const bytes = await renderPrintFile([one, one], { ...input('en', true).meta }, 'ltr');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const refs = doc.getPages().map((p) => p.ref.toString());
    const targets = (pageIndex: number) => (doc.getPage(pageIndex).node.Annots()?.asArray() ?? [])
      .map((a) => doc.context.lookup(a, PDFDict).lookup(PDFName.of('Dest'), PDFArray))
      .filter(Boolean).map((dest) => refs.indexOf(dest!.get(0).toString()));
    const contents = one.starts[0]!.index;
    const first = targets(contents);
    const second = targets(one.pages.length + contents);
    expect(first).toEqual(one.starts.slice(1).map((s) => s.index));
    expect(second).toEqual(first.map((i) => i + one.pages.length));
  });

  it('sets the cover as a title page: the organisers, title, venue and dates centred, a little above the middle', () => {
    for (const lang of ['en', 'ar']) {
      const laid = layoutPack(input(lang, false), fonts);
      const lines = laid.pages[0]!.items.filter((i) => i.type === 'line') as { x: number; y: number; line: { x: number; contentWidth: number; glyphs: { text: string }[] } }[];
      const ys = lines.map((l) => l.y);
      const middle = (Math.max(...ys) + Math.min(...ys)) / 2;
      expect(middle / PAGE.height, lang).toBeGreaterThan(0.5);
      expect(middle / PAGE.height, lang).toBeLessThan(0.7);
      for (const l of lines) expect(Math.abs(l.x + l.line.x + l.line.contentWidth / 2 - PAGE.width / 2), lang).toBeLessThan(25);
      const text = lines.map((l) => l.line.glyphs.map((g) => g.text).join('')).join('\n');
      expect(text).toMatch(/OSCE/);
    }
  });

  it('numbers front matter in roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(roman)).toEqual(['i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl']);
  });

  it('numbers Arabic front matter in abjad numerals, on the page and in the page labels', async () => {
    expect([1, 2, 3, 5, 10, 11, 42, 100, 1001].map(abjad)).toEqual(['أ', 'ب', 'ج', 'هـ', 'ي', 'يا', 'مب', 'ق', 'غا']);
    const result = await renderPack(input('ar', true), fonts);
    const doc = await PDFDocument.load(result.bytes, { updateMetadata: false });
    const nums = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
    const front = result.laid.frontMatter;
    expect(nums.length).toBe(2 * (front + 1));
    for (let i = 0; i < front; i++) {
      expect(String(nums[2 * i])).toBe(String(i));
      expect(((nums[2 * i + 1] as PDFDict).lookup(PDFName.of('P')) as PDFHexString).decodeText()).toBe(abjad(i + 1));
    }
    expect(String(nums[2 * front + 1])).toBe('<<\n/S /D\n>>');
    // The contents page's own footer: no Latin numeral in the Arabic front matter.
    const contents = result.laid.pages[result.laid.starts[0]!.index]!;
    const footer = contents.items.filter((i) => i.type === 'line').map((i) => (i as { line: { glyphs: { text: string }[] } }).line.glyphs.map((g) => g.text).join('')).join(' ');
    expect(footer).not.toMatch(/\b[ivx]+\b/);
    expect(footer).toContain(abjad(result.laid.starts[0]!.index + 1));
  });
});
