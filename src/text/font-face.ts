/**
 * One parsed font file: fontkit for tables and subsetting, HarfBuzz for
 * shaping. Each file is parsed at most once per process.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';
import type { ShapedRun } from './shape.js';

export interface FontFace {
  /** PostScript name, e.g. `NotoSerif-Bold`; unique per file. */
  id: string;
  postscriptName: string;
  unitsPerEm: number;
  /** hhea ascender, font units (positive). */
  ascent: number;
  /** hhea descender, font units (negative, below the baseline). */
  descent: number;
  /** The whole font file. */
  bytes: Uint8Array;
  /** Path to the package's font licence text ('' when the package has none). */
  licenceFile: string;
  hasCodePoint(cp: number): boolean;

  /** Path of the font file. */
  file: string;
  capHeight: number;
  italicAngle: number;
  /** Font bounding box, font units. */
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  weightClass: number;
  fixedPitch: boolean;
  serif: boolean;
  /** Horizontal advance of a glyph (full-font id), font units, from hmtx. */
  glyphAdvance(glyphId: number): number;
  /** The fontkit font (subsetting). */
  readonly fontkit: fontkit.FontkitFont;
  /** The HarfBuzz font (shaping), scaled to units per em. */
  readonly hbFont: hb.Font;
  /** Shaped text cache, keyed by text, direction, script, language and context (see shape.ts). */
  readonly shapeCache: Map<string, ShapedRun>;
}

/** A font file folio cannot use. */
export class FontFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontFileError';
  }
}

const parsed = new Map<string, FontFace>();

/** Parses a font file once per process. */
export function loadFace(file: string, licenceFile: string): FontFace {
  let face = parsed.get(file);
  if (!face) {
    face = parseFace(file, licenceFile);
    parsed.set(file, face);
  }
  return face;
}

function parseFace(file: string, licenceFile: string): FontFace {
  const bytes = new Uint8Array(readFileSync(file));
  const created = fontkit.create(bytes);
  if ('fonts' in created) throw new FontFileError(`${file} is a font collection; name a single .ttf or .otf file.`);
  const font = created;
  if (!font.directory.tables['glyf']) {
    throw new FontFileError(`${file} has CFF outlines; folio embeds TrueType (glyf) fonts only. Use the .ttf version of this font.`);
  }
  const hbFace = new hb.Face(new hb.Blob(bytes));
  const hbFont = new hb.Font(hbFace);
  const codePoints = new Set<number>(hbFace.collectUnicodes());
  const os2 = font['OS/2'];
  const familyClass = (os2?.sFamilyClass ?? 0) >> 8;
  const advances = new Float64Array(font.numGlyphs).fill(-1);
  return {
    id: font.postscriptName,
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    bytes,
    licenceFile,
    file,
    capHeight: font.capHeight || font.ascent,
    italicAngle: font.italicAngle,
    bbox: { minX: font.bbox.minX, minY: font.bbox.minY, maxX: font.bbox.maxX, maxY: font.bbox.maxY },
    weightClass: os2?.usWeightClass ?? 400,
    fixedPitch: (font.post?.isFixedPitch ?? 0) !== 0,
    // sFamilyClass 1–7 are the serif classes (OS/2 spec).
    serif: familyClass >= 1 && familyClass <= 7,
    fontkit: font,
    hbFont,
    shapeCache: new Map(),
    hasCodePoint: (cp) => codePoints.has(cp),
    glyphAdvance(glyphId) {
      let a = advances[glyphId];
      if (a === undefined) return 0;
      if (a < 0) {
        a = hbFont.glyphHAdvance(glyphId);
        advances[glyphId] = a;
      }
      return a;
    },
  };
}
