/** Where a letterhead's logos go: the same geometry for the PDF and the DOCX. */
import { describe, expect, it } from 'vitest';
import { LOGO_GAP, placeLogos } from '../../src/document/logo-row.js';
import type { ImageBlock, Letterhead } from '../../src/document/model.js';

const logo = (alt: string, width: number, height: number): ImageBlock => ({ type: 'image', data: new Uint8Array(), format: 'png', alt, width, height });
const head = (layout: Letterhead['layout'], logos: ImageBlock[], height = 40): Letterhead => ({ type: 'letterhead', logos, layout, height });
const three = [logo('A', 100, 100), logo('B', 200, 100), logo('C', 50, 100)];

describe('placeLogos', () => {
  it('spreads the logos from edge to edge at the configured height, keeping their proportions', () => {
    const placed = placeLogos(head('spread', three), 400, 'ltr');
    expect(placed.map((p) => p.image.alt)).toEqual(['A', 'B', 'C']);
    expect(placed.map((p) => p.height)).toEqual([40, 40, 40]);
    expect(placed.map((p) => p.width)).toEqual([40, 80, 20]);
    expect(placed[0]!.x).toBe(0);
    expect(placed[2]!.x + placed[2]!.width).toBeCloseTo(400);
    // Equal gaps between them.
    const gap1 = placed[1]!.x - (placed[0]!.x + placed[0]!.width);
    const gap2 = placed[2]!.x - (placed[1]!.x + placed[1]!.width);
    expect(gap1).toBeCloseTo(gap2);
    expect(gap1).toBeCloseTo((400 - 140) / 2);
  });

  it('sets them side by side at the start, the centre or the end, LOGO_GAP apart', () => {
    const start = placeLogos(head('start', three), 400, 'ltr');
    expect(start.map((p) => p.x)).toEqual([0, 40 + LOGO_GAP, 120 + 2 * LOGO_GAP]);
    const run = 140 + 2 * LOGO_GAP;
    const center = placeLogos(head('center', three), 400, 'ltr');
    expect(center[0]!.x).toBeCloseTo((400 - run) / 2);
    const end = placeLogos(head('end', three), 400, 'ltr');
    expect(end[2]!.x + end[2]!.width).toBeCloseTo(400);
    expect(end[0]!.x).toBeCloseTo(400 - run);
  });

  it('mirrors the positions right to left: the first organiser at the right edge, the list order kept', () => {
    for (const layout of ['spread', 'start', 'center', 'end'] as const) {
      const ltr = placeLogos(head(layout, three), 400, 'ltr');
      const rtl = placeLogos(head(layout, three), 400, 'rtl');
      expect(rtl.map((p) => p.image.alt)).toEqual(['A', 'B', 'C']);
      rtl.forEach((p, i) => expect(p.x).toBeCloseTo(400 - ltr[i]!.x - ltr[i]!.width));
    }
    const rtlStart = placeLogos(head('start', three), 400, 'rtl');
    expect(rtlStart[0]!.x + rtlStart[0]!.width).toBeCloseTo(400);
  });

  it('scales all the logos down alike when together they would be wider than the column', () => {
    const wide = [logo('A', 600, 100), logo('B', 600, 100)];
    const placed = placeLogos(head('start', wide, 60), 300, 'ltr');
    const scale = (300 - LOGO_GAP) / 720;
    expect(placed[0]!.height).toBeCloseTo(60 * scale);
    expect(placed[1]!.x + placed[1]!.width).toBeCloseTo(300);
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(-1e-9);
      expect(p.x + p.width).toBeLessThanOrEqual(300 + 1e-9);
    }
  });

  it('places a single logo of a spread letterhead at the start', () => {
    const placed = placeLogos(head('spread', [logo('A', 100, 50)]), 400, 'ltr');
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ x: 0, width: 80, height: 40 });
    expect(placeLogos(head('spread', [logo('A', 100, 50)]), 400, 'rtl')[0]!.x).toBeCloseTo(320);
  });
});
