/**
 * The PDF glyph edge: draws laid lines with raw text operators and embeds the
 * faces they use as subset Type 0 fonts. pdf-lib's embedFont/drawText are not
 * used: they reverse mixed-direction strings and drop GPOS mark offsets.
 */
import { PDFName, type PDFDocument, type PDFPage, type PDFPageLeaf } from 'pdf-lib';
import type { FontFace } from '../../../text/fonts.js';
import type { LaidLine } from '../../../text/layout-paragraph.js';
import { lineOperators, type MarkGroup } from './line-operators.js';
import { SubsetFont } from './subset-font.js';

/** Marks' widths are told apart by steps of this many thousandths of an em. */
const MARK_STEP = 40;

export class PdfFontRegistry {
  private readonly fonts = new Map<FontFace, SubsetFont>();
  private readonly pageFonts = new WeakMap<PDFPageLeaf, Set<SubsetFont>>();
  /** Lines are drawn at finalize(), once every glyph's widest advance (its W width) is known. */
  private readonly pending: { page: PDFPage; line: LaidLine; x: number; y: number; onPage: Set<SubsetFont>; groups: readonly MarkGroup[] }[] = [];
  private finalized = false;
  /** The CID variant of each vowel mark drawn (see {@link widenMark}). */
  private readonly markVariants = new WeakMap<object, number>();

  constructor(private readonly doc: PDFDocument) {}

  /** Draws one laid line with its left edge at x and its baseline at y (pdf-lib page coordinates, y up). */
  /** `groups`: the line's marked content (tagged PDF), see lineOperators. */
  drawLine(page: PDFPage, line: LaidLine, x: number, y: number, groups: readonly MarkGroup[] = []): void {
    if (this.finalized) throw new Error('Bug: PdfFontRegistry.drawLine was called after finalize().');
    if (line.glyphs.length === 0) return;
    let onPage = this.pageFonts.get(page.node);
    if (!onPage) {
      onPage = new Set();
      this.pageFonts.set(page.node, onPage);
    }
    this.widenFor(line, groups.length > 0);
    this.pending.push({ page, line, x, y, onPage, groups });
  }

  /**
   * Records, for each glyph followed by another on its baseline, the advance it was drawn with,
   * measured to the next glyph that has text (a glyph without text, such as the second glyph of
   * a ligature cluster, extracts as nothing and must not leave a gap behind).
   */
  private widenFor(line: LaidLine, logical: boolean): void {
    const glyphs = line.glyphs;
    for (let i = 0; i + 1 < glyphs.length || (logical && i < glyphs.length); i++) {
      const g = glyphs[i]!;
      if (g.text !== '' && g.text !== ' ' && g.face.glyphAdvance(g.glyphId) === 0) {
        this.widenMark(glyphs, i);
        continue;
      }
      if (i + 1 >= glyphs.length) continue;
      if (g.text === '' || g.text === ' ' || g.y !== 0 || g.face.glyphAdvance(g.glyphId) === 0) continue;
      let j = i + 1;
      while (j < glyphs.length && glyphs[j]!.text === '') j++;
      const next = glyphs[j];
      if (!next || next.face !== g.face || next.size !== g.size || next.y !== 0) continue;
      // Spaces keep their width (justification stretches them); marks (no advance of their own) are skipped.
      if (next.text === ' ' || g.face.glyphAdvance(next.glyphId) === 0) continue;
      const font = this.fontFor(g.face);
      const cid = font.cidFor(g.glyphId, g.text);
      const advance = ((next.x - g.x) * 1000) / g.size;
      // Only a modest widening: a large jump is a real gap (a tab, a column), not a join.
      const base = font.widthOf(cid);
      if (advance > base && advance < base + 400) font.widen(cid, advance);
    }
  }

  /**
   * A vowel mark has no advance of its own: drawn over its letter, it ends where it starts, and
   * extractors read the distance to the next glyph as a word break ("ست ُعقد"). Its CID is given
   * the width that reaches the next glyph; marks drawn at other distances get CIDs of their own
   * (by steps of {@link MARK_STEP}), so that no width overshoots its neighbour by more than a step.
   */
  private widenMark(glyphs: LaidLine['glyphs'], i: number): void {
    const g = glyphs[i]!;
    let j = i + 1;
    while (j < glyphs.length && glyphs[j]!.text === '') j++;
    const next = glyphs[j];
    if (!next || next.face !== g.face || next.size !== g.size || next.text === ' ') return;
    const distance = ((next.x - g.x) * 1000) / g.size;
    if (!(distance > 0 && distance < 600)) return;
    const variant = Math.ceil(distance / MARK_STEP);
    this.markVariants.set(g, variant);
    const font = this.fontFor(g.face);
    font.widen(font.cidFor(g.glyphId, g.text, variant), distance);
  }

  /**
   * A vowel mark of a line shown in logical order (tagged PDF): extractors meet it after its
   * letter, wherever the next letter is, and keep it with the letter when their boxes meet. Its
   * CID is given the width that reaches the far edge of its letter (the glyph of its cluster
   * with an advance), in steps of {@link MARK_STEP} as in widenMark.
   */
  private coverBase(glyphs: LaidLine['glyphs'], i: number): void {
    const g = glyphs[i]!;
    const base = glyphs.find((b) => b.logical === g.logical && b !== g && b.face === g.face && b.face.glyphAdvance(b.glyphId) > 0);
    if (!base) return;
    const end = base.x + (base.face.glyphAdvance(base.glyphId) * base.size) / base.face.unitsPerEm;
    const distance = ((end - g.x) * 1000) / g.size;
    if (!(distance > 0 && distance < 1000)) return;
    const variant = Math.ceil(distance / MARK_STEP);
    this.markVariants.set(g, variant);
    const font = this.fontFor(g.face);
    font.widen(font.cidFor(g.glyphId, g.text, variant), distance);
  }

  /** Embeds every face used, as subsets. Call once, after the last drawLine and before doc.save(). */
  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    for (const { page, line, x, y, onPage, groups } of this.pending) {
      const ops = lineOperators(line, x, y, (face) => {
        const font = this.fontFor(face);
        if (!onPage.has(font)) {
          onPage.add(font);
          page.node.setFontDictionary(PDFName.of(font.resourceName), font.ref);
        }
        return font;
      }, (glyph) => this.markVariants.get(glyph) ?? 0, groups);
      page.pushOperators(...ops);
    }
    this.pending.length = 0;
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
