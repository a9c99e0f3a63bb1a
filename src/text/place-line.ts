/**
 * Places the glyphs of one filled line: visual order of pieces (UAX #9 L2),
 * justification, alignment, and the line's vertical metrics.
 */
import { visualOrder } from './bidi.js';
import { isStretchableSpace } from './controls.js';
import type { FontFace } from './fonts.js';
import type { LineSpec } from './line-fill.js';
import { SHRINK } from './optimal-lines.js';

export interface PlacedGlyph {
  face: FontFace;
  /** Size the glyph is drawn at, pt. */
  size: number;
  /** Glyph id in the full font. */
  glyphId: number;
  /** pt, from the line's left edge and baseline; y up. */
  x: number;
  y: number;
  /** The characters this glyph stands for, logical order ('' for the 2nd+ glyph of a cluster). */
  text: string;
  color?: [number, number, number];
  /** Glyphs sharing this object extract as its text instead of their own (a hyphenated word). */
  actual?: { text: string };
  /** Where its characters start in the paragraph's text (UTF-16): the glyph's place in logical order. */
  logical: number;
}

export interface LaidLine {
  /** Box width given. */
  width: number;
  /** Width the glyphs occupy (after justification), without the first-line indent, pt. */
  contentWidth: number;
  /** Above the baseline, pt (positive). */
  ascent: number;
  /** Below the baseline, pt (positive). */
  descent: number;
  /** Baseline-to-baseline advance, pt. */
  height: number;
  /** Visual order, left to right. */
  glyphs: PlacedGlyph[];
  links: { x0: number; x1: number; url: string; title?: string }[];
  direction: 'ltr' | 'rtl';
  /** Left edge of the content, pt from the line's left edge. */
  x: number;
  /** Ends with a forced break. */
  forced: boolean;
}

export interface PlaceOptions {
  width: number;
  indent: number;
  align: 'start' | 'center' | 'end' | 'justify';
  baseLevel: number;
  lineHeight: number;
  /** Metrics for a line without glyphs: the face and size at that place. */
  empty: { face: FontFace; size: number };
}

export function placeLine(spec: LineSpec, o: PlaceOptions): LaidLine {
  const { pieces } = spec;
  const rtl = (o.baseLevel & 1) === 1;
  const avail = Math.max(0, o.width - o.indent);
  let natural = 0;
  let stretchable = 0;
  let spaceWidth = 0;
  for (const p of pieces) {
    natural += p.width;
    if (o.align !== 'justify') continue;
    const scale = p.size / p.face.unitsPerEm;
    p.run.textOf.forEach((t, g) => {
      if (!isStretchableSpace(t)) return;
      stretchable++;
      spaceWidth += p.run.xAdvance[g]! * scale;
    });
  }
  // Justify: stretch interword spaces (or shrink them, where the line breaker chose a tight line),
  // but not on the last line or before a forced break. Spaces never shrink by more than the share
  // of their width the line breaker allows (SHRINK): a line wider than that (a word too long for
  // the column, filled greedily) overflows rather than running its words together.
  const justify = o.align === 'justify' && !spec.last && !spec.forced && stretchable > 0 && Math.abs(natural - avail) > 1e-9;
  const extra = justify ? Math.max((avail - natural) / stretchable, -(spaceWidth / stretchable) * SHRINK) : 0;
  const used = justify ? natural + extra * stretchable : natural;
  const free = Math.max(0, avail - used);
  // Where the content starts, from the left; the indent sits on the start side.
  const align = o.align === 'justify' ? 'start' : o.align;
  const share = align === 'center' ? free / 2 : (align === 'start') === !rtl ? 0 : free;
  const x0 = (rtl ? 0 : o.indent) + share;

  const order = visualOrder(pieces.map((p) => p.level));
  const glyphs: PlacedGlyph[] = [];
  const links: LaidLine['links'] = [];
  let pen = x0;
  let ascent = 0;
  let descent = 0;
  let size = 0;
  for (const index of order) {
    const p = pieces[index]!;
    const scale = p.size / p.face.unitsPerEm;
    const run = p.run;
    const color = p.style.color;
    const startX = pen;
    for (let g = 0; g < run.glyphIds.length; g++) {
      const gid = run.glyphIds[g]!;
      const text = run.textOf[g]!;
      if (gid !== 0) {
        const glyph: PlacedGlyph = {
          face: p.face,
          size: p.size,
          glyphId: gid,
          x: pen + run.xOffset[g]! * scale,
          y: p.rise + run.yOffset[g]! * scale,
          text,
          logical: p.start + run.clusters[g]!,
        };
        if (color) glyph.color = color;
        if (p.actual) glyph.actual = p.actual;
        glyphs.push(glyph);
      }
      pen += run.xAdvance[g]! * scale;
      if (justify && isStretchableSpace(text)) pen += extra;
    }
    if (p.style.link) addLink(links, startX, pen, p.style.link, p.style.linkTitle);
    ascent = Math.max(ascent, (p.face.ascent * p.size) / p.face.unitsPerEm + p.rise);
    descent = Math.max(descent, (-p.face.descent * p.size) / p.face.unitsPerEm - p.rise);
    size = Math.max(size, p.style.size);
  }
  if (pieces.length === 0) {
    const { face, size: s } = o.empty;
    ascent = (face.ascent * s) / face.unitsPerEm;
    descent = (-face.descent * s) / face.unitsPerEm;
    size = s;
  }
  return {
    width: o.width,
    contentWidth: pen - x0,
    ascent,
    descent,
    height: Math.max(size * o.lineHeight, ascent + descent),
    glyphs,
    links,
    direction: rtl ? 'rtl' : 'ltr',
    x: x0,
    forced: spec.forced,
  };
}

function addLink(links: LaidLine['links'], x0: number, x1: number, url: string, title: string | undefined): void {
  const prev = links[links.length - 1];
  if (prev && prev.url === url && prev.title === title && Math.abs(prev.x1 - x0) < 1e-6) prev.x1 = x1;
  else links.push({ x0, x1, url, ...(title ? { title } : {}) });
}
