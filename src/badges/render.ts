/**
 * The PDF edge of the name badges: draws sheets laid out by layout.ts (when the build planned
 * them, build/badge-jobs.ts, which also reported any character no font has) through the text
 * engine's glyph edge, with the document's metadata. The same input gives the same bytes.
 */
import '../render/pdf/native-deflate.js';
import { PDFDocument, ReadingDirection } from 'pdf-lib';
import { contentIdentity, declareArchival, writeInfo } from '../render/pdf/archival.js';
import { structNode } from '../render/pdf/structure.js';
import { drawItems } from '../render/pdf/draw-items.js';
import { drawTagged, tagLines } from '../render/pdf/tag-laid-pages.js';
import { Tagger } from '../render/pdf/tagging.js';
import { PdfFontRegistry } from '../render/pdf/glyphs/pdf-fonts.js';
import { A4, A6, type BadgeHeader, type BadgePage, type BadgeSheet, type BadgeText } from './layout.js';

export interface BadgeInput {
  header: BadgeHeader;
  badges: BadgeText[];
  lang: string;
  direction: 'ltr' | 'rtl';
  sheet: BadgeSheet;
  /** `none`: a plain PDF (untagged, no PDF/A metadata); default: PDF/UA-1 and PDF/A-2b. */
  pdfStandard?: 'none';
  /** PDF metadata. */
  title: string;
  author: string;
  date: Date;
}

export async function renderBadges(input: BadgeInput, pages: readonly BadgePage[]): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const registry = new PdfFontRegistry(doc);
  const size = input.sheet === 'a4' ? A4 : A6;
  // Tagged (PDF/UA-1, PDF/A-2b): each badge a Sect of its lines in reading order; crop marks, bands and rules are artifacts.
  const root = structNode('Document');
  for (const laid of pages) {
    const starts = laid.badgeStarts ?? [0];
    starts.forEach((start, k) => {
      const sect = structNode('Sect');
      root.children.push(sect);
      tagLines(sect, laid.items.slice(start, starts[k + 1] ?? laid.items.length), input.direction);
    });
  }
  const meta = { title: input.title, author: input.author, lang: input.lang, keywords: ['badges', input.sheet], date: input.date };
  const standard = input.pdfStandard !== 'none';
  const tagger = standard ? new Tagger(doc, [{ roots: [root], from: 0, to: pages.length }], meta) : undefined;
  const pdfPages = pages.map((laid, i) => {
    const page = doc.addPage([size.width, size.height]);
    if (tagger) drawTagged(page, i, registry, laid.items, tagger);
    else drawItems(page, registry, laid.items);
    return page;
  });
  tagger?.finish(pdfPages.map((p) => p.ref), pdfPages);
  registry.finalize();
  const info = writeInfo(doc, meta);
  if (input.direction === 'rtl') doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
  if (standard) declareArchival(doc, info, { meta: info, content: contentIdentity(pages) });
  const bytes = await doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pages: pages.length };
}
