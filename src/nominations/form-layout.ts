/**
 * Pure layout of a nomination form: the form's words → pages of things to draw (text lines,
 * boxes) and the rectangles of its fields, in PDF page coordinates (points, y up). Nothing
 * here touches pdf-lib.
 *
 * Each nominee gets a block: a shaded bar with the place's label (start side) and whether it
 * is sponsored (end side), then two lines of labelled fields (name, function; organisation,
 * e-mail, phone). Right to left, every box is mirrored about the page's centre line and text
 * is laid out from the right by the text engine.
 */
import type { DrawItem } from '../render/pdf/boxes.js';
import { PAGE } from '../render/pdf/styles.js';
import type { FontLibrary } from '../text/fonts.js';
import { layoutParagraph, type LaidLine, type MissingChar } from '../text/layout-paragraph.js';
import type { TextStyle } from '../text/style.js';
import { fieldName, REQUIRED_FIELDS, type FieldKey } from './fields.js';
import type { FormText } from './labels.js';

export interface FieldBox {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  required: boolean;
  /** What the field is for, as a viewer's tooltip and a screen reader say it (/TU), e.g. "Government official 1: Full name". */
  tooltip: string;
}

export interface FormPage {
  items: DrawItem[];
  fields: FieldBox[];
}

export interface FormLayout {
  pages: FormPage[];
  missing: MissingChar[];
}

type Color = [number, number, number];

const MARGIN = { x: 56, top: 50, bottom: 58 };
const WIDTH = PAGE.width - 2 * MARGIN.x;
const GREY: Color = [0.35, 0.35, 0.38];
const BAR: Color = [0.9, 0.92, 0.95];
const FIELD_FILL: Color = [0.975, 0.98, 0.99];
const FIELD_STROKE: Color = [0.62, 0.64, 0.68];

const sans = (size: number, extra: Partial<TextStyle> = {}): TextStyle => ({ family: 'sans', bold: false, italic: false, size, ...extra });
const serif = (size: number): TextStyle => ({ family: 'serif', bold: false, italic: false, size });

const STYLE = {
  organisers: sans(8.5, { color: GREY }),
  title: sans(17, { bold: true }),
  event: sans(10.5, { color: GREY }),
  body: serif(9.5),
  running: sans(8, { color: GREY }),
  rowLabel: sans(9.5, { bold: true }),
  rowTag: sans(8.5, { color: GREY }),
  fieldLabel: sans(7.8, { color: GREY }),
};

/** Field lines of a block: each a list of (field, share of the width). */
const FIELD_GRID: readonly (readonly [FieldKey, number][])[] = [
  [['name', 0.56], ['function', 0.44]],
  [['organisation', 0.42], ['email', 0.35], ['phone', 0.23]],
];
const GAP = 8;
/** Vertical measures of a block, pt: the usual ones, and tighter ones tried when the rows would not fit on one page. */
interface Spacing { barHeight: number; barGap: number; labelHeight: number; fieldHeight: number; lineGap: number; blockGap: number; introGap: number }
const SPACINGS: readonly Spacing[] = [
  { barHeight: 17, barGap: 3, labelHeight: 10, fieldHeight: 16, lineGap: 4, blockGap: 10, introGap: 14 },
  { barHeight: 15, barGap: 2, labelHeight: 10, fieldHeight: 15, lineGap: 2, blockGap: 6, introGap: 8 },
];
const blockHeight = (m: Spacing) => m.barHeight + m.barGap + FIELD_GRID.length * (m.labelHeight + m.fieldHeight) + (FIELD_GRID.length - 1) * m.lineGap;
/** Room kept at the foot of each page for the page number. */
const FOOTER_Y = 34;

export interface FormLayoutOptions {
  fonts: FontLibrary;
  direction: 'ltr' | 'rtl';
  lang: string;
}

/**
 * Lays the form out with the usual spacing, or, when its rows would then run onto a second
 * page, with the tighter spacing if that keeps it on one page (a form is one page where the
 * quota fits).
 */
export function layoutNominationForm(text: FormText, options: FormLayoutOptions): FormLayout {
  const usual = layoutWith(text, options, SPACINGS[0]!);
  if (usual.pages.length === 1) return usual;
  const tight = layoutWith(text, options, SPACINGS[1]!);
  return tight.pages.length === 1 ? tight : usual;
}

