/**
 * Delegate packs, ready for a duplex printer: a cover and a table of contents (front matter,
 * numbered i, ii, …), then the sections (concept note, agenda, theme briefs, practical
 * information), each starting on a right-hand (odd) page, with a page reading "This page is
 * intentionally left blank" where needed; page numbers run through the sections; the running
 * header carries the section title; the inside (binding) margin is wider and mirrors on even
 * pages — on the right of odd pages for right-to-left languages. Screen mode (duplex off)
 * drops the blank pages and the mirroring.
 */
import { abjad, arabicScript, frontMatterNumber } from './front-matter-numbers.js';
import type { DocumentMetadata, DocumentModel, Block, Direction } from '../../document/model.js';
import type { FontLibrary } from '../../text/fonts.js';
import { layoutParagraph, type MissingChar } from '../../text/layout-paragraph.js';
import type { DrawItem } from './boxes.js';
import type { OutlineEntry } from './outline.js';
import { layoutBody, runningItems, writePdf, type LaidBody, type PageItems } from './render-pdf.js';
import type { StructNode } from './structure.js';
import { GREY, MARGIN, PAGE, CONTENT_WIDTH } from './styles.js';

export interface PackSection {
  title: string;
  model: DocumentModel;
}

export interface PackInput {
  cover: DocumentModel;
  sections: PackSection[];
  /** "Contents", translated. */
  contentsTitle: string;
  /** "This page is intentionally left blank", translated. */
  blankText: string;
  /** Footer pattern with `{page}` (and optionally `{pages}`). */
  footer: string;
  duplex: boolean;
  meta: DocumentMetadata;
  direction: Direction;
}

export interface LaidPack {
  pages: PageItems[];
  /** Pages of the front matter (cover, contents, their blank versos). */
  frontMatter: number;
  /** Index of the first page of each section, and of the contents. */
  starts: { title: string; index: number; level: number }[];
  blankPages: number[];
  missing: MissingChar[];
  /** The structure of its parts in reading order: the cover, the contents, each section. */
  structure: StructNode[];
}

/** How much wider the binding margin is than the outer one, halved (points). */
export const BINDING_SHIFT = 14;

export function layoutPack(input: PackInput, fonts: FontLibrary): LaidPack {
  const missing: MissingChar[] = [];
  const running = { direction: input.direction, meta: input.meta } as const;
  const blank = (): PageItems => ({ items: blankItems(input, fonts, missing), anchors: [] });

  // The sections, numbered from 1, each on an odd page in duplex mode.
  const main: PageItems[] = [];
  const mainStarts: { title: string; index: number }[] = [];
  const sectionStructures: StructNode[] = [];
  const blanks = new Set<PageItems>();
  for (const section of input.sections) {
    if (input.duplex && main.length % 2 === 1) {
      const page = blank();
      blanks.add(page);
      main.push(page);
    }
    const body = sectionBody(section.model, fonts);
    missing.push(...body.missing);
    if (body.structure) sectionStructures.push(body.structure);
    mainStarts.push({ title: section.title, index: main.length });
    body.pages.forEach((page, i) => {
      const number = main.length + 1;
      page.items.push(...runningItems(fonts, { ...running, header: section.title, footer: input.footer }, number, 0, missing, { showHeader: i > 0 }));
      main.push(page);
    });
  }
  if (input.duplex && main.length % 2 === 1) {
    const page = blank();
    blanks.add(page);
    main.push(page);
  }

  // Front matter: the cover (with a blank verso in duplex), then the contents.
  const front: PageItems[] = [];
  const cover = layoutBody(input.cover, fonts);
  missing.push(...cover.missing);
  if (cover.pages.length === 1) centreCover(cover.pages[0]!);
  front.push(...cover.pages);
  if (input.duplex && front.length % 2 === 1) {
    const page = blank();
    blanks.add(page);
    front.push(page);
  }
  const contentsIndex = front.length;
  // The contents link to the sections' pages, which follow the front matter: its length is
  // known once the contents are laid out (one page, unless a pack has very many sections).
  const frontLength = (contentsPages: number) => {
    const n = contentsIndex + contentsPages;
    return input.duplex && n % 2 === 1 ? n + 1 : n;
  };
  const layContents = (contentsPages: number) => {
    const offset = frontLength(contentsPages);
    const headingPages = new Map(mainStarts.map((s, i) => [`section-${i}`, offset + s.index]));
    return layoutBody(contentsModel(input, mainStarts), fonts, { headingPages, pageNumber: (index) => index - offset + 1 });
  };
  let contents = layContents(1);
  if (contents.pages.length !== 1) contents = layContents(contents.pages.length);
  missing.push(...contents.missing);
  contents.pages.forEach((page) => {
    const number = front.length + 1;
    page.items.push(...runningItems(fonts, { ...running, header: '', footer: input.footer }, number, 0, missing, { label: frontMatterNumber(number, input.meta.lang) }));
    front.push(page);
  });
  if (input.duplex && front.length % 2 === 1) {
    const page = blank();
    blanks.add(page);
    front.push(page);
  }

  const pages = [...front, ...main];
  if (input.duplex) pages.forEach((page, index) => mirror(page, index, input.direction));
  const starts = [
    { title: input.contentsTitle, index: contentsIndex, level: 1 },
    ...mainStarts.map((s) => ({ title: s.title, index: front.length + s.index, level: 1 })),
  ];
  const blankPages = pages.map((p, i) => (blanks.has(p) ? i : -1)).filter((i) => i >= 0);
  const structure = [cover.structure, contents.structure, ...sectionStructures].filter((s): s is StructNode => s !== undefined);
  return { pages, frontMatter: front.length, starts, blankPages, missing, structure };
}

