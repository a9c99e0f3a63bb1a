/**
 * Turns styled spans into shaped pieces grouped by break opportunity: the
 * input of line filling. A piece is text of one style, one face, one bidi
 * level and one script; a segment runs from one break opportunity to the next
 * and ends with its hanging spaces in pieces of their own.
 */
import { resolveLevels } from './bidi.js';
import { BREAK_ALLOWED, BREAK_REQUIRED, findBreaks } from './breaks.js';
import { chooseFaces, missingChar } from './choose-faces.js';
import { isBreakingSpace, isForcedBreak, isInvisibleControl } from './controls.js';
import type { FontFace, FontLibrary } from './fonts.js';
import { isJoiningScript, resolveScripts } from './scripts.js';
import { shapeText, type ShapedRun } from './shape.js';
import { baselineRise, effectiveSize, type StyledSpan, type TextStyle } from './style.js';

export interface MissingChar {
  codePoint: number;
  char: string;
  place?: StyledSpan['place'];
}

export interface Piece {
  /** UTF-16 range in the paragraph text. */
  start: number;
  end: number;
  style: TextStyle;
  face: FontFace;
  level: number;
  script: string;
  /** Size glyphs are drawn at, pt. */
  size: number;
  /** Baseline shift, pt (superscript). */
  rise: number;
  run: ShapedRun;
  /** Advance width, pt. */
  width: number;
  /** Spaces hanging at the end of a segment: dropped at a line end. */
  trailing: boolean;
  /**
   * What the piece's glyphs stand for in extracted text, when not their own characters: the
   * first fragment of a hyphenated word carries the whole word, the later ones '' (ActualText).
   */
  actual?: { text: string };
}

export interface Segment {
  start: number;
  end: number;
  /** End of the content before the hanging spaces. */
  contentEnd: number;
  pieces: Piece[];
  /** Width without the hanging spaces, pt. */
  contentWidth: number;
  /** Width with them, pt. */
  width: number;
  /** Ends with a forced break (`\n` or another mandatory break: see isForcedBreak). */
  forced: boolean;
}

export interface PreparedParagraph {
  fonts: FontLibrary;
  text: string;
  lang: string;
  levels: Uint8Array;
  baseLevel: number;
  scripts: string[];
  /** Span index per UTF-16 unit. */
  spanOf: Uint32Array;
  /** Index into `faces` per UTF-16 unit; -1: nothing to draw (break, control, missing character). */
  faceOf: Int32Array;
  faces: FontFace[];
  spans: StyledSpan[];
  /** Style group per span: spans with equal styles share one, so they shape together. */
  styleGroupOf: number[];
  segments: Segment[];
  missing: MissingChar[];
}

/** Prepares a paragraph: bidi levels, breaks, fonts per character, shaped pieces. */
export function prepareParagraph(
  fonts: FontLibrary,
  spans: StyledSpan[],
  direction: 'ltr' | 'rtl' | 'auto',
  lang: string,
): PreparedParagraph {
  const parts = spans.map((span) => normalizeText(span.text));
  const text = parts.join('');
  const spanOf = new Uint32Array(text.length);
  for (let s = 0, at = 0; s < parts.length; s++) {
    spanOf.fill(s, at, at + parts[s]!.length);
    at += parts[s]!.length;
  }
  const styleKeys = new Map<string, number>();
  const styleGroupOf = spans.map((span) => {
    const key = styleKey(span.style);
    let g = styleKeys.get(key);
    if (g === undefined) {
      g = styleKeys.size;
      styleKeys.set(key, g);
    }
    return g;
  });

  const { levels, baseLevel } = resolveLevels(text, direction);
  const scripts = resolveScripts(text);
  const para: PreparedParagraph = {
    fonts,
    text,
    lang,
    levels,
    baseLevel,
    scripts,
    spanOf,
    faceOf: new Int32Array(text.length),
    faces: [],
    spans,
    styleGroupOf,
    segments: [],
    missing: [],
  };
  chooseFaces(para);
  const breaks = findBreaks(text);
  keepAddressesWhole(text, spans, spanOf, breaks);
  let segStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || breaks[i]! >= BREAK_ALLOWED) {
      para.segments.push(buildSegment(para, segStart, i));
      segStart = i;
    }
  }
  return para;
}

/**
 * Inside a link, between two characters that are not spaces (an e-mail address, a URL), a line
 * may break only after `/` or `@`, never at a hyphen or a dot: UAX #14 would break
 * "lmh-rabat-secretariat@…" after each hyphen, and a reader could not tell the hyphen from a
 * hyphenation. Spaces in a link's words still break as usual.
 */
