/**
 * Greedy line filling over break opportunities. A word wider than the line
 * is broken between grapheme clusters as a last resort, so no line is wider
 * than the box unless a single grapheme is.
 */
import { SOFT_HYPHEN, isInvisibleControl } from './controls.js';
import { graphemeBounds } from './graphemes.js';
import { hyphenPiece } from './hyphen-piece.js';
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

export function fillLines(para: PreparedParagraph, width: number, firstLineIndent: number): LineSpec[] {
  const lines: LineSpec[] = [];
  let cur: Piece[] = [];
  let curWidth = 0;
  let curStart = 0;
  const avail = () => Math.max(0, lines.length === 0 ? width - firstLineIndent : width);
  // The last segment put on the line: a line ending at a soft hyphen written in the text shows a hyphen.
  let lastSeg: Segment | undefined;
  const push = (forced: boolean) => {
    let end = cur.length;
    while (end > 0 && cur[end - 1]!.trailing) end--;
    const pieces = cur.slice(0, end);
    if (!forced && lastSeg && lastSeg.end === lastSeg.contentEnd && para.text.charCodeAt(lastSeg.contentEnd - 1) === SOFT_HYPHEN && pieces.length > 0) {
      pieces.push(hyphenPiece(para, pieces[pieces.length - 1]!, lastSeg.contentEnd));
    }
    lastSeg = undefined;
    lines.push({ pieces, forced, last: false, start: curStart });
    cur = [];
    curWidth = 0;
  };
  for (const original of para.segments) {
    let seg: Segment = original;
    if (cur.length > 0 && curWidth + seg.contentWidth > avail() + EPSILON) {
      // Hanging spaces (and invisible controls) alone make no line: a line
      // starting with spaces before a word too wide for it would be blank.
      if (drawsSomething(cur)) push(false);
      else {
        cur = [];
        curWidth = 0;
      }
    }
    if (cur.length === 0) curStart = seg.start;
    if (cur.length === 0 && seg.contentWidth > avail() + EPSILON) {
      seg = breakWord(para, seg, avail, (head, start) => {
        cur = head;
        curStart = start;
        push(false);
      });
      curStart = seg.start;
    }
    // A loop, not push(...): a segment may hold more pieces than a call takes arguments.
    for (const p of seg.pieces) cur.push(p);
    curWidth += seg.width;
    lastSeg = seg;
    if (seg.forced) {
      push(true);
      curStart = seg.end;
    }
  }
  // A forced break at the very end opens no extra line (like HTML's <br>);
  // text of nothing but undrawable characters still makes one (empty) line.
  const last = para.segments[para.segments.length - 1];
  lastSeg = undefined; // the paragraph's end: no hyphen
  if ((cur.length > 0 && (lines.length === 0 || drawsSomething(cur))) || (lines.length === 0 && last !== undefined && !last.forced)) push(false);
  if (lines.length > 0) lines[lines.length - 1]!.last = true;
  return lines;
}

/** Width tries from the estimate down, one cluster at a time, before bisecting. */
const LINEAR_TRIES = 4;

/**
 * Breaks a segment wider than the line between grapheme clusters: cuts off
 * lines, each the longest run of whole clusters that fits (at least one
 * that draws a glyph), hands each to `emit`, and returns the rest once it fits, as a segment
 * (with the original's hanging spaces).
 *
 * Near linear in the segment's length, however long: the clusters are found
 * once, widths are estimated from the shaping the segment already has, and
 * only what goes on a line is shaped again (to check it fits), plus the rest
 * once it is short enough that it might fit. Each line is shaped with the
 * whole segment as joining context, so an Arabic word broken over lines
 * keeps its joined forms on both sides of every break.
 */