export async function renderPack(input: PackInput, fonts: FontLibrary): Promise<{ bytes: Uint8Array; pages: number; laid: LaidPack }> {
  const laid = layoutPack(input, fonts);
  const bytes = await writePdf(laid.pages, input.meta, {
    direction: input.direction,
    // Front matter: roman numerals, or each page's abjad numeral as its label's prefix (no PDF style has them).
    pageLabels: arabicScript(input.meta.lang)
      ? [...Array.from({ length: laid.frontMatter }, (_, i) => ({ start: i, prefix: abjad(i + 1) })), { start: laid.frontMatter, style: 'D' as const }]
      : [{ start: 0, style: 'r' }, { start: laid.frontMatter, style: 'D' }],
    outline: (refs) => packOutline(laid, refs),
    tagging: [{ roots: laid.structure, from: 0, to: laid.pages.length }],
  });
  return { bytes, pages: laid.pages.length, laid };
}

/** Several packs in one file for the printer: each already has an even number of pages in duplex. */
export async function renderPrintFile(packs: LaidPack[], meta: DocumentMetadata, direction: Direction): Promise<Uint8Array> {
  // A contents entry links to a page of its own pack: its index moves by the pages before the pack.
  let before = 0;
  const pages = packs.flatMap((pack) => {
    const offset = before;
    before += pack.pages.length;
    return offset === 0 ? pack.pages : pack.pages.map((page) => ({ ...page, items: page.items.map((item) => movedLink(item, offset)) }));
  });
  // Each pack is a part of the file's structure (their sections are the same elements, tagged per part).
  let from = 0;
  const tagging = packs.map((pack) => ({ roots: pack.structure, from, to: (from += pack.pages.length) }));
  return writePdf(pages, meta, {
    direction,
    tagging,
    outline: (refs) => {
      let offset = 0;
      const entries: OutlineEntry[] = [];
      for (const pack of packs) {
        entries.push(...packOutline(pack, refs.slice(offset, offset + pack.pages.length)));
        offset += pack.pages.length;
      }
      return entries;
    },
  });
}

/** A bookmark per section, with the section's own headings nested under it. */
function packOutline(laid: LaidPack, refs: import('pdf-lib').PDFRef[]): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const starts = [...laid.starts].sort((a, b) => a.index - b.index);
  starts.forEach((start, n) => {
    const end = starts[n + 1]?.index ?? laid.pages.length;
    entries.push({ title: start.title, level: 1, pageRef: refs[start.index]!, top: PAGE.height - 40 });
    for (let i = start.index; i < end; i++) {
      for (const anchor of laid.pages[i]!.anchors) entries.push({ ...anchor, level: anchor.level + 1, pageRef: refs[i]! });
    }
  });
  return entries;
}

