import { describe, expect, it } from 'vitest';
import { paginate, FOOTNOTE_SEPARATOR } from '../../../src/render/pdf/paginate.js';
import type { Box } from '../../../src/render/pdf/boxes.js';
import { columnWidths } from '../../../src/render/pdf/layout-table.js';

const box = (height: number, extra: Partial<Box> = {}): Box => ({ height, spaceBefore: 0, keepWithNext: false, footnotes: [], draw: () => [], ...extra });

describe('paginate', () => {
  it('fills pages and never exceeds the content height', () => {
    const boxes = Array.from({ length: 50 }, () => box(30));
    const pages = paginate(boxes, 200, () => 0);
    expect(pages.length).toBe(Math.ceil(50 / 6));
    for (const page of pages) {
      const last = page.boxes[page.boxes.length - 1]!;
      expect(last.offset + last.box.height).toBeLessThanOrEqual(200);
    }
  });

  it('keeps a heading with the next box', () => {
    const boxes = [box(90), box(90), box(15, { keepWithNext: true }), box(30)];
    const pages = paginate(boxes, 200, () => 0);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.boxes.map((b) => b.box)).toEqual([boxes[2], boxes[3]]);
  });

  it('drops space before a box at the top of a page', () => {
    const boxes = [box(190), box(20, { spaceBefore: 12 })];
    const pages = paginate(boxes, 200, () => 0);
    expect(pages[1]!.boxes[0]!.offset).toBe(0);
  });

  it('repeats a table header row on the next page', () => {
    const header = box(20, { keepWithNext: true });
    const rows = Array.from({ length: 12 }, () => box(20, { repeatHeader: header }));
    const pages = paginate([header, ...rows], 100, () => 0);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.boxes[0]!.box).toBe(header);
  });

  it('puts a footnote on the page of its reference, reserving its room', () => {
    const boxes = [box(150), box(20, { footnotes: [1] }), box(20)];
    const pages = paginate(boxes, 200, () => 40);
    // 150 + 20 + 40 + separator > 200: the referencing line moves to the next page with its note.
    expect(150 + 20 + 40 + FOOTNOTE_SEPARATOR).toBeGreaterThan(200);
    expect(pages[0]!.footnotes).toEqual([]);
    expect(pages[1]!.footnotes).toEqual([1]);
    expect(pages[1]!.boxes[0]!.box).toBe(boxes[1]);
  });

  it('honours forced page breaks without making empty pages', () => {
    const boxes = [box(0, { pageBreakBefore: true }), box(10), box(0, { pageBreakBefore: true }), box(10)];
    const pages = paginate(boxes, 200, () => 0);
    expect(pages).toHaveLength(2);
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
