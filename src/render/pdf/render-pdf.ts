/**
 * The PDF edge: lays out a document model (pure layout in layout-*.ts and paginate.ts), then
 * draws it with pdf-lib: A4 pages, running header, "page N of M" footer, footnotes, links,
 * bookmarks and metadata. Text goes through the text engine's glyph-level drawing.
 */
import './native-deflate.js';
import { PDFDocument, PDFHexString, PDFName, ReadingDirection, rgb, type PDFPage, type PDFRef } from 'pdf-lib';
import { Tagger, type TagPart } from './tagging.js';
import { drawTaggedShape } from './tag-laid-pages.js';
import { contentIdentity, declareArchival, writeInfo } from './archival.js';
import type { DocumentModel, Block, Paragraph } from '../../document/model.js';
import type { FontLibrary } from '../../text/fonts.js';
import { layoutParagraph, type MissingChar } from '../../text/layout-paragraph.js';
import { PdfFontRegistry } from './glyphs/pdf-fonts.js';
import type { Box, BoxOrigin, DrawItem } from './boxes.js';
import { structNode, type StructNode } from './structure.js';
import { layoutBlocks, type LayoutContext } from './layout-blocks.js';
import { paginate } from './paginate.js';
import { FOOTNOTE_SEPARATOR, partHeight } from './footnote-area.js';
import { writeOutline, type OutlineEntry } from './outline.js';
import { drawShape, inDrawOrder } from './draw-items.js';
import { ImageSet } from './embed-image.js';
import { FOOTNOTE_STYLE, LETTER_BODY_STYLES, MARGIN, PAGE, pageGeometry, RULE_GREY, RUNNING_STYLE, type BlockStyle } from './styles.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  missing: MissingChar[];
}

/** Pages laid out, the characters no font has, and the structure the pages' items are tagged with. */
export interface LaidBody {
  pages: PageItems[];
  missing: MissingChar[];
  structure?: StructNode;
}

/** A laid-out page: everything to draw on it, in page coordinates. */
export interface PageItems {
  items: DrawItem[];
  /** Headings that start on this page, for the outline. */
  anchors: { title: string; level: number; top: number; id?: string }[];
  /** The texts that begin on this page (body, then footnotes), for finding where a unit is printed. */
  origins?: BoxOrigin[];
}

/**
 * Pure layout of a whole document: blocks → boxes → pages → draw items, including footnotes,
 * running header and footer. No PDF objects are made here.
 */
export function layoutDocument(model: DocumentModel, fonts: FontLibrary): LaidBody {
  const body = layoutBody(model, fonts);
  body.pages.forEach((page, index) => page.items.push(...runningItems(fonts, model, index + 1, body.pages.length, body.missing)));
  return body;
}

/** The pages of a document without running header and footer (packs add their own). */
/** Where the entries of a contents list go when the layout cannot tell (a pack's contents, laid out apart from its sections). */
export interface ContentsPages {
  headingPages: ReadonlyMap<string, number>;
  pageNumber?: (index: number) => number;
}

export function layoutBody(model: DocumentModel, fonts: FontLibrary, pagesOf?: ContentsPages): LaidBody {
  if (pagesOf) return layoutPass(model, fonts, undefined, pagesOf);
  // A letter (no running header) is fitted to one page: its body is set at the first of the
  // letter styles, from the roomiest to the tightest allowed, with which it fits. A letter that
  // fits at none keeps the roomiest and runs on to a continuation page.
  if (!model.header) return fitLetter(model, fonts).laid;
  return layoutBodyWith(model, fonts, undefined);
}

/**
 * A letter's layout at the first letter style it fits one page with, and that style's index
 * (the DOCX follows it); the roomiest, index 0, when it fits at none.
 */
export function fitLetter(model: DocumentModel, fonts: FontLibrary): { laid: ReturnType<typeof layoutBodyWith>; tier: number } {
  let first: ReturnType<typeof layoutBodyWith> | undefined;
  for (const [tier, style] of LETTER_BODY_STYLES.entries()) {
    const laid = layoutBodyWith(model, fonts, style);
    first ??= laid;
    if (laid.pages.length === 1) return { laid, tier };
  }
  return { laid: first!, tier: 0 };
}

/**
 * A document with a table of contents is laid out twice: the first layout tells the page of
 * each heading, the second prints those numbers (in room kept for them, so it paginates alike).
 */