function keepAddressesWhole(text: string, spans: readonly StyledSpan[], spanOf: Uint32Array, breaks: Uint8Array): void {
  for (let i = 1; i < text.length; i++) {
    const link = spans[spanOf[i]!]!.style.link;
    if (!link || spans[spanOf[i - 1]!]!.style.link !== link || breaks[i] === BREAK_REQUIRED) continue;
    const before = text[i - 1]!;
    const after = text[i]!;
    if (/\s/.test(before) || /\s/.test(after)) continue;
    breaks[i] = (before === '/' || before === '@') && after !== '/' ? BREAK_ALLOWED : 0;
  }
}

function normalizeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

function styleKey(s: TextStyle): string {
  return `${s.family}|${s.bold ? 1 : 0}|${s.italic ? 1 : 0}|${s.size}|${s.color?.join(',') ?? ''}|${s.link ?? ''}|${s.linkTitle ?? ''}|${s.superscript ? 1 : 0}`;
}

function buildSegment(para: PreparedParagraph, start: number, end: number): Segment {
  const { text } = para;
  let contentEnd = end;
  while (contentEnd > start) {
    const c = text.charCodeAt(contentEnd - 1);
    if (isForcedBreak(c) || isBreakingSpace(c) || (isInvisibleControl(c) && contentEnd - 1 > start && isBreakingSpace(text.charCodeAt(contentEnd - 2)))) contentEnd--;
    else break;
  }
  const pieces: Piece[] = [];
  splitPieces(para, start, contentEnd, false, start, contentEnd, pieces);
  let contentWidth = 0;
  for (const p of pieces) contentWidth += p.width;
  splitPieces(para, contentEnd, end, true, start, contentEnd, pieces);
  let width = 0;
  for (const p of pieces) width += p.width;
  return { start, end, contentEnd, pieces, contentWidth, width, forced: end > start && isForcedBreak(text.charCodeAt(end - 1)) };
}

/**
 * Splits [from, to) into pieces of one style, face, level and script, shaped.
 * Characters in [ctxFrom, ctxTo) outside the range give joining context.
 */
export function splitPieces(
  para: PreparedParagraph,
  from: number,
  to: number,
  trailing: boolean,
  ctxFrom: number,
  ctxTo: number,
  out: Piece[],
): void {
  const { faceOf, levels, scripts, spanOf, styleGroupOf } = para;
  let i = from;
  while (i < to) {
    if (faceOf[i]! < 0) {
      i++;
      continue;
    }
    const f = faceOf[i]!;
    const level = levels[i]!;
    const script = scripts[i]!;
    const group = styleGroupOf[spanOf[i]!]!;
    let j = i + 1;
    while (j < to) {
      const fj = faceOf[j]!;
      if (fj < 0) break;
      if (fj !== f || scripts[j] !== script || styleGroupOf[spanOf[j]!] !== group) break;
      if (levels[j] !== level) break;
      j++;
    }
    out.push(makePiece(para, i, j, f, level, script, trailing, ctxFrom, ctxTo));
    i = j;
  }
}

function makePiece(
  para: PreparedParagraph,
  start: number,
  end: number,
  f: number,
  level: number,
  script: string,
  trailing: boolean,
  ctxFrom: number,
  ctxTo: number,
): Piece {
  const { text } = para;
  const face = para.faces[f]!;
  const style = para.spans[para.spanOf[start]!]!.style;
  const logical = text.slice(start, end);
  // HarfBuzz mirrors brackets itself in RTL buffers (UAX #9 L4), so the
  // text goes in logical and unmirrored.
  const rtl = (level & 1) === 1;
  let before = '';
  let after = '';
  if (!trailing && isJoiningScript(script)) {
    if (start > ctxFrom && para.faceOf[start - 1]! >= 0) before = text[start - 1]!;
    if (end < ctxTo && para.faceOf[end]! >= 0) after = text[end]!;
  }
  const run = shapeText({ face, text: logical, rtl, script, lang: para.lang, before, after });
  if (run.notdef.length > 0) reportNotdef(para, start, run.notdef);
  const size = effectiveSize(style);
  return {
    start,
    end,
    style,
    face,
    level,
    script,
    size,
    rise: baselineRise(style),
    run,
    width: (run.advance * size) / face.unitsPerEm,
    trailing,
  };
}

function reportNotdef(para: PreparedParagraph, start: number, offsets: number[]): void {
  for (const o of offsets) {
    const cp = para.text.codePointAt(start + o)!;
    if (isInvisibleControl(cp)) continue;
    const span = para.spans[para.spanOf[start + o]!]!;
    if (!para.missing.some((m) => m.codePoint === cp && m.place === span.place)) para.missing.push(missingChar(cp, span));
  }
}
