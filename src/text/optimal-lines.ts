/**
 * Justified paragraphs broken as a whole: the prepared paragraph's segments become break
 * candidates (interword glue, hyphens, breaks after dashes and slashes, forced breaks),
 * Knuth–Plass chooses among them, and the chosen lines are cut from the shaped pieces,
 * shaping again only the fragments of hyphenated words.
 *
 * Falls back (returns undefined) when no set of breaks fits: a word wider than the line, or
 * a paragraph longer than any real one; the greedy filler handles those.
 */
import { BreakKind, knuthPlass, type BreakCandidates } from './knuth-plass.js';
import { hyphenationPoints } from './hyphenate.js';
import { SOFT_HYPHEN, isStretchableSpace } from './controls.js';
import type { LineSpec } from './line-fill.js';
import { splitPieces, type Piece, type PreparedParagraph, type Segment } from './prepare.js';
import { hyphenPiece, hyphenRun } from './hyphen-piece.js';
import { kashidaStretch } from './kashida.js';

export interface OptimalOptions {
  width: number;
  firstLineIndent: number;
  /** Hyphenate words by the paragraph's language. */
  hyphenate: boolean;
  /** Count kashida in Arabic words as stretch (see kashida.ts). */
  kashida: boolean;
}

/** Past this many candidates a "paragraph" is not prose: the greedy filler takes it. */
const MAX_CANDIDATES = 20_000;
/** Interword glue stretches by half a space and shrinks by a third (TeX's Computer Modern). */
const STRETCH = 1 / 2;
export const SHRINK = 1 / 3;
/** TeX's \hyphenpenalty and \exhyphenpenalty. */
const HYPHEN_PENALTY = 50;
/** Tolerance, as an adjustment ratio: the first try, then any lines that fit. */
const RATIOS = [2, Infinity];

const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);

/** Where each candidate sits in the text, for cutting the chosen lines. */
interface Places {
  /** Segment the candidate belongs to. */
  seg: Int32Array;
  /** Text offset where the next line starts if the line ends here (a segment's end, or a hyphen's place). */
  pos: Int32Array;
  /** The word a hyphen candidate breaks, for the text layer: its text range. */
  wordFrom: Int32Array;
  wordTo: Int32Array;
}

export function optimalLines(para: PreparedParagraph, o: OptimalOptions): LineSpec[] | undefined {
  if (para.segments.length === 0 || para.segments.length > MAX_CANDIDATES) return undefined;
  const built = buildCandidates(para, o);
  if (!built) return undefined;
  const { candidates, places } = built;
  for (const maxRatio of RATIOS) {
    const breaks = knuthPlass(candidates, { width: o.width, firstWidth: Math.max(0, o.width - o.firstLineIndent), maxRatio });
    if (breaks) return cutLines(para, candidates, places, breaks);
  }
  return undefined;
}

/** Growable typed arrays for the candidates. */
class CandidateRows {
  length = 0;
  private cap = 64;
  box = new Float64Array(this.cap);
  boxStretch = new Float64Array(this.cap);
  boxShrink = new Float64Array(this.cap);
  kind = new Uint8Array(this.cap);
  glue = new Float64Array(this.cap);
  stretch = new Float64Array(this.cap);
  shrink = new Float64Array(this.cap);
  penaltyWidth = new Float64Array(this.cap);
  penalty = new Float64Array(this.cap);
  flagged = new Uint8Array(this.cap);
  seg = new Int32Array(this.cap);
  pos = new Int32Array(this.cap);
  wordFrom = new Int32Array(this.cap);
  wordTo = new Int32Array(this.cap);

