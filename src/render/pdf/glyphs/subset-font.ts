/**
 * One face embedded as a subset Type 0 font: CIDFontType2, Identity-H,
 * CIDToGIDMap Identity (CID = glyph id in the subset), W widths, FontDescriptor,
 * FontFile2 and a ToUnicode CMap (PDF 32000-1:2008 §9.7, §9.8, §9.10).
 */
import { createHash } from 'node:crypto';
import type { FontkitSubset } from 'fontkit';
import { PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { FontFace } from '../../../text/fonts.js';
import { buildToUnicodeCMap } from './to-unicode.js';
import { ByteMemo } from '../../byte-memo.js';

/**
 * Subsets encoded once per process, by face and glyph sequence: the forms of a language embed
 * the same repertoire (0.4 s of a cold build was fontkit encoding them again). fontkit's encoding
 * depends on the glyph sequence alone; `glyphs` is the sequence after it (composite glyphs'
 * components appended).
 */
const encodedSubsets = new ByteMemo<{ bytes: Uint8Array; glyphs: number[] }>((e) => e.bytes.length + 4 * e.glyphs.length, 0);

/** A face by its bytes: two files may carry one PostScript name, and a file may change in `folio watch`. */
const faceDigests = new WeakMap<FontFace, string>();

function subsetKey(face: FontFace, glyphs: readonly number[]): Uint8Array {
  let digest = faceDigests.get(face);
  if (digest === undefined) {
    digest = createHash('sha1').update(face.bytes).digest('base64');
    faceDigests.set(face, digest);
  }
  const id = new TextEncoder().encode(`${digest}\n`);
  const key = new Uint8Array(id.length + 4 * glyphs.length);
  key.set(id);
  const view = new DataView(key.buffer);
  glyphs.forEach((g, i) => view.setUint32(id.length + 4 * i, g));
  return key;
}

export class SubsetFont {
  /** Reserved now, filled by {@link finalize}, so pages can refer to the font before it exists. */
  readonly ref: PDFRef;
  private readonly subset: FontkitSubset;
  /** CID per (glyph, text): a numeric key when the text is one UTF-16 unit (the common case), else a string key. */
  private readonly cidsByUnit = new Map<number, number>();
  private readonly cids = new Map<string, number>();
  /** Text per CID ('' = no ToUnicode entry). */
  private readonly texts: string[] = [''];
  /** Advance per CID in PDF glyph space (1/1000 em), rounded as written in W. */
  private readonly widths: number[] = [0];

  constructor(
    private readonly doc: PDFDocument,
    readonly face: FontFace,
    /** Resource name on pages, e.g. `FolioF1`. */
    readonly resourceName: string,
  ) {
    this.ref = doc.context.nextRef();
    this.subset = face.fontkit.createSubset();
  }

  /**
   * The CID that draws `glyphId` and extracts as `text`. One glyph id drawn
   * with two texts (a space for U+0020 and NBSP, a bracket mirrored in RTL)
   * gets a second CID with the same outline, so ToUnicode stays exact.
   */
  cidFor(glyphId: number, text: string, variant = 0): number {
    // `variant`: the same glyph and text under another CID, to be given a width of its own (a vowel mark).
    const unitKey = text.length === 1 && variant === 0 ? glyphId * 0x10000 + text.charCodeAt(0) : -1;
    const key = unitKey < 0 ? `${glyphId}|${text}|${variant}` : '';
    let cid = unitKey < 0 ? this.cids.get(key) : this.cidsByUnit.get(unitKey);
    if (cid === undefined) {
      if (this.subset.mapping[glyphId] === undefined) {
        cid = this.subset.includeGlyph(glyphId);
      } else {
        this.subset.glyphs.push(glyphId);
        cid = this.subset.glyphs.length - 1;
      }
      if (cid > 0xffff) throw new Error(`Bug: more than 65535 glyphs used from ${this.face.id}.`);
      if (unitKey < 0) this.cids.set(key, cid);
      else this.cidsByUnit.set(unitKey, cid);
      this.texts[cid] = text;
      this.widths[cid] = pdfWidth(this.face, glyphId);
    }
    return cid;
  }

  /**
   * Raises the W width of a CID to the widest advance it was drawn with. Text extractors
   * (poppler) read a gap between a glyph's W width and the next glyph as a word break; shaped
   * Arabic often advances a glyph further than its default width (cursive joins, kerning),
   * which split words in copied text. A wider W changes nothing visible: positions are absolute.
   */
  widen(cid: number, width: number): void {
    // In whole font units, as the subset's hmtx will say it (PDF/A-2 6.2.11.5: W and the font agree).
    const upem = this.face.unitsPerEm;
    const rounded = Math.round((Math.ceil((width * upem) / 1000) * 100000) / upem) / 100;
    if (rounded > (this.widths[cid] ?? 0)) this.widths[cid] = rounded;
  }

  /** Advance of a CID in PDF glyph space, as written in W. */
  widthOf(cid: number): number {
    return this.widths[cid] ?? 0;
  }

  /** Writes the font objects into the document at {@link ref}. */
  finalize(): void {
    const { context } = this.doc;
    const face = this.face;
    const used = this.subset.glyphs.slice();
    const encoded = encodedSubsets.get(subsetKey(face, used), () => ({ bytes: this.subset.encode(), glyphs: this.subset.glyphs.slice() }));
    this.subset.glyphs = encoded.glyphs.slice();
    // Components of composite glyphs were appended by encode(): give them widths too.
    for (let cid = this.widths.length; cid < this.subset.glyphs.length; cid++) {
      this.widths[cid] = pdfWidth(face, this.subset.glyphs[cid]!);
      this.texts[cid] = '';
    }
    // Widened CIDs (see widen) get the same advance in the font program's hmtx as in W.
    const advances = new Map<number, number>();
    this.widths.forEach((w, cid) => {
      if (cid > 0 && w !== pdfWidth(face, this.subset.glyphs[cid]!)) advances.set(cid, Math.round((w * face.unitsPerEm) / 1000));
    });
    const bytes = advances.size > 0 ? withAdvances(encoded.bytes, advances) : encoded.bytes;
    const baseFont = `${subsetTag(face.id, used, this.texts)}+${face.postscriptName}`;
    const scale = 1000 / face.unitsPerEm;
    const fontFile = context.flateStream(bytes, { Length1: bytes.length });
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: fontFlags(face),
      FontBBox: [face.bbox.minX, face.bbox.minY, face.bbox.maxX, face.bbox.maxY].map((v) => Math.round(v * scale)),
      ItalicAngle: face.italicAngle,
      Ascent: Math.round(face.ascent * scale),
      Descent: Math.round(face.descent * scale),
      CapHeight: Math.round(face.capHeight * scale),
      // Not in the font: the usual estimate from the weight class.
      StemV: Math.round(50 + (face.weightClass / 65) ** 2),
      FontFile2: context.register(fontFile),
    });
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: context.register(descriptor),
      W: widthsArray(this.widths),
      CIDToGIDMap: 'Identity',
    });
    const toUnicode = context.flateStream(buildToUnicodeCMap(this.texts));
    const type0 = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(toUnicode),
    });
    context.assign(this.ref, type0);
  }
}

