import { describe, expect, it } from 'vitest';
import { paginate, FOOTNOTE_SEPARATOR } from '../../../src/render/pdf/paginate.js';
import type { Box } from '../../../src/render/pdf/boxes.js';
import { columnWidths } from '../../../src/render/pdf/layout-table.js';
import { random } from '../../text/helpers.js';

const box = (height: number, extra: Partial<Box> = {}): Box => ({ height, spaceBefore: 0, keepWithNext: false, footnotes: [], draw: () => [], ...extra });

describe('paginate', () => {
  it('fills pages and never exceeds the content height', () => {
    const boxes = Array.from({ length: 50 }, () => box(30));
    const pages = paginate(boxes, 200, () => []);
    expect(pages.length).toBe(Math.ceil(50 / 6));
    for (const page of pages) {
      const last = page.boxes[page.boxes.length - 1]!;
      expect(last.offset + last.box.height).toBeLessThanOrEqual(200);
    }
  });

  it('keeps a heading with the next box', () => {
    const boxes = [box(90), box(90), box(15, { keepWithNext: true }), box(30)];
    const pages = paginate(boxes, 200, () => []);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.boxes.map((b) => b.box)).toEqual([boxes[2], boxes[3]]);
  });

  it('drops space before a box at the top of a page', () => {
    const boxes = [box(190), box(20, { spaceBefore: 12 })];
    const pages = paginate(boxes, 200, () => []);
    expect(pages[1]!.boxes[0]!.offset).toBe(0);
  });

  it('repeats a table header row on the next page', () => {
    const header = box(20, { keepWithNext: true });
    const rows = Array.from({ length: 12 }, () => box(20, { repeatHeader: header }));
    const pages = paginate([header, ...rows], 100, () => []);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.boxes[0]!.box).toBe(header);
  });

  it('puts a footnote on the page of its reference, reserving its room', () => {
    const boxes = [box(150), box(20, { footnotes: [1] }), box(20)];
    const pages = paginate(boxes, 200, () => [box(40)]);
    // 150 + 20 + 40 + separator > 200: the referencing line moves to the next page with its note.
    expect(150 + 20 + 40 + FOOTNOTE_SEPARATOR).toBeGreaterThan(200);
    expect(pages[0]!.footnotes).toEqual([]);
    expect(pages[1]!.footnotes).toEqual([{ number: 1, from: 0, to: 1 }]);
    expect(pages[1]!.boxes[0]!.box).toBe(boxes[1]);
  });

  it('honours forced page breaks without making empty pages', () => {
    const boxes = [box(0, { pageBreakBefore: true }), box(10), box(0, { pageBreakBefore: true }), box(10)];
    const pages = paginate(boxes, 200, () => []);
    expect(pages).toHaveLength(2);
  });
});