  /** One candidate: the box before it, then the break (positional: this runs once per word). */
  push(box: number, boxStretch: number, boxShrink: number, kind: number, glue: number, stretch: number, shrink: number,
    penaltyWidth: number, penalty: number, flagged: boolean, seg: number, pos: number, word?: readonly [number, number]): void {
    if (this.length === this.cap) this.grow();
    const k = this.length++;
    this.box[k] = box;
    this.boxStretch[k] = boxStretch;
    this.boxShrink[k] = boxShrink;
    this.kind[k] = kind;
    this.glue[k] = glue;
    this.stretch[k] = stretch;
    this.shrink[k] = shrink;
    this.penaltyWidth[k] = penaltyWidth;
    this.penalty[k] = penalty;
    this.flagged[k] = flagged ? 1 : 0;
    this.seg[k] = seg;
    this.pos[k] = pos;
    this.wordFrom[k] = word ? word[0] : -1;
    this.wordTo[k] = word ? word[1] : -1;
  }

  private grow(): void {
    this.cap *= 2;
    for (const key of ['box', 'boxStretch', 'boxShrink', 'glue', 'stretch', 'shrink', 'penaltyWidth', 'penalty'] as const) {
      const bigger = new Float64Array(this.cap);
      bigger.set(this[key]);
      this[key] = bigger;
    }
    for (const key of ['kind', 'flagged'] as const) {
      const bigger = new Uint8Array(this.cap);
      bigger.set(this[key]);
      this[key] = bigger;
    }
    for (const key of ['seg', 'pos', 'wordFrom', 'wordTo'] as const) {
      const bigger = new Int32Array(this.cap);
      bigger.set(this[key]);
      this[key] = bigger;
    }
  }
}

function buildCandidates(para: PreparedParagraph, o: OptimalOptions): { candidates: BreakCandidates; places: Places } | undefined {
  const rows = new CandidateRows();
  const { segments, text } = para;
  const isolated = isolatedRanges(text);
  const hyphenWidth = new Map<Piece['face'], number>();
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    if (seg.contentWidth > o.width + 1e-6) return undefined; // a word wider than the line: greedy breaks it
    const last = s === segments.length - 1;
    const wholeWord = !last && !seg.forced && seg.end > seg.contentEnd && (s === 0 || segments[s - 1]!.end > segments[s - 1]!.contentEnd);
    const points = o.hyphenate && wholeWord ? wordPoints(para, seg, isolated) : undefined;
    const inner = trailingSpaces(seg, false);
    let boxStretch = inner * STRETCH + (o.kashida ? kashidaStretch(para, seg) : 0);
    let boxShrink = inner * SHRINK;
    let from = seg.start;
    let used = 0;
    if (points) {
      const advances = advanceByOffset(seg);
      const word: [number, number] = [seg.start, seg.contentEnd];
      const hw = hyphenWidthFor(para, seg, hyphenWidth);
      for (const p of points) {
        let w = 0;
        for (let i = from; i < p; i++) w += advances[i - seg.start]!;
        rows.push(w, boxStretch, boxShrink, BreakKind.Penalty, 0, 0, 0, hw, HYPHEN_PENALTY, true, s, p, word);
        boxStretch = 0;
        boxShrink = 0;
        used += w;
        from = p;
      }
    }
    const box = Math.max(0, seg.contentWidth - used);
    const spaces = trailingSpaces(seg, true);
    const glue = seg.width - seg.contentWidth;
    const endsWith = seg.contentEnd > seg.start ? text.charCodeAt(seg.contentEnd - 1) : 0;
    if (seg.forced || last) rows.push(box, boxStretch, boxShrink, BreakKind.Forced, glue, 0, 0, 0, 0, false, s, seg.end);
    else if (seg.end > seg.contentEnd) rows.push(box, boxStretch, boxShrink, BreakKind.Glue, glue, spaces * STRETCH, spaces * SHRINK, 0, 0, false, s, seg.end);
    else if (endsWith === SOFT_HYPHEN) rows.push(box, boxStretch, boxShrink, BreakKind.Penalty, glue, spaces * STRETCH, spaces * SHRINK, hyphenWidthFor(para, seg, hyphenWidth), HYPHEN_PENALTY, true, s, seg.end, softHyphenWord(para, s));
    else if (DASHES.has(text[seg.contentEnd - 1] ?? '')) rows.push(box, boxStretch, boxShrink, BreakKind.Penalty, glue, spaces * STRETCH, spaces * SHRINK, 0, HYPHEN_PENALTY, true, s, seg.end);
    else rows.push(box, boxStretch, boxShrink, BreakKind.Penalty, glue, spaces * STRETCH, spaces * SHRINK, 0, 0, false, s, seg.end);
  }
  if (rows.length > MAX_CANDIDATES) return undefined;
  // The box's own stretchable spaces (no-break spaces inside a segment) stretch with the glue.
  const candidates: BreakCandidates = rows;
  return { candidates, places: { seg: rows.seg, pos: rows.pos, wordFrom: rows.wordFrom, wordTo: rows.wordTo } };
}