function layoutWith(text: FormText, options: FormLayoutOptions, m: Spacing): FormLayout {
  const { fonts, direction, lang } = options;
  const missing: MissingChar[] = [];
  const rtl = direction === 'rtl';
  /** A box given from the start side → its left edge on the page. */
  const left = (start: number, width: number) => (rtl ? PAGE.width - MARGIN.x - start - width : MARGIN.x + start);

  const lay = (value: string, style: TextStyle, width: number, align: 'start' | 'end' | 'center' = 'start', lineHeight = 1.25): LaidLine[] => {
    const laid = layoutParagraph(fonts, [{ text: value, style }], { width, align, direction, lang, lineHeight });
    missing.push(...laid.missing);
    return laid.lines;
  };

  const pages: FormPage[] = [];
  let page: FormPage = { items: [], fields: [] };
  pages.push(page);
  let y = PAGE.height - MARGIN.top;

  /** A paragraph across the content column, from `y` down. */
  const paragraph = (value: string, style: TextStyle, spaceAfter: number, lineHeight = 1.3) => {
    for (const line of lay(value, style, WIDTH, 'start', lineHeight)) {
      page.items.push({ type: 'line', line, x: left(0, WIDTH), y: y - line.ascent });
      y -= line.height;
    }
    y -= spaceAfter;
  };

  // Page 1: who, what, when, how.
  paragraph(text.organisers, STYLE.organisers, 6);
  paragraph(text.title, STYLE.title, 2, 1.2);
  paragraph(text.event, STYLE.event, 12);
  page.items.push({ type: 'rule', x1: MARGIN.x, y1: y + 5, x2: MARGIN.x + WIDTH, y2: y + 5, width: 0.5, color: FIELD_STROKE });
  y -= 6;
  const i = text.instructions;
  paragraph(i.deadline, { ...STYLE.body, bold: true }, 3);
  if (i.contact) paragraph(i.contact, STYLE.body, 3);
  for (const p of [i.howToPdf, i.costs, i.rowsHint]) paragraph(p, STYLE.body, 3);
  paragraph(i.required, STYLE.body, m.introGap);

  for (const rowText of text.rows) {
    if (y - blockHeight(m) < MARGIN.bottom) {
      page = { items: [], fields: [] };
      pages.push(page);
      y = PAGE.height - MARGIN.top;
      paragraph(text.title, STYLE.running, 14);
    }
    // The bar: label at the start side, sponsored or own cost at the end side.
    page.items.push({ type: 'rect', x: MARGIN.x, y: y - m.barHeight, width: WIDTH, height: m.barHeight, fill: BAR });
    const inner = WIDTH - 12;
    const tag = lay(rowText.tag, STYLE.rowTag, inner, 'end')[0];
    const tagWidth = tag ? tag.contentWidth + 12 : 0;
    const label = lay(rowText.label, STYLE.rowLabel, inner - tagWidth)[0];
    const barBaseline = y - m.barHeight / 2 - 3.2;
    if (label) page.items.push({ type: 'line', line: label, x: left(6, inner - tagWidth), y: barBaseline });
    if (tag) page.items.push({ type: 'line', line: tag, x: left(6, inner), y: barBaseline });
    y -= m.barHeight + m.barGap;

    FIELD_GRID.forEach((gridLine, lineIndex) => {
      if (lineIndex > 0) y -= m.lineGap;
      const free = WIDTH - GAP * (gridLine.length - 1);
      let start = 0;
      for (const [key, share] of gridLine) {
        const width = free * share;
        const x = left(start, width);
        const caption = lay(text.fields[key], STYLE.fieldLabel, width)[0];
        if (caption) page.items.push({ type: 'line', line: caption, x, y: y - 7.8 });
        const boxY = y - m.labelHeight - m.fieldHeight;
        page.items.push({ type: 'rect', x, y: boxY, width, height: m.fieldHeight, fill: FIELD_FILL, stroke: FIELD_STROKE, lineWidth: 0.5 });
        page.fields.push({ name: fieldName(rowText.row, key), x, y: boxY, width, height: m.fieldHeight, required: REQUIRED_FIELDS.has(key), tooltip: `${rowText.label}: ${text.plainFields[key]}` });
        start += width + GAP;
      }
      y -= m.labelHeight + m.fieldHeight;
    });
    y -= m.blockGap;
  }

  if (pages.length > 1) pages.forEach((p, index) => {
    const footer = lay(text.page(index + 1, pages.length), STYLE.running, WIDTH, 'center')[0];
    if (footer) p.items.push({ type: 'line', line: footer, x: MARGIN.x, y: FOOTER_Y });
  });
  return { pages, missing };
}
