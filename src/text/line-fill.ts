/**
 * Greedy line filling over break opportunities. A word wider than the line
 * is broken between grapheme clusters as a last resort, so no line is wider
 * than the box unless a single grapheme is.
 */
import { splitPieces, type Piece, type PreparedParagraph, type Segment } from './prepare.js';

export interface LineSpec {
  /** Pieces in logical order, hanging spaces at the end removed. */
  pieces: Piece[];
  /** Ends with a forced break. */
  forced: boolean;
  /** The paragraph's last line. */
  last: boolean;
  /** UTF-16 index the line starts at (for empty lines: where the break is). */
  start: number;
}

/** Tolerance for floating-point sums of advances. */
const EPSILON = 1e-6;

let graphemes: Intl.Segmenter | undefined;

export function fillLines(para: PreparedParagraph, width: number, firstLineIndent: number): LineSpec[] {
  const lines: LineSpec[] = [];
  let cur: Piece[] = [];
  let curWidth = 0;
  let curStart = 0;
  const avail = () => Math.max(0, lines.length === 0 ? width - firstLineIndent : width);
  const push = (forced: boolean) => {
    let end = cur.length;
    while (end > 0 && cur[end - 1]!.trailing) end--;
    lines.push({ pieces: cur.slice(0, end), forced, last: false, start: curStart });
    cur = [];
    curWidth = 0;
  };
  for (const original of para.segments) {
    let seg: Segment = original;
    if (cur.length > 0 && curWidth + seg.contentWidth > avail() + EPSILON) push(false);
    if (cur.length === 0) curStart = seg.start;
    while (cur.length === 0 && seg.contentWidth > avail() + EPSILON) {
      const [head, rest] = splitSegment(para, seg, avail());
      cur = head;
      curStart = seg.start;
      push(false);
      seg = rest;
      curStart = seg.start;
    }
    cur.push(...seg.pieces);
    curWidth += seg.width;
    if (seg.forced) {
      push(true);
      curStart = seg.end;
    }
  }
  // A forced break at the very end opens no extra line (like HTML's <br>);
  // text of nothing but undrawable characters still makes one (empty) line.
  const last = para.segments[para.segments.length - 1];
  if (cur.length > 0 || (lines.length === 0 && last !== undefined && !last.forced)) push(false);
  if (lines.length > 0) lines[lines.length - 1]!.last = true;
  return lines;
}

/**
 * Splits an over-wide segment: the longest run of whole grapheme clusters
 * that fits (at least one), and the rest as a new segment.
 */
function splitSegment(para: PreparedParagraph, seg: Segment, avail: number): [Piece[], Segment] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const text = para.text.slice(seg.start, seg.contentEnd);
  const bounds: number[] = [];
  for (const g of graphemes.segment(text)) if (g.index > 0) bounds.push(seg.start + g.index);
  bounds.push(seg.contentEnd);
  // Estimate each prefix's width from the shaped clusters, then check by shaping.
  const advanceAt = new Float64Array(seg.contentEnd - seg.start + 1);
  for (const p of seg.pieces) {
    if (p.trailing) continue;
    const scale = p.size / p.face.unitsPerEm;
    for (let g = 0; g < p.run.glyphIds.length; g++) advanceAt[p.start + p.run.clusters[g]! - seg.start] += p.run.xAdvance[g]! * scale;
  }
  let k = 0;
  let sum = 0;
  for (let b = 0, at = seg.start; b < bounds.length; b++) {
    for (; at < bounds[b]!; at++) sum += advanceAt[at - seg.start]!;
    if (sum > avail + EPSILON) break;
    k = b;
  }
  for (;;) {
    const cut = bounds[k]!;
    const head = piecesFor(para, seg.start, cut, seg.start, seg.contentEnd);
    if (k === 0 || widthOf(head) <= avail + EPSILON) {
      const rest: Piece[] = piecesFor(para, cut, seg.contentEnd, seg.start, seg.contentEnd);
      const contentWidth = widthOf(rest);
      const trailing = seg.pieces.filter((p) => p.trailing);
      rest.push(...trailing);
      return [head, { ...seg, start: cut, pieces: rest, contentWidth, width: contentWidth + widthOf(trailing) }];
    }
    k--;
  }
}

function piecesFor(para: PreparedParagraph, from: number, to: number, ctxFrom: number, ctxTo: number): Piece[] {
  const out: Piece[] = [];
  splitPieces(para, from, to, false, ctxFrom, ctxTo, out);
  return out;
}

function widthOf(pieces: Piece[]): number {
  let w = 0;
  for (const p of pieces) w += p.width;
  return w;
}
