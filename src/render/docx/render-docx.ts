/**
 * DocumentModel → DOCX bytes. Builds the docx `Document` (styles, numbering, footnotes,
 * one A4 section with header and footer, the blocks through their handlers), then packs
 * it reproducibly: the same model always gives the same bytes.
 */
import { Document, Header, PageOrientation } from 'docx';
import { isLetter, type DocumentModel } from '../../document/model.js';
import { languageScript } from '../../config/languages.js';
import { renderBlocks } from './blocks/index.js';
import type { BlockContext, DocumentContext } from './context.js';
import { corePropertiesXml } from './core-properties.js';
import { writeFontTable, type EmbeddedFace } from './font-table.js';
import { subsetFaces } from './embed-fonts.js';
import { DEFAULT_FONTS, type DocxFonts } from './fonts.js';
import { assertFootnotesResolve, buildFootnotes } from './footnotes.js';
import { buildContinuationHeader, buildFooter, buildHeader } from './header-footer.js';
import { NumberingRegistry } from './numbering.js';
import { packDocx } from './pack.js';
import { HEADER_FOOTER_DISTANCE, LETTER_MARGIN, MARGIN, PAGE_HEIGHT, PAGE_WIDTH } from './page.js';
import { writePart } from './parts.js';
import { markSectionsRightToLeft } from './section-bidi.js';
import { stabilizeBookmarkIds, stabilizeRelationshipIds } from './stable-ids.js';
import { documentStyles, EXTERNAL_STYLES_XML } from './styles.js';

export interface DocxOptions {
  /** Font names written into the DOCX. Defaults: Noto Serif, Amiri, Noto Sans Hebrew, Noto Sans Mono. */
  fonts?: DocxFonts;
  /**
   * Faces to embed (whole font files), each subset to the characters the document uses and
   * those of its script, so that it prints in them where the fonts are not installed.
   */
  embed?: readonly EmbeddedFace[];
  /** A letter's tier of closeness (see `DocumentContext.letterTier`): 0 unless the PDF had to tighten. */
  letterTier?: number;
}

const HYPHENATED_SCRIPTS = new Set(['Latn', 'Grek', 'Cyrl']);

/** Renders a document model to the bytes of a .docx file. */
export async function renderDocx(model: DocumentModel, options: DocxOptions = {}): Promise<Uint8Array> {
  assertFootnotesResolve(model.blocks, model.footnotes);
  const doc = documentContext(model, options);
  const embedded = await subsetFaces(model, options.embed ?? []);
  const ctx: BlockContext = { doc, listDepth: 0, quoteDepth: 0, inNote: false, renderBlocks };

  const children = renderBlocks(model.blocks, ctx);
  const footnotes = buildFootnotes(model.footnotes, ctx);
  const header = buildHeader(model.header, doc);
  // A letter has no running header; from its second page on (if it runs on) it names its reference.
  const continuation = !header && model.continuation ? buildContinuationHeader(model.continuation, model.footer, doc) : undefined;
  const footer = buildFooter(model.footer, doc);

  const document = new Document({
    // Word and LibreOffice hyphenate by the document's language (w:lang) where the script has
    // hyphenation (Latin, Greek, Cyrillic); Arabic and Hebrew are never hyphenated.
    ...(model.meta.typesetting?.hyphenate !== false && HYPHENATED_SCRIPTS.has(languageScript(model.meta.lang)) && { hyphenation: { autoHyphenation: true } }),
    externalStyles: EXTERNAL_STYLES_XML,
    styles: documentStyles(doc),
    numbering: { config: doc.numbering.definitions(doc.direction) },
    footnotes,
    sections: [
      {
        properties: {
          // A different first page: the continuation header shows from page 2 only.
          ...(continuation ? { titlePage: true } : {}),
          page: {
            size: pageSize(model.page),
            margin: {
              top: doc.letter ? (model.blocks[0]?.type === 'letterhead' ? LETTER_MARGIN.topUnderLetterhead : LETTER_MARGIN.top) : MARGIN,
              bottom: doc.letter ? LETTER_MARGIN.bottom : MARGIN,
              left: doc.letter ? LETTER_MARGIN.side : MARGIN,
              right: doc.letter ? LETTER_MARGIN.side : MARGIN,
              header: HEADER_FOOTER_DISTANCE,
              footer: HEADER_FOOTER_DISTANCE,
              gutter: 0,
            },
          },
        },
        ...(header ? { headers: { default: header } } : {}),
        ...(continuation ? { headers: { default: continuation, first: new Header({ children: [] }) } } : {}),
        ...(footer ? { footers: { default: footer } } : {}),
        children,
      },
    ],
  });

  return packDocx(document, {
    modified: model.meta.date,
    transforms: [
      (parts) => writePart(parts, 'docProps/core.xml', corePropertiesXml(model.meta)),
      writeFontTable(doc.fonts, embedded),
      stabilizeRelationshipIds,
      stabilizeBookmarkIds,
      ...(model.direction === 'rtl' ? [markSectionsRightToLeft] : []),
    ],
  });
}

function documentContext(model: DocumentModel, options: DocxOptions): DocumentContext {
  let drawings = 0;
  return {
    direction: model.direction,
    lang: model.meta.lang,
    fonts: { ...DEFAULT_FONTS, ...options.fonts },
    rtlScript: languageScript(model.meta.lang) === 'Hebr' ? 'hebrew' : 'arabic',
    letter: isLetter(model),
    letterTier: options.letterTier ?? 0,
    numbering: new NumberingRegistry(),
    nextDrawingId: () => ++drawings,
  };
}

/** `w:pgSz` in twips: A4 portrait by default; docx swaps a landscape page's sides itself. */
function pageSize(page: DocumentModel['page']): { width: number; height: number; orientation?: typeof PageOrientation.LANDSCAPE } {
  if (!page) return { width: PAGE_WIDTH, height: PAGE_HEIGHT };
  const [short, long] = [Math.min(page.width, page.height), Math.max(page.width, page.height)].map((pt) => Math.round(pt * 20)) as [number, number];
  return page.width > page.height ? { width: short, height: long, orientation: PageOrientation.LANDSCAPE } : { width: short, height: long };
}