/**
 * Hyphenation points of a segment that is one word (with its punctuation): none in a link,
 * code, a data value (isolated), right-to-left text, or a script the patterns do not cover.
 */
function wordPoints(para: PreparedParagraph, seg: Segment, isolated: (at: number) => boolean): number[] | undefined {
  for (const p of seg.pieces) {
    if (p.trailing) continue;
    if (p.style.link || p.style.family === 'mono' || (p.level & 1) === 1 || !HYPHENATED_SCRIPTS.has(p.script)) return undefined;
  }
  const { text } = para;
  let a = seg.start;
  let b = seg.contentEnd;
  while (a < b && !/[\p{L}]/u.test(text[a]!)) a++;
  while (b > a && !/[\p{L}\p{M}]/u.test(text[b - 1]!)) b--;
  if (b - a < 5 || isolated(a)) return undefined;
  const points = hyphenationPoints(text.slice(a, b), para.lang);
  return points.length > 0 ? points.map((p) => p + a) : undefined;
}

const HYPHENATED_SCRIPTS = new Set(['Latn', 'Grek', 'Cyrl']);

/** Whether an offset is inside a bidi isolate (FSI/LRI/RLI … PDI): a data value, never hyphenated. */
function isolatedRanges(text: string): (at: number) => boolean {
  if (!/[\u2066-\u2069]/.test(text)) return () => false;
  const depth = new Uint16Array(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2066 && c <= 0x2068) d++;
    else if (c === 0x2069 && d > 0) d--;
    depth[i] = d;
  }
  return (at) => depth[at]! > 0;
}

/** Advance per UTF-16 offset of the segment's content, pt (a cluster's glyphs at its first character). */
function advanceByOffset(seg: Segment): Float64Array {
  const out = new Float64Array(seg.contentEnd - seg.start);
  for (const p of seg.pieces) {
    if (p.trailing) continue;
    const scale = p.size / p.face.unitsPerEm;
    for (let g = 0; g < p.run.glyphIds.length; g++) out[p.start + p.run.clusters[g]! - seg.start] += p.run.xAdvance[g]! * scale;
  }
  return out;
}

/** Width of the stretchable spaces of a segment: the hanging ones, or those inside (no-break spaces). */
function trailingSpaces(seg: Segment, hanging: boolean): number {
  let w = 0;
  for (const p of seg.pieces) {
    if (p.trailing !== hanging) continue;
    const scale = p.size / p.face.unitsPerEm;
    for (let g = 0; g < p.run.glyphIds.length; g++) if (isStretchableSpace(p.run.textOf[g]!)) w += p.run.xAdvance[g]! * scale;
  }
  return w;
}

/** The last content piece of a segment: the hyphen is set in its face and size. */
function lastContentPiece(seg: Segment): Piece | undefined {
  for (let i = seg.pieces.length - 1; i >= 0; i--) if (!seg.pieces[i]!.trailing) return seg.pieces[i];
  return undefined;
}