/**
 * Sections are the same in every personalised pack of a language: lay each out once per build
 * and hand out copies of its pages (the pack adds running items and mirrors them).
 */
const bodies = new WeakMap<DocumentModel, LaidBody>();

function sectionBody(model: DocumentModel, fonts: FontLibrary): LaidBody {
  let body = bodies.get(model);
  if (!body) {
    body = layoutBody(model, fonts);
    bodies.set(model, body);
  }
  return { pages: body.pages.map((p) => ({ items: [...p.items], anchors: p.anchors, ...(p.origins ? { origins: p.origins } : {}) })), missing: body.missing, ...(body.structure ? { structure: body.structure } : {}) };
}

function contentsModel(input: PackInput, starts: { title: string; index: number }[]): DocumentModel {
  const list: Block = {
    type: 'list',
    ordered: false,
    start: 1,
    contents: true,
    targets: starts.map((_, i) => `section-${i}`),
    items: starts.map((s) => [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: s.title }] }]),
  };
  return {
    kind: 'pack-contents', origin: 'pack', direction: input.direction, header: '', footer: '', footnotes: [],
    meta: input.meta,
    blocks: [{ type: 'heading', level: 1, id: 'contents', children: [{ type: 'text', value: input.contentsTitle }] }, list],
  };
}

/**
 * A one-page cover is set as a title page: its text block, laid from the top, is moved down so
 * that it stands a little above the middle of the page.
 */
function centreCover(page: PageItems): void {
  // The bounds of what the cover shows: its lines (at their baselines) and its pictures.
  const spans = page.items.flatMap((i) => {
    if (i.type === 'line') return [[i.y, i.y]];
    if (i.type === 'image') return [[i.y, i.y + i.height]];
    return [];
  });
  if (spans.length === 0) return;
  const top = Math.max(...spans.map((s) => s[1]!));
  const height = top - Math.min(...spans.map((s) => s[0]!));
  const dy = PAGE.height * 0.6 + height / 2 - top;
  if (dy >= 0) return;
  page.items = page.items.map((item) => {
    switch (item.type) {
      case 'rule':
        return { ...item, y1: item.y1 + dy, y2: item.y2 + dy };
      default:
        return { ...item, y: item.y + dy };
    }
  });
}

function movedLink(item: DrawItem, offset: number): DrawItem {
  if (item.type !== 'link') return item;
  const m = /^#page=(\d+)$/.exec(item.url);
  return m ? { ...item, url: `#page=${Number(m[1]) + offset}` } : item;
}

function blankItems(input: PackInput, fonts: FontLibrary, missing: MissingChar[]): DrawItem[] {
  const laid = layoutParagraph(fonts, [{ text: input.blankText, style: { family: 'sans', bold: false, italic: true, size: 9, color: GREY } }], {
    width: CONTENT_WIDTH, align: 'center', direction: input.direction, lang: input.meta.lang, lineHeight: 1.2,
  });
  missing.push(...laid.missing);
  return laid.lines[0] ? [{ type: 'line', line: laid.lines[0], x: MARGIN.inner, y: PAGE.height / 2 }] : [];
}

/** Moves a page's content towards the outside: odd pages (index even) right in LTR, left in RTL. */
function mirror(page: PageItems, index: number, direction: Direction): void {
  const recto = index % 2 === 0;
  const dx = (recto ? 1 : -1) * (direction === 'rtl' ? -1 : 1) * BINDING_SHIFT;
  page.items = page.items.map((item) => shift(item, dx));
}

function shift(item: DrawItem, dx: number): DrawItem {
  switch (item.type) {
    case 'line':
    case 'rect':
    case 'image':
    case 'link':
      return { ...item, x: item.x + dx };
    case 'rule':
      return { ...item, x1: item.x1 + dx, x2: item.x2 + dx };
  }
}

export { roman } from './front-matter-numbers.js';