/** Advance in 1/1000 em, to two decimals: the same value goes into W and into TJ arithmetic. */
function pdfWidth(face: FontFace, glyphId: number): number {
  return Math.round((face.glyphAdvance(glyphId) * 100000) / face.unitsPerEm) / 100;
}

/** `W` (§9.7.4.3): CIDs are allocated densely from 1, so one run `[1 [w1 w2 …]]`. */
function widthsArray(widths: number[]): (number | number[])[] {
  return widths.length > 1 ? [1, widths.slice(1)] : [];
}

/** FontDescriptor flags (§9.8.2): FixedPitch 1, Serif 2, Symbolic 4, Italic 64. */
function fontFlags(face: FontFace): number {
  // Symbolic: the glyphs are reached by CID, not a standard Latin encoding.
  return (face.fixedPitch ? 1 : 0) | (face.serif ? 2 : 0) | 4 | (face.italicAngle !== 0 ? 64 : 0);
}

/** Six capital letters derived from the glyph set (§9.6.4): same glyphs, same name. */
function subsetTag(id: string, glyphs: number[], texts: string[]): string {
  const hash = createHash('sha256').update(id).update(Uint32Array.from(glyphs)).update(texts.join('\u0000')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (hash[i]! % 26));
  return tag;
}

/**
 * A TrueType font with some glyphs' advance widths changed in hmtx (the glyphs must have long
 * metrics, as fontkit's subsets give every glyph), the table's and the font's checksums
 * recomputed (OpenType: table directory, head.checkSumAdjustment). A copy; the input is kept.
 */
export function withAdvances(font: Uint8Array, advances: ReadonlyMap<number, number>): Uint8Array {
  const out = font.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, { record: number; offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(out[record]!, out[record + 1]!, out[record + 2]!, out[record + 3]!);
    tables.set(tag, { record, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const head = tables.get('head');
  if (!hhea || !hmtx || !head) return font;
  const longMetrics = view.getUint16(hhea.offset + 34);
  for (const [glyph, advance] of advances) {
    if (glyph < longMetrics && advance >= 0 && advance <= 0xffff) view.setUint16(hmtx.offset + 4 * glyph, advance);
  }
  const sum = (offset: number, length: number) => {
    let total = 0;
    for (let i = 0; i < length; i += 4) {
      const word = (out[offset + i]! << 24) | ((out[offset + i + 1] ?? 0) << 16) | ((out[offset + i + 2] ?? 0) << 8) | (out[offset + i + 3] ?? 0);
      total = (total + (word >>> 0)) >>> 0;
    }
    return total;
  };
  view.setUint32(hmtx.record + 4, sum(hmtx.offset, hmtx.length));
  view.setUint32(head.offset + 8, 0);
  view.setUint32(head.offset + 8, (0xb1b0afba - sum(0, out.length)) >>> 0);
  return out;
}
