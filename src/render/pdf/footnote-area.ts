/**
 * The footnote area at the foot of each page, as pagination fills it: which footnotes (or which
 * lines of them) each page prints, and the lines of a split footnote still to print on the next.
 */
import type { Box } from './boxes.js';

/** Space above the first footnote of a page (the short rule sits in it). */
export const FOOTNOTE_SEPARATOR = 12;

/** Boxes [from, to) of footnote `number`: the whole note, or the part of a split one a page prints. */
export interface FootnotePart {
  number: number;
  from: number;
  to: number;
}

/** Height of boxes [from, to) of a footnote: the first box's space above is dropped. */
export function partHeight(boxes: readonly Box[], from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h += (i > from ? boxes[i]!.spaceBefore : 0) + boxes[i]!.height + (boxes[i]!.spaceAfter ?? 0);
  return h;
}

/** Lines of a split footnote on either side of the page break, at least (its widows and orphans). */
const MIN_LINES = 2;

export class FootnoteArea {
  /** Height of the current page's footnotes, separator included. */
  used = 0;
  private partsOnPage = 0;
  private readonly placed = new Set<number>();
  /** Footnotes (from a line on) still to print, in order. */
  private readonly carry: { number: number; from: number }[] = [];

  constructor(private readonly boxesOf: (n: number) => readonly Box[]) {}

  /** Whether lines of footnotes wait for the next page. */
  get carried(): boolean {
    return this.carry.length > 0;
  }

  private partHeight(n: number, from: number, to: number): number {
    return partHeight(this.boxesOf(n), from, to);
  }

  /**
   * Height the footnotes first referred to in `numbers` take whole (those not placed yet nor in
   * `pending`, which gains them), on the current page or, with `alone`, on a page of their own.
   */
  heightOf(numbers: readonly number[], pending: Set<number>, alone = false): number {
    let h = 0;
    let first = alone || this.partsOnPage === 0;
    for (const n of numbers) {
      if (this.placed.has(n) || pending.has(n)) continue;
      pending.add(n);
      h += this.partHeight(n, 0, this.boxesOf(n).length) + (first ? FOOTNOTE_SEPARATOR : 0);
      first = false;
    }
    return h;
  }

  /**
   * Whether `room` (below the text, on the current page) takes this page's footnotes and the
   * first lines of the first new one in `numbers` (nothing more when it will wait anyway).
   */
  canStart(numbers: readonly number[], room: number): boolean {
    if (room < this.used) return false;
    const n = numbers.find((x) => !this.placed.has(x));
    if (n === undefined || this.carried) return true;
    const lines = Math.min(MIN_LINES, this.boxesOf(n).length);
    return room - this.used >= (this.partsOnPage === 0 ? FOOTNOTE_SEPARATOR : 0) + this.partHeight(n, 0, lines);
  }

  /**
   * Places the footnotes first referred to in `numbers` on the current page, whose text leaves
   * `room` below it: whole where they fit (always, with an infinite room), else split, their
   * remaining lines, and every later footnote, carried to the next page.
   */
  place(numbers: readonly number[], room: number): FootnotePart[] {
    const parts: FootnotePart[] = [];
    for (const n of numbers) {
      if (this.placed.has(n)) continue;
      this.placed.add(n);
      const length = this.boxesOf(n).length;
      if (this.carried) {
        this.carry.push({ number: n, from: 0 });
        continue;
      }
      const lines = room === Infinity ? length : this.fit(n, 0, room - this.used);
      if (lines > 0) parts.push(this.add(n, 0, lines));
      if (lines < length) this.carry.push({ number: n, from: lines });
    }
    return parts;
  }

  /**
   * A new page: the carried lines go first, leaving `reserve` of its `contentHeight` to the text
   * that opens it and that text's footnotes; when they cannot all be printed in what is left
   * (the text's footnotes would wait behind them anyway), leaving only `minimum`, the text's own
   * height (0: a page that may hold nothing but footnotes).
   */
  startPage(contentHeight: number, reserve: number, minimum = reserve): FootnotePart[] {
    this.used = 0;
    this.partsOnPage = 0;
    const parts: FootnotePart[] = [];
    const waiting = this.carry.reduce((h, c) => h + this.partHeight(c.number, c.from, this.boxesOf(c.number).length), FOOTNOTE_SEPARATOR);
    if (waiting > contentHeight - reserve) reserve = minimum;
    while (this.carry.length > 0) {
      const next = this.carry[0]!;
      const length = this.boxesOf(next.number).length;
      let lines = this.fit(next.number, next.from, contentHeight - reserve - this.used);
      // A page must take something: one line, if two do not fit even on a page of its own.
      if (lines === 0 && parts.length === 0 && reserve === 0) lines = 1;
      if (lines > 0) parts.push(this.add(next.number, next.from, next.from + lines));
      if (next.from + lines < length) {
        next.from += lines;
        break;
      }
      this.carry.shift();
    }
    return parts;
  }

  /** How many lines of footnote `n` from line `from` fit in `room`: all, or a split that leaves two lines on either side, or none. */
  private fit(n: number, from: number, room: number): number {
    const length = this.boxesOf(n).length;
    const separator = this.partsOnPage === 0 ? FOOTNOTE_SEPARATOR : 0;
    let lines = 0;
    while (from + lines < length && separator + this.partHeight(n, from, from + lines + 1) <= room + 1e-9) lines++;
    const rest = length - from - lines;
    if (rest === 0) return lines;
    if (rest < MIN_LINES) lines -= MIN_LINES - rest;
    return lines >= MIN_LINES ? lines : 0;
  }

  private add(number: number, from: number, to: number): FootnotePart {
    this.used += (this.partsOnPage === 0 ? FOOTNOTE_SEPARATOR : 0) + this.partHeight(number, from, to);
    this.partsOnPage++;
    return { number, from, to };
  }
}