function breakWord(para: PreparedParagraph, seg: Segment, avail: () => number, emit: (pieces: Piece[], start: number) => void): Segment {
  const { start, contentEnd } = seg;
  const bounds = graphemeBounds(para.text, start, contentEnd);
  // Advance per code unit, pt: a cluster's glyphs count at its first character.
  const advanceAt = new Float64Array(contentEnd - start);
  let em = 0;
  for (const p of seg.pieces) {
    if (p.trailing) continue;
    const scale = p.size / p.face.unitsPerEm;
    for (let g = 0; g < p.run.glyphIds.length; g++) advanceAt[p.start + p.run.clusters[g]! - start] += p.run.xAdvance[g]! * scale;
    em = Math.max(em, p.size);
  }
  // Whether a character draws: each line must hold one. Invisible controls
  // are grapheme clusters of their own (UAX #29 GB4–GB5), and HarfBuzz gives
  // the glyph after one the control's cluster, so the text decides, not the glyphs.
  const { text, faceOf } = para;
  const draws = (i: number) => faceOf[i]! >= 0 && !isInvisibleControl(text.codePointAt(i)!) && !isLowSurrogate(text.charCodeAt(i));
  const trailing = seg.pieces.filter((p) => p.trailing);
  const shape = (from: number, to: number) => piecesFor(para, from, to, start, contentEnd);
  let pos = start;
  // bounds[b]: the first cluster end after pos.
  let b = 0;
  // The first drawn character at or after pos (contentEnd when none).
  let drawn = start;
  for (;;) {
    const width = avail();
    // min: the shortest head, up to the cluster of the first character drawn.
    if (drawn < pos) drawn = pos;
    while (drawn < contentEnd && !draws(drawn)) drawn++;
    let min = b;
    while (min < bounds.length - 1 && bounds[min]! <= drawn) min++;
    // k0: the last cluster end whose estimated width fits (at least min).
    // Scan on to twice the line: a rest estimated shorter may fit, and is shaped to see.
    const limit = 2 * width + 4 * em;
    let k0 = min;
    let sum = 0;
    let k = b;
    let over = false;
    for (let at = pos; k < bounds.length; k++) {
      for (const end = bounds[k]!; at < end; at++) sum += advanceAt[at - start]!;
      if (sum > width + EPSILON) over = true;
      else if (!over && k > k0) k0 = k;
      if (sum > limit) break;
    }
    if (pos > start && k === bounds.length) {
      const rest = pos < contentEnd ? shape(pos, contentEnd) : [];
      const contentWidth = widthOf(rest);
      if (contentWidth <= width + EPSILON) {
        for (const p of trailing) rest.push(p);
        return { ...seg, start: pos, pieces: rest, contentWidth, width: contentWidth + widthOf(trailing) };
      }
    }
    const fits = (j: number) => j === min || widthOf(shape(pos, bounds[j]!)) <= width + EPSILON;
    let cut = k0;
    for (let tries = 1; !fits(cut); tries++) {
      if (tries < LINEAR_TRIES) {
        cut--;
        continue;
      }
      // The estimate is far off (shaping across the cuts changes widths):
      // bisect for the longest head that fits, taking widths as growing with length.
      let lo = min;
      let hi = cut - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (fits(mid)) lo = mid;
        else hi = mid - 1;
      }
      cut = lo;
      break;
    }
    emit(shape(pos, bounds[cut]!), pos);
    pos = bounds[cut]!;
    b = cut + 1;
  }
}

function piecesFor(para: PreparedParagraph, from: number, to: number, ctxFrom: number, ctxTo: number): Piece[] {
  const out: Piece[] = [];
  splitPieces(para, from, to, false, ctxFrom, ctxTo, out);
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Whether a line of these pieces would draw a glyph once its hanging spaces are dropped. */
function drawsSomething(pieces: Piece[]): boolean {
  for (const p of pieces) {
    if (p.trailing) continue;
    for (const id of p.run.glyphIds) if (id !== 0) return true;
  }
  return false;
}

function widthOf(pieces: Piece[]): number {
  let w = 0;
  for (const p of pieces) w += p.width;
  return w;
}
