/**
 * Pure layout of name badges: badges → pages of things to draw, in PDF page coordinates
 * (points, y up). Nothing here touches pdf-lib.
 *
 * Two sheets: `a6`, one badge per A6 page (the trim is the page: for a printer's A6 cards),
 * and `a4`, four badges of 90 × 125 mm per A4 page, 10 mm apart, each with crop marks at its
 * corners (3 mm long, 2 mm clear of the trim) so that a guillotine cuts them out.
 *
 * A badge: a band with the event's title and dates at the top, the name large in the middle
 * (set smaller when it would need more than two lines, and cut with an ellipsis, said in
 * `shortened`, when even the smallest size would), function and organisation, the country,
 * and a band in the colour of the kind of seat at the foot, naming it. Every text is centred
 * and laid out by the text engine in its own direction (an Arabic name on an English badge
 * is set right to left, joined).
 */
import type { DrawItem } from '../render/pdf/boxes.js';
import type { FontLibrary } from '../text/fonts.js';
import { layoutParagraph, type LaidLine, type MissingChar } from '../text/layout-paragraph.js';
import type { TextStyle } from '../text/style.js';

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 };
export const A6 = { width: 105 * MM, height: 148 * MM };
/** The trim of a badge on an A4 sheet. */
export const A4_BADGE = { width: 90 * MM, height: 125 * MM };
const A4_GUTTER = 10 * MM;
const MARK = { offset: 2 * MM, length: 3 * MM, width: 0.3 };

export type BadgeSheet = 'a4' | 'a6';

export interface BadgeText {
  name: string;
  function: string;
  organisation: string;
  country: string;
  /** The kind of seat, in the badge's language. */
  kind: string;
  /** Its position among the event's kinds, to choose the band's colour. */
  kindIndex: number;
}

export interface BadgeHeader {
  event: string;
  /** Place and dates, e.g. "Rabat, 16–17 March 2027". */
  when: string;
}

export interface BadgePage {
  items: DrawItem[];
  /** Where each badge's items start in `items` (one badge is one section of the tagged PDF). */
  badgeStarts?: number[];
}

type Color = [number, number, number];
const WHITE: Color = [1, 1, 1];
const INK: Color = [0.1, 0.1, 0.12];
const GREY: Color = [0.33, 0.33, 0.36];
const HEADER: Color = [0.11, 0.2, 0.36];
/** Band colours by kind of seat, dark enough for white text (contrast over 4.5:1). */
const KIND_COLOURS: readonly Color[] = [
  [0.05, 0.33, 0.55], [0.0, 0.42, 0.36], [0.55, 0.13, 0.2], [0.4, 0.3, 0.05], [0.35, 0.2, 0.5], [0.3, 0.3, 0.32],
];
/** Name sizes tried in turn until the name fits on two lines. */
const NAME_SIZES = [22, 19, 16, 13];

const sans = (size: number, extra: Partial<TextStyle> = {}): TextStyle => ({ family: 'sans', bold: false, italic: false, size, ...extra });

export interface BadgeLayoutOptions {
  fonts: FontLibrary;
  lang: string;
  direction: 'ltr' | 'rtl';
  sheet: BadgeSheet;
}

/** Every badge on its sheet's pages; `missing` lists the characters no font could draw. */
export function layoutBadges(header: BadgeHeader, badges: readonly BadgeText[], options: BadgeLayoutOptions): { pages: BadgePage[]; missing: MissingChar[]; shortened: { badge: number; fields: string[] }[] } {
  const missing: MissingChar[] = [];
  const shortened: { badge: number; fields: string[] }[] = [];
  const pages: BadgePage[] = [];
  const perPage = options.sheet === 'a4' ? 4 : 1;
  for (let i = 0; i < badges.length; i += perPage) {
    const page: BadgePage = { items: [], badgeStarts: [] };
    badges.slice(i, i + perPage).forEach((badge, k) => {
      const frame = options.sheet === 'a4' ? a4Frame(k) : { x: 0, y: 0, ...A6 };
      const cut: string[] = [];
      page.badgeStarts!.push(page.items.length);
      page.items.push(...badgeItems(header, badge, frame, options, missing, cut));
      if (cut.length > 0) shortened.push({ badge: i + k, fields: cut });
      if (options.sheet === 'a4') page.items.push(...cropMarks(frame));
    });
    pages.push(page);
  }
  return { pages, missing, shortened };
}

/** The trim of the k-th badge of an A4 sheet (reading order: top left, top right, …). */
export function a4Frame(k: number): { x: number; y: number; width: number; height: number } {
  const { width, height } = A4_BADGE;
  const left = (A4.width - 2 * width - A4_GUTTER) / 2;
  const bottom = (A4.height - 2 * height - A4_GUTTER) / 2;
  const column = k % 2;
  const row = Math.floor(k / 2);
  return { x: left + column * (width + A4_GUTTER), y: bottom + (1 - row) * (height + A4_GUTTER), width, height };
}

