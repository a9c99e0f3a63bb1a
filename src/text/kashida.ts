/**
 * Arabic justification by kashida: a justified Arabic line is widened by elongating the joins
 * between letters with tatweel (U+0640), at the places and in the order the Arabic layout
 * requirements (W3C alreq, "Justification"; Microsoft's Arabic font guidelines) give:
 *
 *   1. after a tatweel already typed;
 *   2. after Seen, Sheen, Sad, Dad;
 *   3. before a final Heh, Teh Marbuta, Dal, Thal;
 *   4. before a final Alef, Tah, Zah, Lam, Kaf, Gaf;
 *   5. before a final Reh, Zain, Yeh, Alef Maksura;
 *   6. before a final Waw, Ain, Qaf, Feh;
 *   7. before any other letter that joins the one before it.
 *
 * Never across a letter that does not join the next (Alef, Dal, Reh, Waw …, Hamza), never
 * inside Lam-Alef, one place per word before any word gets a second, at most a few tatweels
 * in one place; what kashida leaves the spaces take. The tatweels draw without text: copied
 * text has the original letters only.
 */
import { isInvisibleControl } from './controls.js';
import type { FontFace } from './fonts.js';
import type { LineSpec } from './line-fill.js';
import type { Piece, PreparedParagraph, Segment } from './prepare.js';
import { shapeText } from './shape.js';

const TATWEEL = '\u0640';
/** Tatweels in one place at most. */
const MAX_PER_PLACE = 3;
/** How far a word's kashida counts as stretch for the line breaker, in tatweels. */
const STRETCH_TATWEELS = 2;

/** Letters that join the letter after them (Unicode joining type D, and tatweel, type C). */
const DUAL = new Set([...'بتثجحخسشصضطظعغفقكلمنهيئىـپچگکیڤڨڭ']);
/** Letters that join only the letter before them (type R): nothing elongates after them. */
const RIGHT = new Set([...'اأإآٱدذرزوؤةژڈڑۀۃ']);
const SEEN_SAD = new Set([...'سشصض']);
const FINAL_PRIORITY: readonly [number, ReadonlySet<string>][] = [
  [3, new Set([...'هةدذ'])],
  [4, new Set([...'اأإآطظلكگک'])],
  [5, new Set([...'رزيىیئ'])],
  [6, new Set([...'وؤعغقفڤ'])],
];
const ALEFS = new Set([...'اأإآٱ']);

/** Combining marks (harakat, Quranic marks) ride on their letter: skipped when looking for joins. */
function isMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed);
}

export interface KashidaPlace {
  /** Text offset the tatweels go before (after the letter and its marks). */
  at: number;
  priority: number;
}

/**
 * The places a word (text[from, to)) may take kashida, best first (one per join, each with its
 * alreq priority; ties: the later in the word first, toward its end).
 */
export function kashidaPlaces(text: string, from: number, to: number): KashidaPlace[] {
  const letters: number[] = [];
  for (let i = from; i < to; i++) if (!isMark(text[i]!)) letters.push(i);
  const places: KashidaPlace[] = [];
  for (let k = 0; k + 1 < letters.length; k++) {
    const a = text[letters[k]!]!;
    const b = text[letters[k + 1]!]!;
    if (!DUAL.has(a) || !(DUAL.has(b) || RIGHT.has(b))) continue;
    if (a === 'ل' && ALEFS.has(b)) continue; // Lam-Alef is one ligature
    const next = letters[k + 2] !== undefined ? text[letters[k + 2]!]! : '';
    const bFinal = RIGHT.has(b) || !(DUAL.has(next) || RIGHT.has(next));
    let priority = 7;
    if (a === TATWEEL) priority = 1;
    else if (SEEN_SAD.has(a)) priority = 2;
    else if (bFinal) for (const [p, set] of FINAL_PRIORITY) if (set.has(b)) { priority = p; break; }
    places.push({ at: letters[k + 1]!, priority });
  }
  return places.sort((x, y) => x.priority - y.priority || y.at - x.at);
}

const tatweelUnits = new WeakMap<FontFace, number>();

/** The advance of a tatweel in this face, font units; 0 when the face has none. */
function tatweelAdvance(face: FontFace): number {
  let units = tatweelUnits.get(face);
  if (units === undefined) {
    const run = shapeText({ face, text: TATWEEL, rtl: true, script: 'Arab', lang: 'ar', before: '', after: '' });
    units = run.glyphIds.length === 1 && run.glyphIds[0] !== 0 ? run.advance : 0;
    tatweelUnits.set(face, units);
  }
  return units;
}

function isArabicPiece(p: Piece): boolean {
  return !p.trailing && p.script === 'Arab' && (p.level & 1) === 1;
}

/** How far kashida may widen a segment, pt: a few tatweels when it has a place for one. */
export function kashidaStretch(para: PreparedParagraph, seg: Segment): number {
  let best = 0;
  for (const p of seg.pieces) {
    if (!isArabicPiece(p)) continue;
    const t = tatweelAdvance(p.face);
    if (t > 0 && kashidaPlaces(para.text, p.start, p.end).length > 0) best = Math.max(best, (t * p.size) / p.face.unitsPerEm);
  }
  return best * STRETCH_TATWEELS;
}

