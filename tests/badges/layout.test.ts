import { describe, expect, it } from 'vitest';
import { A4, A4_BADGE, A6, a4Frame, layoutBadges, MM, type BadgeText } from '../../src/badges/layout.js';
import { FontLibrary } from '../../src/text/fonts.js';
import type { DrawItem } from '../../src/render/pdf/boxes.js';

const fonts = await FontLibrary.load();
const badge = (name: string, kindIndex = 0): BadgeText => ({ name, function: 'Adviser', organisation: 'Ministry of Labour', country: 'Morocco', kind: 'Government', kindIndex });
const header = { event: 'Regional workshop on skills partnerships', when: 'Astana, 10–12 May 2027' };
type Rule = Extract<DrawItem, { type: 'rule' }>;

describe('badge sheets', () => {
  it('puts four badges of 90 × 125 mm on an A4 page, inside it and apart from each other', () => {
    const frames = [0, 1, 2, 3].map(a4Frame);
    for (const f of frames) {
      expect(f.width).toBeCloseTo(A4_BADGE.width);
      expect(f.x).toBeGreaterThan(5 * MM);
      expect(f.y).toBeGreaterThan(5 * MM);
      expect(f.x + f.width).toBeLessThan(A4.width - 5 * MM);
      expect(f.y + f.height).toBeLessThan(A4.height - 5 * MM);
    }
    // Reading order: top left, top right, bottom left, bottom right.
    expect(frames[0]!.x).toBeLessThan(frames[1]!.x);
    expect(frames[0]!.y).toBeGreaterThan(frames[2]!.y);
    expect(frames[1]!.x - (frames[0]!.x + frames[0]!.width)).toBeCloseTo(10 * MM);
  });

  it('draws crop marks outside every trim, clear of the neighbouring badges', () => {
    const { pages, missing } = layoutBadges(header, [badge('A'), badge('B'), badge('C'), badge('D'), badge('E')], { fonts, lang: 'en', direction: 'ltr', sheet: 'a4' });
    expect(missing).toEqual([]);
    expect(pages).toHaveLength(2);
    const frames = [0, 1, 2, 3].map(a4Frame);
    const inside = (x: number, y: number) => frames.some((f) => x > f.x + 0.01 && x < f.x + f.width - 0.01 && y > f.y + 0.01 && y < f.y + f.height - 0.01);
    const marks = pages[0]!.items.filter((i): i is Rule => i.type === 'rule');
    expect(marks).toHaveLength(4 * 8);
    for (const m of marks) {
      // Each mark extends a trim edge, and no mark enters any badge.
      expect(m.x1 === m.x2 || m.y1 === m.y2).toBe(true);
      for (const t of [0, 0.5, 1]) expect(inside(m.x1 + t * (m.x2 - m.x1), m.y1 + t * (m.y2 - m.y1))).toBe(false);
    }
    // Every corner of every badge has its two marks.
    for (const f of frames) {
      for (const [x, y] of [[f.x, f.y], [f.x + f.width, f.y], [f.x, f.y + f.height], [f.x + f.width, f.y + f.height]]) {
        expect(marks.some((m) => m.y1 === y && m.y2 === y && Math.min(Math.abs(m.x1 - x), Math.abs(m.x2 - x)) < 3 * MM)).toBe(true);
        expect(marks.some((m) => m.x1 === x && m.x2 === x && Math.min(Math.abs(m.y1 - y), Math.abs(m.y2 - y)) < 3 * MM)).toBe(true);
      }
    }
  });

  it('sets one badge per A6 page with no crop marks, and every text inside the badge', () => {
    const long = 'Maria Fernanda de los Ángeles Villanueva-Echeverría y Santisteban';
    const { pages } = layoutBadges(header, [badge(long), badge('سامي عبد الرحمن')], { fonts, lang: 'ar', direction: 'rtl', sheet: 'a6' });
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.items.some((i) => i.type === 'rule')).toBe(false);
      for (const item of page.items) {
        if (item.type !== 'line') continue;
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + item.line.width).toBeLessThanOrEqual(A6.width + 0.01);
        expect(item.y).toBeGreaterThan(0);
        expect(item.y).toBeLessThan(A6.height);
      }
    }
    // A long name is set smaller rather than on more than two lines.
    const names = pages[0]!.items.filter((i): i is Extract<DrawItem, { type: 'line' }> => i.type === 'line' && /Villanueva|Ángeles|Echeverría|Santisteban|Maria/.test(i.line.glyphs.map((g) => g.text).join('')));
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names.map((n) => n.y)).size).toBe(2);
    expect(names[0]!.line.glyphs[0]!.size).toBeLessThan(22);
    // Nothing shortened here; a name no size can hold is cut at a word, with an ellipsis, and said.
    expect(layoutBadges(header, [badge(long)], { fonts, lang: 'en', direction: 'ltr', sheet: 'a6' }).shortened).toEqual([]);
    const endless = Array.from({ length: 60 }, (_, i) => `Name${i}`).join(' ');
    const cut = layoutBadges(header, [badge('A'), badge(endless)], { fonts, lang: 'en', direction: 'ltr', sheet: 'a4' });
    expect(cut.shortened).toEqual([{ badge: 1, fields: ['name'] }]);
    const lines = cut.pages[0]!.items.filter((i): i is Extract<DrawItem, { type: 'line' }> => i.type === 'line' && /Name\d/.test(i.line.glyphs.map((g) => g.text).join('')));
    expect(lines).toHaveLength(2);
    expect(lines[1]!.line.glyphs.map((g) => g.text).join('')).toMatch(/…$/);
    // The Arabic name is set right to left.
    const arabic = pages[1]!.items.find((i): i is Extract<DrawItem, { type: 'line' }> => i.type === 'line' && /\p{Script=Arabic}/u.test(i.line.glyphs.map((g) => g.text).join('')) && i.line.direction === 'rtl');
    expect(arabic).toBeDefined();
  });
});
