/**
 * Minimal declarations for upstream fontkit 2.x: only what folio uses
 * (parsing, metrics and TrueType subsetting). Shaping is done by harfbuzzjs.
 */
declare module 'fontkit' {
  export interface FontkitBBox {
    minX: number;
    minY: number;
    maxX: number;
    maxY: number;
  }

  export interface FontkitGlyph {
    id: number;
    advanceWidth: number;
  }

  /** A subset under construction; glyph ids are renumbered in inclusion order. */
  export interface FontkitSubset {
    /** Glyph ids of the full font, in subset order (index = new glyph id). */
    glyphs: number[];
    /** Full-font glyph id → subset glyph id. */
    mapping: Record<number, number>;
    /** Adds a glyph (by full-font id) and returns its id in the subset. */
    includeGlyph(glyph: number | FontkitGlyph): number;
    /** The subset as a standalone font file (TrueType: glyf/loca/hmtx… tables). */
    encode(): Uint8Array;
  }

  export interface FontkitFont {
    type: string;
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    numGlyphs: number;
    bbox: FontkitBBox;
    directory: { tables: Record<string, unknown> };
    'OS/2'?: { usWeightClass: number; sFamilyClass?: number; capHeight?: number };
    post?: { isFixedPitch: number; italicAngle: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    /** Every code point the font's cmap maps. */
    characterSet: number[];
    getGlyph(id: number): FontkitGlyph;
    createSubset(): FontkitSubset;
  }

  export interface FontkitCollection {
    type: 'TTC' | 'DFont';
    fonts: FontkitFont[];
  }

  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection;
}