describe('footnotes split across pages only when they must', () => {
  const lines = (count: number, height = 10) => Array.from({ length: count }, () => box(height));
  /** The body's height on a page and its footnotes' (separator included), as paginate counts them. */
  const heights = (page: ReturnType<typeof paginate>[number], notes: (n: number) => Box[]) => {
    const last = page.boxes[page.boxes.length - 1];
    const body = last ? last.offset + last.box.height : 0;
    const foot = page.footnotes.length === 0 ? 0 : FOOTNOTE_SEPARATOR + page.footnotes.reduce((h, p) => h + notes(p.number).slice(p.from, p.to).reduce((a, b) => a + b.height, 0), 0);
    return { body, foot };
  };

  it('a note longer than a page starts on the page of its reference and goes on at the foot of the next', () => {
    const note = lines(30);
    const boxes = [box(100), box(20, { footnotes: [1] }), ...lines(20, 20)];
    const pages = paginate(boxes, 200, () => note);
    expect(pages[0]!.boxes.map((b) => b.box)).toContain(boxes[1]);
    const parts = pages.flatMap((p, i) => p.footnotes.map((f) => ({ ...f, page: i })));
    expect(parts[0]).toMatchObject({ number: 1, from: 0, page: 0 });
    // Every line once, in order, and never fewer than two lines of it on a page.
    let next = 0;
    for (const part of parts) {
      expect(part.from).toBe(next);
      expect(part.to - part.from).toBeGreaterThanOrEqual(2);
      next = part.to;
    }
    expect(next).toBe(30);
    expect(parts.length).toBeGreaterThan(1);
    for (const page of pages) {
      const { body, foot } = heights(page, () => note);
      expect(body + foot).toBeLessThanOrEqual(200);
    }
  });

  it('a note that fits on a page with its reference moves with it, whole', () => {
    const note = lines(12);
    const boxes = [box(150), box(20, { footnotes: [1] }), box(20)];
    const pages = paginate(boxes, 200, () => note);
    expect(pages[0]!.footnotes).toEqual([]);
    expect(pages[1]!.footnotes).toEqual([{ number: 1, from: 0, to: 12 }]);
  });

  it('a later note waits for the end of a split one', () => {
    const notes = new Map([[1, lines(25)], [2, lines(2)]]);
    const boxes = [box(20, { footnotes: [1] }), box(20, { footnotes: [2] }), ...lines(10, 20)];
    const pages = paginate(boxes, 200, (n) => notes.get(n)!);
    const order = pages.flatMap((p) => p.footnotes.map((f) => `${f.number}:${f.from}-${f.to}`));
    expect(order[order.length - 1]).toBe('2:0-2');
    expect(order.slice(0, -1).every((o) => o.startsWith('1:'))).toBe(true);
  });

  it('keeps its promises on random documents', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rnd = random(seed);
      const notes = new Map<number, Box[]>();
      const boxes: Box[] = [];
      let n = 0;
      for (let i = 0; i < 40; i++) {
        const refs: number[] = [];
        if (rnd() < 0.15) {
          n++;
          refs.push(n);
          notes.set(n, lines(1 + Math.floor(rnd() ** 3 * 40), 8 + Math.floor(rnd() * 4)));
        }
        boxes.push(box(10 + Math.floor(rnd() * 20), { footnotes: refs, keepWithNext: rnd() < 0.2, spaceBefore: rnd() < 0.3 ? 6 : 0 }));
      }
      const pages = paginate(boxes, 250, (k) => notes.get(k)!);
      const pageOfBox = new Map<Box, number>();
      pages.forEach((p, i) => p.boxes.forEach((b) => pageOfBox.set(b.box, i)));
      expect(pageOfBox.size, `seed ${seed}`).toBe(boxes.length);
      const seen = new Map<number, number>();
      pages.forEach((page, i) => {
        const { body, foot } = heights(page, (k) => notes.get(k)!);
        expect(body + foot, `seed ${seed} page ${i}`).toBeLessThanOrEqual(250 + 1e-9);
        for (const part of page.footnotes) {
          expect(part.from, `seed ${seed}`).toBe(seen.get(part.number) ?? 0);
          seen.set(part.number, part.to);
        }
      });
      for (const [k, note] of notes) {
        expect(seen.get(k), `seed ${seed} note ${k}`).toBe(note.length);
        const ref = boxes.find((b) => b.footnotes.includes(k))!;
        const parts = pages.map((p, i) => ({ i, part: p.footnotes.find((f) => f.number === k) })).filter((x) => x.part);
        // On the page of its reference, unless lines of a split footnote still waited to be printed then.
        const refPage = pageOfBox.get(ref)!;
        const waiting = (i: number) => {
          const last = pages[i]!.footnotes[pages[i]!.footnotes.length - 1];
          return !last || last.to < notes.get(last.number)!.length;
        };
        expect(parts[0]!.i, `seed ${seed} note ${k}`).toBeGreaterThanOrEqual(refPage);
        if (parts[0]!.i > refPage) {
          const { body, foot } = heights(pages[refPage]!, (x) => notes.get(x)!);
          const full = body + foot + (foot === 0 ? FOOTNOTE_SEPARATOR : 0) + note.slice(0, 2).reduce((a, b) => a + b.height, 0) > 250;
          expect(waiting(refPage) || full, `seed ${seed} note ${k} deferred`).toBe(true);
        }
        // Split only when it could not stand whole with its reference line, or when footnotes
        // carried from an earlier page came first at the foot of the page where it starts.
        const whole = ref.height + FOOTNOTE_SEPARATOR + note.reduce((a, b) => a + b.height, 0) <= 250;
        const opening = pages[parts[0]!.i]!.footnotes[0]!.number;
        const afterContinuation = opening !== k && pageOfBox.get(boxes.find((b) => b.footnotes.includes(opening))!)! < parts[0]!.i;
        if (parts.length > 1 && whole) expect(afterContinuation || parts[0]!.i > refPage, `seed ${seed} note ${k} was split`).toBe(true);
      }
    }
  });
});

describe('table column widths', () => {
  it('uses natural widths, scaled to fill, when they fit', () => {
    const w = columnWidths([10, 10], [50, 150], 400);
    expect(w[0]! + w[1]!).toBeCloseTo(400);
    expect(w[1]! / w[0]!).toBeCloseTo(3);
  });
  it('shares the slack by how much each column wants beyond its minimum', () => {
    const w = columnWidths([50, 50], [100, 500], 300);
    expect(w[0]! + w[1]!).toBeCloseTo(300);
    expect(w[0]!).toBeGreaterThanOrEqual(50);
    expect(w[1]!).toBeGreaterThan(w[0]!);
  });
  it('shrinks proportionally when even minimum widths do not fit', () => {
    const w = columnWidths([200, 200], [300, 300], 300);
    expect(w).toEqual([150, 150]);
  });
});