interface Slot {
  piece: number;
  at: number;
  count: number;
  width: number;
}

/**
 * A justified line widened by kashida toward `avail`: the same line with its Arabic pieces
 * shaped again with tatweels in them. The line as it was when it has no place or no need.
 */
export function justifyWithKashida(para: PreparedParagraph, spec: LineSpec, avail: number): LineSpec {
  let natural = 0;
  for (const p of spec.pieces) natural += p.width;
  let deficit = avail - natural;
  if (deficit <= 0) return spec;
  // One list of places per word (piece), best first; words by their best place.
  const words: { piece: number; places: KashidaPlace[]; width: number }[] = [];
  spec.pieces.forEach((p, i) => {
    if (!isArabicPiece(p)) return;
    const t = tatweelAdvance(p.face);
    if (t === 0) return;
    const places = kashidaPlaces(para.text, p.start, p.end);
    if (places.length > 0) words.push({ piece: i, places, width: (t * p.size) / p.face.unitsPerEm });
  });
  if (words.length === 0) return spec;
  words.sort((x, y) => x.places[0]!.priority - y.places[0]!.priority || y.piece - x.piece);
  const slots: Slot[] = [];
  // Round one: each word's best place, one tatweel at a time round the words, up to MAX_PER_PLACE.
  // Round two (only when the line still needs it): each word's second place.
  for (let round = 0; round < 2 && deficit > 0; round++) {
    const open: Slot[] = [];
    for (const w of words) {
      const place = w.places[round];
      if (place) open.push({ piece: w.piece, at: place.at, count: 0, width: w.width });
    }
    for (let level = 0; level < MAX_PER_PLACE; level++) {
      for (const slot of open) {
        if (slot.width > deficit) continue;
        slot.count++;
        deficit -= slot.width;
      }
    }
    for (const slot of open) if (slot.count > 0) slots.push(slot);
    if (round === 0 && deficit < spaceWidth(spec.pieces)) break; // the spaces can take the rest
  }
  if (slots.length === 0) return spec;
  const pieces = spec.pieces.slice();
  for (const index of new Set(slots.map((s) => s.piece))) {
    pieces[index] = withTatweels(para, pieces[index]!, slots.filter((s) => s.piece === index));
  }
  return { ...spec, pieces };
}

function spaceWidth(pieces: readonly Piece[]): number {
  let w = 0;
  for (const p of pieces) {
    const scale = p.size / p.face.unitsPerEm;
    for (let g = 0; g < p.run.glyphIds.length; g++) if (p.run.textOf[g] === ' ') w += p.run.xAdvance[g]! * scale;
  }
  return w;
}

/** The piece shaped again with tatweels before the slots' places; the tatweels draw without text. */
function withTatweels(para: PreparedParagraph, p: Piece, slots: Slot[]): Piece {
  const { text, faceOf } = para;
  const original = text.slice(p.start, p.end);
  let modified = '';
  const inserted: boolean[] = [];
  let last = p.start;
  for (const slot of slots.sort((a, b) => a.at - b.at)) {
    modified += text.slice(last, slot.at);
    for (let i = last; i < slot.at; i++) inserted.push(false);
    modified += TATWEEL.repeat(slot.count);
    for (let i = 0; i < slot.count; i++) inserted.push(true);
    last = slot.at;
  }
  modified += text.slice(last, p.end);
  for (let i = last; i < p.end; i++) inserted.push(false);
  // The same joining context as the piece had (see makePiece in prepare.ts).
  const before = p.start > 0 && faceOf[p.start - 1]! >= 0 && text[p.start - 1] !== ' ' ? text[p.start - 1]! : '';
  const after = p.end < text.length && faceOf[p.end]! >= 0 && text[p.end] !== ' ' ? text[p.end]! : '';
  const run = shapeText({ face: p.face, text: modified, rtl: true, script: p.script, lang: para.lang, before, after });
  const isStart = new Uint8Array(modified.length + 1);
  for (const c of run.clusters) isStart[c] = 1;
  const textOf = run.textOf.map((t, g) => {
    if (t === '') return t;
    let out = '';
    for (let i = run.clusters[g]!; i < modified.length && (i === run.clusters[g] || !isStart[i]); i++) if (!inserted[i] && !isInvisibleControl(modified.charCodeAt(i))) out += modified[i];
    return out;
  });
  if (original.length === 0) return p;
  // Clusters as offsets in the piece's own text (a tatweel's is the letter's after it): the glyphs' logical order.
  const toOriginal = new Uint32Array(modified.length + 1);
  let kept = 0;
  for (let i = 0; i <= modified.length; i++) {
    toOriginal[i] = kept;
    if (i < modified.length && !inserted[i]) kept++;
  }
  const clusters = Uint32Array.from(run.clusters, (c) => toOriginal[c]!);
  return { ...p, run: { ...run, textOf, clusters }, width: (run.advance * p.size) / p.face.unitsPerEm };
}
