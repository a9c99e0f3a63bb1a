/**
 * OpenType shaping with HarfBuzz, cached for the whole process: shaping is
 * the hot spot of layout, and a handbook repeats its words.
 */
import * as hb from 'harfbuzzjs';
import type { FontFace } from './font-face.js';
import { isInvisibleControl } from './controls.js';

/**
 * Glyphs of one shaped piece, in visual order (left to right, also for RTL),
 * in font units. `cluster` is the UTF-16 offset of the glyph's first character
 * in the piece's text; `textOf` is what the glyph stands for in logical order
 * ('' for the 2nd+ glyph of a cluster, and for glyphs of removed controls).
 */
export interface ShapedRun {
  glyphIds: Uint32Array;
  clusters: Uint32Array;
  xAdvance: Int32Array;
  xOffset: Int32Array;
  yOffset: Int32Array;
  textOf: string[];
  /** Sum of advances, font units. */
  advance: number;
  /** Offsets (in the piece's text) of characters the font drew as .notdef. */
  notdef: number[];
}

export interface ShapeRequest {
  face: FontFace;
  /** The characters to shape, logical order; HarfBuzz mirrors brackets in RTL. */
  text: string;
  rtl: boolean;
  script: string;
  lang: string;
  /** A character before/after the piece that joins with it (Arabic), or ''. */
  before: string;
  after: string;
}

let buffer: hb.Buffer | undefined;

/** Counters for benchmarks and tests: calls, calls not answered by the cache, characters those shaped. */
export const shapeStats = { calls: 0, misses: 0, chars: 0 };

/**
 * Bounds of the shaping cache, so that a long build or `folio watch` holds
 * what a handbook repeats (words, lines of a broken word) and not every long
 * text it ever shaped: longer texts are shaped each time, and a face's cache
 * starts again when full.
 */
const MAX_CACHED_TEXT = 1024;
const MAX_CACHED_RUNS = 200_000;

/** Shapes a piece of text in one face, direction and script; cached per face. */
export function shapeText(req: ShapeRequest): ShapedRun {
  shapeStats.calls++;
  const { face } = req;
  if (req.text.length > MAX_CACHED_TEXT) return shapeUncached(req);
  const key = `${req.rtl ? 'R' : 'L'}${req.script}|${req.lang}|${req.before}|${req.after}|${req.text}`;
  let run = face.shapeCache.get(key);
  if (!run) {
    run = shapeUncached(req);
    if (face.shapeCache.size >= MAX_CACHED_RUNS) face.shapeCache.clear();
    face.shapeCache.set(key, run);
  }
  return run;
}

function shapeUncached(req: ShapeRequest): ShapedRun {
  shapeStats.misses++;
  shapeStats.chars += req.text.length;
  buffer ??= new hb.Buffer();
  const b = buffer;
  b.clearContents();
  const context = req.before + req.text + req.after;
  b.addText(context, req.before.length, req.text.length);
  b.setDirection(req.rtl ? hb.Direction.RTL : hb.Direction.LTR);
  b.setScript(req.script === 'Zzzz' ? 'Zyyy' : req.script);
  if (req.lang) b.setLanguage(req.lang);
  // Marks keep clusters of their own, so each glyph stands for its own
  // character(s). Extractors (poppler, pdf.js) rebuild RTL text by reversing
  // the visual sequence character by character: a base glyph mapped to
  // "letter + mark" would come back as "mark + letter". Invisible controls
  // are removed, not drawn as blanks.
  b.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  b.setFlags(
    hb.BufferFlag.REMOVE_DEFAULT_IGNORABLES |
      (req.before === '' ? hb.BufferFlag.BOT : 0) |
      (req.after === '' ? hb.BufferFlag.EOT : 0),
  );
  hb.shape(req.face.hbFont, b);
  const infos = b.getGlyphInfos();
  const positions = b.getGlyphPositions();
  const n = infos.length;
  const offset = req.before.length;
  const glyphIds = new Uint32Array(n);
  const clusters = new Uint32Array(n);
  const xAdvance = new Int32Array(n);
  const xOffset = new Int32Array(n);
  const yOffset = new Int32Array(n);
  let advance = 0;
  for (let i = 0; i < n; i++) {
    glyphIds[i] = infos[i]!.codepoint;
    clusters[i] = infos[i]!.cluster - offset;
    const p = positions[i]!;
    xAdvance[i] = p.xAdvance;
    xOffset[i] = p.xOffset;
    yOffset[i] = p.yOffset;
    advance += p.xAdvance;
  }
  const { textOf, notdef } = clusterTexts(req.text, glyphIds, clusters, req.rtl);
  return { glyphIds, clusters, xAdvance, xOffset, yOffset, textOf, advance, notdef };
}

/**
 * The characters each glyph stands for: a cluster's characters go to its
 * logically first glyph (the last one of the cluster in RTL visual order).
 */
function clusterTexts(logical: string, glyphIds: Uint32Array, clusters: Uint32Array, rtl: boolean) {
  const n = glyphIds.length;
  const len = logical.length;
  // A cluster ends where the next one starts (typed arrays: pieces can be long).
  const isStart = new Uint8Array(len + 1);
  for (let i = 0; i < n; i++) isStart[clusters[i]!] = 1;
  const endOf = new Uint32Array(len + 1);
  for (let c = len - 1, next = len; c >= 0; c--) {
    endOf[c] = next;
    if (isStart[c]) next = c;
  }
  const textOf = new Array<string>(n).fill('');
  const seen = new Uint8Array(len + 1);
  const notdef: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = rtl ? n - 1 - k : k;
    const c = clusters[i]!;
    if (glyphIds[i] === 0) {
      notdef.push(c);
      continue;
    }
    if (seen[c]) continue;
    seen[c] = 1;
    textOf[i] = visibleText(logical.slice(c, endOf[c]));
  }
  return { textOf, notdef };
}

function visibleText(s: string): string {
  let out = '';
  for (const ch of s) if (!isInvisibleControl(ch.codePointAt(0)!)) out += ch;
  return out;
}
