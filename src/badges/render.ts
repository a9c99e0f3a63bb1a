/**
 * The PDF edge of the name badges: draws sheets laid out by layout.ts (when the build planned
 * them, build/badge-jobs.ts, which also reported any character no font has) through the text
 * engine's glyph edge, with the document's metadata. The same input gives the same bytes.
 */
import '../render/pdf/native-deflate.js';
import { PDFDocument, PDFName } from 'pdf-lib';
import { drawItems } from '../render/pdf/draw-items.js';
import { PdfFontRegistry } from '../render/pdf/glyphs/pdf-fonts.js';
import { A4, A6, type BadgeHeader, type BadgePage, type BadgeSheet, type BadgeText } from './layout.js';

export interface BadgeInput {
  header: BadgeHeader;
  badges: BadgeText[];
  lang: string;
  direction: 'ltr' | 'rtl';
  sheet: BadgeSheet;
  /** PDF metadata. */
  title: string;
  author: string;
  date: Date;
}

export async function renderBadges(input: BadgeInput, pages: readonly BadgePage[]): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const registry = new PdfFontRegistry(doc);
  const size = input.sheet === 'a4' ? A4 : A6;
  for (const laid of pages) drawItems(doc.addPage([size.width, size.height]), registry, laid.items);
  registry.finalize();
  doc.setTitle(input.title, { showInWindowTitleBar: true });
  doc.setAuthor(input.author);
  doc.setLanguage(input.lang);
  doc.setKeywords(['badges', input.sheet]);
  doc.setCreator('folio');
  doc.setProducer('folio (pdf-lib)');
  doc.setCreationDate(input.date);
  doc.setModificationDate(input.date);
  if (input.direction === 'rtl') doc.catalog.set(PDFName.of('ViewerPreferences'), doc.context.obj({ Direction: 'R2L' }));
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pages: pages.length };
}