function layoutBodyWith(model: DocumentModel, fonts: FontLibrary, bodyStyle: BlockStyle | undefined): LaidBody {
  const first = layoutPass(model, fonts, bodyStyle, undefined);
  if (!model.blocks.some((b) => b.type === 'list' && b.contents)) return first;
  const headingPages = new Map<string, number>();
  first.pages.forEach((page, index) => {
    for (const anchor of page.anchors) if (anchor.id && !headingPages.has(anchor.id)) headingPages.set(anchor.id, index);
  });
  return layoutPass(model, fonts, bodyStyle, { headingPages });
}

function layoutPass(model: DocumentModel, fonts: FontLibrary, bodyStyle: BlockStyle | undefined, pagesOf: ContentsPages | undefined): LaidBody {
  const missing: MissingChar[] = [];
  const { page: size, contentWidth } = pageGeometry(model);
  const ctx: LayoutContext = {
    fonts, lang: model.meta.lang, direction: model.direction, missing, width: contentWidth,
    ...(model.meta.locale ? { locale: model.meta.locale } : {}),
    ...(model.meta.typesetting ? { typesetting: model.meta.typesetting } : {}),
    ...(bodyStyle ? { bodyStyle } : {}),
    ...(pagesOf ? { headingPages: pagesOf.headingPages, ...(pagesOf.pageNumber ? { pageNumber: pagesOf.pageNumber } : {}) } : {}),
  };
  // The structure: the blocks in reading order, each footnote (a Note) after the paragraph that first refers to it.
  const structure = structNode('Document');
  const noteAnchors = new Map<number, StructNode>();
  const boxes = layoutBlocks(model.blocks, { ...ctx, struct: structure, noteAnchors });

  // Footnotes are laid out once, at the footnote style, to know their heights.
  const notes = new Map(model.footnotes.map((note) => [note.number, structNode('Note')]));
  const noteCtx: LayoutContext = { ...ctx, bodyStyle: FOOTNOTE_STYLE };
  const noteBoxes = new Map(model.footnotes.map((note) => [note.number, layoutBlocks(numberFootnote(note.number, note.children), { ...noteCtx, struct: notes.get(note.number)!, noteAnchors })]));
  placeNotes(structure, notes, noteAnchors);
  const boxesOfNote = (n: number) => noteBoxes.get(n) ?? [];

  // Without a running header (letters), the text may start higher on the page.
  const topMargin = model.header ? MARGIN.top : MARGIN.topWithoutHeader;
  const bottomMargin = model.header ? MARGIN.bottom : MARGIN.bottomWithoutHeader;
  const contentHeight = size.height - topMargin - bottomMargin;
  const layouts = paginate(boxes, contentHeight, boxesOfNote);
  // Content drawn again (a table's header repeated on the next page) is furniture the second time.
  const drawn = new WeakSet<object>();
  const drawOnce = (box: Box, x: number, top: number): DrawItem[] => {
    const items = box.draw(x, top);
    for (const item of items) {
      if (!item.tag) continue;
      const key = item.type === 'line' ? item.line : item.type === 'image' ? item.image : item.type === 'link' ? item.extent ?? item : item;
      if (drawn.has(key)) delete item.tag;
      else drawn.add(key);
    }
    return items;
  };
  const pages: PageItems[] = layouts.map((layout) => {
    const x = MARGIN.inner;
    const top = size.height - topMargin;
    const items: DrawItem[] = [];
    const anchors: PageItems['anchors'] = [];
    const origins: BoxOrigin[] = [];
    for (const placed of layout.boxes) {
      const boxTop = top - placed.offset;
      items.push(...drawOnce(placed.box, x, boxTop));
      if (placed.box.origin) origins.push(placed.box.origin);
      if (placed.box.anchor) anchors.push({ title: placed.box.anchor.title, level: placed.box.anchor.level, top: boxTop + 8, ...(placed.box.anchor.id ? { id: placed.box.anchor.id } : {}) });
    }
    if (layout.footnotes.length > 0) {
      const height = layout.footnotes.reduce((h, part) => h + partHeight(boxesOfNote(part.number), part.from, part.to), 0) + FOOTNOTE_SEPARATOR;
      let y = bottomMargin + height;
      const ruleX = model.direction === 'rtl' ? x + contentWidth - 120 : x;
      items.push({ type: 'rule', x1: ruleX, y1: y - 4, x2: ruleX + 120, y2: y - 4, width: 0.5, color: RULE_GREY });
      y -= FOOTNOTE_SEPARATOR;
      for (const part of layout.footnotes) {
        const lines = boxesOfNote(part.number);
        for (let i = part.from; i < part.to; i++) {
          const box = lines[i]!;
          if (box.origin) origins.push(box.origin);
          if (i > part.from) y -= box.spaceBefore;
          items.push(...drawOnce(box, x, y));
          y -= box.height + (box.spaceAfter ?? 0);
        }
      }
    }
    return { items, anchors, origins };
  });
  return { pages, missing, structure };
}

