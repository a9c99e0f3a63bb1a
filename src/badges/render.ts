/**
 * The PDF edge of the name badges: draws the laid-out sheets (layout.ts) through the text
 * engine's glyph edge, with the document's metadata. The same input gives the same bytes.
 */
import '../render/pdf/native-deflate.js';
import { PDFDocument, PDFName } from 'pdf-lib';
import { ContentError, diagnostic } from '../diagnostics/diagnostic.js';
import { drawItems } from '../render/pdf/draw-items.js';
import { PdfFontRegistry } from '../render/pdf/glyphs/pdf-fonts.js';
import type { FontLibrary } from '../text/fonts.js';
import { A4, A6, layoutBadges, type BadgeHeader, type BadgeSheet, type BadgeText } from './layout.js';

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

export async function renderBadges(input: BadgeInput, fonts: FontLibrary): Promise<{ bytes: Uint8Array; pages: number }> {
  const { pages, missing } = layoutBadges(input.header, input.badges, { fonts, lang: input.lang, direction: input.direction, sheet: input.sheet });
  if (missing.length > 0) {
    const first = missing[0]!;
    const code = `U+${first.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new ContentError([diagnostic(first.place ?? { file: 'sources/participants.yaml' }, 'error', 'font/missing-glyph',
      `${code} "${first.char}" on the ${input.lang} name badges cannot be drawn by any configured font: correct the participant's entry in sources/participants.yaml, or configure a font that has it.`)]);
  }
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