function hyphenWidthFor(para: PreparedParagraph, seg: Segment, cache: Map<Piece['face'], number>): number {
  const p = lastContentPiece(seg);
  if (!p) return 0;
  let units = cache.get(p.face);
  if (units === undefined) {
    units = hyphenRun(para, p).advance;
    cache.set(p.face, units);
  }
  return (units * p.size) / p.face.unitsPerEm;
}

/** The text range of a word written with soft hyphens, one of which ends segment s. */
function softHyphenWord(para: PreparedParagraph, s: number): [number, number] {
  const { segments, text } = para;
  const joined = (k: number) => segments[k]!.end === segments[k]!.contentEnd && text.charCodeAt(segments[k]!.contentEnd - 1) === SOFT_HYPHEN;
  let first = s;
  while (first > 0 && joined(first - 1)) first--;
  let last = s;
  while (last + 1 < segments.length && joined(last)) last++;
  return [segments[first]!.start, segments[last]!.contentEnd];
}

function visible(s: string): string {
  return s.replace(/[\u00ad\u2066-\u2069]/g, '');
}

/**
 * The chosen lines as pieces. A hyphenated word's first fragment carries the whole word as its
 * text (the PDF's ActualText), its later fragments none, and the hyphen draws without text: a
 * copied or extracted word comes out whole.
 */
function cutLines(para: PreparedParagraph, c: BreakCandidates, places: Places, breaks: number[]): LineSpec[] {
  const { segments, text } = para;
  const lines: LineSpec[] = [];
  let startPos = segments[0]!.start;
  let startSeg = 0;
  /** End of the hyphenated word the previous line broke, continued at this line's start. */
  let continuedTo = -1;
  for (const b of breaks) {
    const endSeg = places.seg[b]!;
    const hyphen = c.flagged[b] === 1 && c.penaltyWidth[b]! > 0;
    const endPos = places.pos[b]!;
    const pieces: Piece[] = [];
    for (let s = startSeg; s <= endSeg; s++) {
      const seg = segments[s]!;
      const lo = s === startSeg ? startPos : seg.start;
      const hi = s === endSeg ? Math.min(endPos, seg.end) : seg.end;
      if (lo === seg.start && hi === seg.end) {
        for (const p of seg.pieces) pieces.push(p);
        continue;
      }
      splitPieces(para, lo, Math.min(hi, seg.contentEnd), false, seg.start, seg.contentEnd, pieces);
      if (hi === seg.end) for (const p of seg.pieces) if (p.trailing) pieces.push(p);
    }
    if (continuedTo > startPos) markText(pieces, (p) => p.start < continuedTo, '');
    if (hyphen) {
      const from = places.wordFrom[b]!;
      const to = places.wordTo[b]!;
      if (from >= startPos) markText(pieces, (p) => p.start >= from, visible(text.slice(from, to)));
      const last = lastDrawn(pieces);
      if (last) pieces.push(hyphenPiece(para, last, endPos));
      continuedTo = to;
    } else continuedTo = -1;
    let end = pieces.length;
    while (end > 0 && pieces[end - 1]!.trailing) end--;
    lines.push({ pieces: pieces.slice(0, end), forced: c.kind[b] === BreakKind.Forced && b !== c.length - 1, last: false, start: startPos });
    startPos = endPos;
    startSeg = endPos >= segments[endSeg]!.end ? endSeg + 1 : endSeg;
  }
  const lastLine = lines[lines.length - 1];
  if (lastLine) {
    lastLine.last = true;
    lastLine.forced = segments[segments.length - 1]!.forced;
  }
  return lines;
}

function lastDrawn(pieces: Piece[]): Piece | undefined {
  for (let i = pieces.length - 1; i >= 0; i--) if (!pieces[i]!.trailing) return pieces[i];
  return undefined;
}

/** Copies of the (non-hanging) pieces `which` picks, whose glyphs extract as `text` (once) or nothing. */
function markText(pieces: Piece[], which: (p: Piece) => boolean, text: string): void {
  const actual = { text };
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (!p.trailing && which(p)) pieces[i] = { ...p, actual };
  }
}