/** Two short lines at each corner, outside the trim, along its edges' extensions. */
function cropMarks(f: { x: number; y: number; width: number; height: number }): DrawItem[] {
  const items: DrawItem[] = [];
  const rule = (x1: number, y1: number, x2: number, y2: number): DrawItem => ({ type: 'rule', x1, y1, x2, y2, width: MARK.width, color: [0, 0, 0] });
  for (const x of [f.x, f.x + f.width]) {
    for (const y of [f.y, f.y + f.height]) {
      const out = x === f.x ? -1 : 1;
      const up = y === f.y ? -1 : 1;
      // Horizontal mark on the trim's horizontal edge, vertical mark on its vertical edge.
      items.push(rule(x + out * MARK.offset, y, x + out * (MARK.offset + MARK.length), y));
      items.push(rule(x, y + up * MARK.offset, x, y + up * (MARK.offset + MARK.length)));
    }
  }
  return items;
}

function badgeItems(header: BadgeHeader, badge: BadgeText, f: { x: number; y: number; width: number; height: number }, options: BadgeLayoutOptions, missing: MissingChar[], shortened: string[]): DrawItem[] {
  const items: DrawItem[] = [];
  const pad = 6 * MM;
  const inner = f.width - 2 * pad;
  const lay = (text: string, style: TextStyle, lineHeight = 1.2): LaidLine[] => {
    if (text.trim() === '') return [];
    // Each text in its own direction (a Latin name on an Arabic badge stays left to right), centred.
    const laid = layoutParagraph(options.fonts, [{ text, style }], { width: inner, align: 'center', direction: 'auto', lang: options.lang, lineHeight });
    missing.push(...laid.missing);
    return laid.lines;
  };
  /**
   * `text` in at most `max` lines at the first of `sizes` that fits; at the smallest, cut at a
   * word with an ellipsis (the badge says it was shortened: `shortened`).
   */
  const fit = (text: string, style: TextStyle, sizes: readonly number[], max: number, field: string, lineHeight = 1.2): LaidLine[] => {
    let lines: LaidLine[] = [];
    for (const size of sizes) {
      lines = lay(text, { ...style, size }, lineHeight);
      if (lines.length <= max) return lines;
    }
    const words = text.trim().split(/\s+/u);
    for (let n = words.length - 1; n > 0; n--) {
      lines = lay(`${words.slice(0, n).join(' ')}…`, { ...style, size: sizes[sizes.length - 1]! }, lineHeight);
      if (lines.length <= max) break;
    }
    shortened.push(field);
    return lines.slice(0, max);
  };
  /** Lines from `top` down; returns the y below them. */
  const place = (lines: LaidLine[], top: number, max = lines.length): number => {
    let y = top;
    for (const line of lines.slice(0, max)) {
      items.push({ type: 'line', line, x: f.x + pad, y: y - line.ascent });
      y -= line.height;
    }
    return y;
  };

  // Header band: the event and when.
  const bandHeight = f.height * 0.2;
  items.push({ type: 'rect', x: f.x, y: f.y + f.height - bandHeight, width: f.width, height: bandHeight, fill: HEADER });
  const title = fit(header.event, sans(9.5, { bold: true, color: WHITE }), [9.5, 8.5, 7.5], 3, 'event');
  const when = lay(header.when, sans(8, { color: WHITE }));
  const headerText = [...title, ...when.slice(0, 1)];
  const headerHeight = headerText.reduce((h, l) => h + l.height, 0);
  place(headerText, f.y + f.height - (bandHeight - headerHeight) / 2);

  // Foot band: the kind of seat.
  const footHeight = f.height * 0.11;
  items.push({ type: 'rect', x: f.x, y: f.y, width: f.width, height: footHeight, fill: KIND_COLOURS[badge.kindIndex % KIND_COLOURS.length]! });
  const kind = fit(badge.kind, sans(11, { bold: true, color: WHITE }), [11, 9.5, 8], 1, 'kind');
  place(kind, f.y + (footHeight + (kind[0]?.height ?? 0)) / 2 - 1);

  // The name, as large as fits on two lines, then function, organisation, country.
  const nameLines = fit(badge.name, sans(NAME_SIZES[0]!, { bold: true, color: INK }), NAME_SIZES, 2, 'name', 1.12);
  const details = [
    ...fit(badge.function, sans(9.5, { color: GREY }), [9.5, 8.5], 2, 'function'),
    ...fit(badge.organisation, sans(9.5, { color: GREY }), [9.5, 8.5], 2, 'organisation'),
  ];
  const country = fit(badge.country, sans(12.5, { bold: true, color: INK }), [12.5, 11], 2, 'country');
  const gap = 4 * MM;
  const blockHeight = [...nameLines, ...details, ...country].reduce((h, l) => h + l.height, 0) + 2 * gap;
  const free = f.height - bandHeight - footHeight;
  let y = f.y + footHeight + free / 2 + blockHeight / 2;
  y = place(nameLines, y) - gap;
  y = place(details, y) - gap;
  place(country, y);
  return items;
}
