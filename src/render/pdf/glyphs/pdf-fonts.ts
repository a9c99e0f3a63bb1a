/**
 * The PDF glyph edge: draws laid lines with raw text operators and embeds the
 * faces they use as subset Type 0 fonts. pdf-lib's embedFont/drawText are not
 * used: they reverse mixed-direction strings and drop GPOS mark offsets.
 */
import { PDFName, type PDFDocument, type PDFPage, type PDFPageLeaf } from 'pdf-lib';
import type { FontFace } from '../../../text/fonts.js';
import type { LaidLine } from '../../../text/layout-paragraph.js';
import { lineOperators } from './line-operators.js';
import { SubsetFont } from './subset-font.js';

export class PdfFontRegistry {
  private readonly fonts = new Map<FontFace, SubsetFont>();
  private readonly pageFonts = new WeakMap<PDFPageLeaf, Set<SubsetFont>>();
  private finalized = false;

  constructor(private readonly doc: PDFDocument) {}

  /** Draws one laid line with its left edge at x and its baseline at y (pdf-lib page coordinates, y up). */
  drawLine(page: PDFPage, line: LaidLine, x: number, y: number): void {
    if (this.finalized) throw new Error('Bug: PdfFontRegistry.drawLine was called after finalize().');
    if (line.glyphs.length === 0) return;
    let onPage = this.pageFonts.get(page.node);
    if (!onPage) {
      onPage = new Set();
      this.pageFonts.set(page.node, onPage);
    }
    const ops = lineOperators(line, x, y, (face) => {
      const font = this.fontFor(face);
      if (!onPage.has(font)) {
        onPage.add(font);
        page.node.setFontDictionary(PDFName.of(font.resourceName), font.ref);
      }
      return font;
    });
    page.pushOperators(...ops);
  }

  /** Embeds every face used, as subsets. Call once, after the last drawLine and before doc.save(). */
  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    for (const font of this.fonts.values()) font.finalize();
  }

  /** The faces drawn so far (for shipping their licences). */
  faces(): FontFace[] {
    return [...this.fonts.keys()];
  }

  private fontFor(face: FontFace): SubsetFont {
    let font = this.fonts.get(face);
    if (!font) {
      font = new SubsetFont(this.doc, face, `FolioF${this.fonts.size + 1}`);
      this.fonts.set(face, font);
    }
    return font;
  }
}