/** Each note after the element that first refers to it (in number order), else at the end. */
function placeNotes(root: StructNode, notes: ReadonlyMap<number, StructNode>, anchors: ReadonlyMap<number, StructNode>): void {
  const parents = new Map<StructNode, StructNode>();
  const walk = (n: StructNode) => { for (const c of n.children) { parents.set(c, n); walk(c); } };
  walk(root);
  const after = new Map<StructNode, StructNode>();
  for (const [number, note] of [...notes].sort((a, b) => a[0] - b[0])) {
    if (note.children.length === 0) continue;
    const anchor = anchors.get(number);
    const parent = anchor ? parents.get(anchor) : undefined;
    if (!anchor || !parent) { root.children.push(note); continue; }
    const previous = after.get(anchor) ?? anchor;
    parent.children.splice(parent.children.indexOf(previous) + 1, 0, note);
    parents.set(note, parent);
    after.set(anchor, note);
  }
}

export async function renderPdf(model: DocumentModel, fonts: FontLibrary): Promise<PdfResult> {
  const { pages, missing, structure } = layoutDocument(model, fonts);
  const bytes = await writePdf(pages, model.meta, {
    direction: model.direction, ...(model.page && { page: model.page }),
    ...(structure ? { tagging: [{ roots: [structure], from: 0, to: pages.length }] } : {}),
  });
  return { bytes, pages: pages.length, missing };
}

export interface WriteOptions {
  direction: DocumentModel['direction'];
  /** PDF page labels (PDF 1.7 §12.4.2): from page index `start`, style `r` (roman) or `D` (decimal), and/or a prefix. */
  pageLabels?: { start: number; style?: 'r' | 'D'; prefix?: string; first?: number }[];
  /** Bookmarks to add before the pages' own headings, e.g. one per section of a pack. */
  outline?: (pageRefs: PDFRef[]) => OutlineEntry[];
  /** The page size, points (default A4). */
  page?: { width: number; height: number };
  /** Tagged PDF: the structure each range of pages is tagged with (see tagging.ts); absent: untagged. */
  tagging?: TagPart[];
}

/** The pdf-lib edge: pages of draw items → a PDF with fonts, links, outline and metadata. */
export async function writePdf(pages: PageItems[], meta: DocumentModel['meta'], options: WriteOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const registry = new PdfFontRegistry(doc);
  const images = new ImageSet(doc);
  const outline: OutlineEntry[] = [];
  const refs: PDFRef[] = [];
  // Every page exists before any is drawn: a link may go to a later page.
  const size = options.page ?? PAGE;
  const pdfPages = pages.map(() => doc.addPage([size.width, size.height]));
  // PDF/UA-1 and PDF/A-2b unless the build asked for plain PDF (--pdf-standard none).
  const standard = meta.pdfStandard !== 'none';
  const tagger = standard && options.tagging ? new Tagger(doc, options.tagging, meta) : undefined;
  refs.push(...pdfPages.map((p) => p.ref));
  for (const [i, laid] of pages.entries()) {
    const page = pdfPages[i]!;
    for (const anchor of laid.anchors) outline.push({ title: anchor.title, level: anchor.level, top: anchor.top, pageRef: page.ref });
    await drawItems(doc, page, i, registry, laid.items, images, refs, tagger);
  }
  tagger?.finish(refs, pdfPages);

  writeOutline(doc, options.outline ? options.outline(refs) : outline);
  if (options.pageLabels?.length) {
    const nums: unknown[] = [];
    for (const label of options.pageLabels) {
      nums.push(label.start, doc.context.obj({
        ...(label.style ? { S: label.style } : {}),
        ...(label.prefix ? { P: PDFHexString.fromText(label.prefix) } : {}),
        ...(label.first && label.first !== 1 ? { St: label.first } : {}),
      }));
    }
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as never }));
  }
  registry.finalize();
  const info = writeInfo(doc, meta);
  // Viewers show the title, not the file name (writeInfo); right to left reads from the right.
  if (options.direction === 'rtl') doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
  if (standard) declareArchival(doc, info, { meta: info, size, content: contentIdentity(pages) });
  // Where doc.save() would have embedded images from doc.embedPng: the same objects, the same bytes.
  await images.finish();
  // objectsPerTick: pdf-lib otherwise yields to the event loop (setTimeout 0, ≥ 1 ms) every 50 objects.
  return doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
}

