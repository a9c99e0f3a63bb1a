/**
 * Content-stream operators that draw one laid line (PDF 32000-1:2008 §9.4):
 * glyphs grouped into runs of one font, size, colour and baseline, each run
 * placed with `Tm` and shown with one `TJ` whose numbers carry kerning, GPOS
 * offsets and justification. Pure: fonts are reached through `fontFor`.
 */
import { PDFHexString, PDFOperator, PDFOperatorNames as Ops } from 'pdf-lib';
import type { FontFace } from '../../../text/fonts.js';
import type { LaidLine } from '../../../text/layout-paragraph.js';

export interface GlyphFont {
  /** Resource name without the slash. */
  resourceName: string;
  cidFor(glyphId: number, text: string, variant?: number): number;
  /** Advance of a CID in 1/1000 em, as written in W. */
  widthOf(cid: number): number;
}

const BLACK: [number, number, number] = [0, 0, 0];

/** `<XXXX>` per CID, built once: this runs for every glyph of a document. */
const hexCodes: string[] = [];
function hexCode(cid: number): string {
  return (hexCodes[cid] ??= `<${cid.toString(16).padStart(4, '0').toUpperCase()}>`);
}

/** Formats a number for a content stream: at most 3 decimals, no exponent, no -0. */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

/**
 * A line's glyphs in logical order (by where their characters are in the text; a cluster's
 * glyphs from the last laid, so that a right-to-left letter's marks follow it): the order a tagged line is shown in, so that a reader that takes the text
 * of marked content in content order (poppler's structure reader) reads right-to-left text as
 * written. Each glyph is still placed where the layout put it.
 */
export function logicalOrder(line: LaidLine): readonly number[] {
  let order = orders.get(line);
  if (!order) {
    const glyphs = line.glyphs;
    order = glyphs.map((_, i) => i);
    // Most lines are in logical order already (left-to-right text without clusters): no sort needed.
    if (!order.every((i) => i === 0 || glyphs[i]!.logical > glyphs[i - 1]!.logical)) order.sort((a, b) => glyphs[a]!.logical - glyphs[b]!.logical || b - a);
    orders.set(line, order);
  }
  return order;
}

/** Asked twice per tagged line (its marks, then its operators). */
const orders = new WeakMap<LaidLine, number[]>();

/**
 * Marked content over the glyphs of a line (tagged PDF): from the glyph at position `start` of
 * logicalOrder to the next group's start, inside the line's text object, `open` (a BDC with an
 * MCID, or BMC /Artifact) … EMC.
 * With groups, the caller puts each glyph's ActualText into its group (a hyphenated word's
 * fragments are groups of their own): marked content is then never nested, which poppler's
 * structure reader needs (it loses the rest of a line after a nested span).
 */
export interface MarkGroup {
  start: number;
  open: PDFOperator;
}

export function lineOperators(
  line: LaidLine, x: number, y: number, fontFor: (face: FontFace) => GlyphFont,
  variantOf?: (glyph: LaidLine['glyphs'][number]) => number, groups: readonly MarkGroup[] = [],
): PDFOperator[] {
  if (line.glyphs.length === 0) return [];
  const ops: PDFOperator[] = [PDFOperator.of(Ops.PushGraphicsState), PDFOperator.of(Ops.BeginText)];
  let group = 0;
  let inGroup = false;
  let font: GlyphFont | undefined;
  let face: FontFace | undefined;
  let size = NaN;
  let color: [number, number, number] | undefined;
  let tj = '';
  let runY = NaN;
  let pen = 0;
  const flush = () => {
    if (tj !== '') ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [`[${tj}]`]));
    tj = '';
  };
  // Glyphs that extract as another text (a hyphenated word's fragments) sit in a marked-content
  // span with that ActualText (PDF 32000-1:2008 §14.9.4); an empty one extracts as nothing.
  let actual: LaidLine['glyphs'][number]['actual'];
  // Untagged lines (forms, badges) are shown as laid, left to right.
  const sequence: readonly number[] = groups.length > 0 ? logicalOrder(line) : line.glyphs.map((_, i) => i);
  for (const [position, index] of sequence.entries()) {
    const g = line.glyphs[index]!;
    if (group < groups.length && groups[group]!.start === position) {
      // A new marked-content sequence: what is open inside the last one closes first.
      flush();
      if (actual) ops.push(PDFOperator.of(Ops.EndMarkedContent));
      actual = undefined;
      if (inGroup) ops.push(PDFOperator.of(Ops.EndMarkedContent));
      ops.push(groups[group++]!.open);
      inGroup = true;
    }
    if (groups.length === 0 && g.actual !== actual) {
      flush();
      if (actual) ops.push(PDFOperator.of(Ops.EndMarkedContent));
      actual = g.actual;
      if (actual) ops.push(PDFOperator.of(Ops.BeginMarkedContentSequence, ['/Span', `<</ActualText ${PDFHexString.fromText(actual.text).toString()}>>`]));
    }
    if (g.face !== face) {
      face = g.face;
      font = fontFor(g.face);
      size = NaN;
    }
    const c = g.color ?? BLACK;
    if (color === undefined || c[0] !== color[0] || c[1] !== color[1] || c[2] !== color[2]) {
      flush();
      color = c;
      ops.push(PDFOperator.of(Ops.NonStrokingColorRgb, [num(c[0]), num(c[1]), num(c[2])]));
    }
    if (g.size !== size) {
      flush();
      size = g.size;
      ops.push(PDFOperator.of(Ops.SetFontAndSize, [`/${font!.resourceName}`, num(size)]));
    }
    if (tj !== '' && Math.abs(g.y - runY) > 1e-4) flush();
    const cid = font!.cidFor(g.glyphId, g.text, variantOf?.(g) ?? 0);
    if (tj === '') {
      runY = g.y;
      ops.push(PDFOperator.of(Ops.SetTextMatrix, ['1', '0', '0', '1', num(x + g.x), num(y + g.y)]));
      pen = g.x;
    } else {
      // A TJ number moves the next glyph left by n/1000 of the font size.
      const adjust = Math.round(((pen - g.x) * 100000) / size) / 100;
      if (adjust !== 0) {
        tj += String(adjust);
        pen -= (adjust * size) / 1000;
      }
    }
    tj += hexCode(cid);
    pen += (font!.widthOf(cid) * size) / 1000;
  }
  flush();
  if (actual) ops.push(PDFOperator.of(Ops.EndMarkedContent));
  if (inGroup) ops.push(PDFOperator.of(Ops.EndMarkedContent));
  ops.push(PDFOperator.of(Ops.EndText), PDFOperator.of(Ops.PopGraphicsState));
  return ops;
}