/** A footnote's blocks with its number in front of the first paragraph. */
function numberFootnote(number: number, blocks: Block[]): Block[] {
  const [first, ...rest] = blocks;
  if (first && first.type === 'paragraph') {
    const numbered: Paragraph = { ...first, align: 'start', children: [{ type: 'footnoteRef', number }, { type: 'text', value: '\u00a0' }, ...first.children] };
    return [numbered, ...rest];
  }
  return [{ type: 'paragraph', role: 'body', align: 'start', children: [{ type: 'footnoteRef', number }] }, ...blocks];
}

async function drawItems(doc: PDFDocument, page: PDFPage, index: number, registry: PdfFontRegistry, items: DrawItem[], images: ImageSet, pageRefs: readonly PDFRef[], tagger: Tagger | undefined): Promise<void> {
  for (const item of inDrawOrder(items)) {
    if (tagger ? drawTaggedShape(page, index, registry, item, tagger) : drawShape(page, registry, item)) continue;
    switch (item.type) {
      case 'image': {
        const image = await images.image(item.image.data, item.image.format);
        const draw = () => page.drawImage(image, { x: item.x, y: item.y, width: item.width, height: item.height });
        if (tagger) tagger.wrap(index, page, item, draw);
        else draw();
        break;
      }
      case 'link': {
        // `#page=N` (a contents entry) goes to page N of this document; anything else is a URI.
        const inside = /^#page=(\d+)$/.exec(item.url);
        const target = inside ? pageRefs[Number(inside[1])] : undefined;
        const annot = doc.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: [item.x, item.y, item.x + item.width, item.y + item.height],
          Border: [0, 0, 0],
          // Printed (PDF/A: every annotation has the Print flag).
          F: 4,
          // The link's title: a viewer's tooltip, and its description for assistive technology.
          ...(item.title ? { Contents: PDFHexString.fromText(item.title) } : {}),
          ...(target
            ? { Dest: [target, 'XYZ', null, page.getHeight(), null] }
            : { A: { Type: 'Action', S: 'URI', URI: uriString(item.url) } }),
        });
        const ref = doc.context.register(annot);
        page.node.addAnnot(ref);
        tagger?.annotation(index, item, annot, ref);
        break;
      }
    }
  }
}

/** The running header (from page 2 on) and the "page N of M" footer. */
export function runningItems(
  fonts: FontLibrary,
  model: Pick<DocumentModel, 'header' | 'footer' | 'direction' | 'meta' | 'continuation' | 'page'>,
  number: number,
  total: number,
  missing: MissingChar[],
  options: { showHeader?: boolean; label?: string } = {},
): DrawItem[] {
  const items: DrawItem[] = [];
  const { page: size, contentWidth } = pageGeometry(model);
  const layoutOptions = { width: contentWidth, direction: model.direction, lang: model.meta.lang, lineHeight: 1.2 } as const;
  const digits = new Intl.NumberFormat(model.meta.locale ?? model.meta.lang, { useGrouping: false });
  const pageText = model.footer ? model.footer.replace('{page}', options.label ?? digits.format(number)).replace('{pages}', digits.format(total)) : '';
  const header = (text: string, y: number) => {
    const laid = layoutParagraph(fonts, [{ text, style: RUNNING_STYLE }], { ...layoutOptions, align: 'start' });
    missing.push(...laid.missing);
    if (laid.lines[0]) items.push({ type: 'line', line: laid.lines[0], x: MARGIN.inner, y });
    items.push({ type: 'rule', x1: MARGIN.inner, y1: y - 6, x2: MARGIN.inner + contentWidth, y2: y - 6, width: 0.4, color: RULE_GREY });
  };
  if (model.header && (options.showHeader ?? number > 1)) {
    header(model.header, size.height - MARGIN.top + 26);
  } else if (!model.header && model.continuation && number > 1) {
    // A letter's continuation page: its reference and the page, above the text (letters start high).
    header(pageText ? `${model.continuation} · ${pageText}` : model.continuation, size.height - 30);
  }
  if (pageText) {
    const laid = layoutParagraph(fonts, [{ text: pageText, style: RUNNING_STYLE }], { ...layoutOptions, align: 'center' });
    missing.push(...laid.missing);
    if (laid.lines[0]) items.push({ type: 'line', line: laid.lines[0], x: MARGIN.inner, y: MARGIN.footer });
  }
  return items;
}

/**
 * A URI action's URI (PDF 32000-1 §12.6.4.7: 7-bit ASCII): characters outside ASCII
 * percent-encoded as UTF-8, the whole written as a hexadecimal string, so that no parenthesis or
 * backslash of the address can end or escape the PDF string.
 */
export function uriString(url: string): PDFHexString {
  const ascii = url.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
  return PDFHexString.of([...ascii].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
}

