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
const BAR_HEIGHT = 17;
const BAR_GAP = 3;
const LABEL_HEIGHT = 10;
const FIELD_HEIGHT = 16;
const LINE_GAP = 4;
const BLOCK_GAP = 10;
const BLOCK_HEIGHT = BAR_HEIGHT + BAR_GAP + FIELD_GRID.length * (LABEL_HEIGHT + FIELD_HEIGHT) + (FIELD_GRID.length - 1) * LINE_GAP;
/** Room kept at the foot of each page for the page number. */
const FOOTER_Y = 34;

export interface FormLayoutOptions {
  fonts: FontLibrary;
  direction: 'ltr' | 'rtl';
  lang: string;
}

export function layoutNominationForm(text: FormText, options: FormLayoutOptions): FormLayout {
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
  paragraph(i.required, STYLE.body, 14);

  for (const rowText of text.rows) {
    if (y - BLOCK_HEIGHT < MARGIN.bottom) {
      page = { items: [], fields: [] };
      pages.push(page);
      y = PAGE.height - MARGIN.top;
      paragraph(text.title, STYLE.running, 14);
    }
    // The bar: label at the start side, sponsored or own cost at the end side.
    page.items.push({ type: 'rect', x: MARGIN.x, y: y - BAR_HEIGHT, width: WIDTH, height: BAR_HEIGHT, fill: BAR });
    const inner = WIDTH - 12;
    const tag = lay(rowText.tag, STYLE.rowTag, inner, 'end')[0];
    const tagWidth = tag ? tag.contentWidth + 12 : 0;
    const label = lay(rowText.label, STYLE.rowLabel, inner - tagWidth)[0];
    const barBaseline = y - BAR_HEIGHT / 2 - 3.2;
    if (label) page.items.push({ type: 'line', line: label, x: left(6, inner - tagWidth), y: barBaseline });
    if (tag) page.items.push({ type: 'line', line: tag, x: left(6, inner), y: barBaseline });
    y -= BAR_HEIGHT + BAR_GAP;

    FIELD_GRID.forEach((gridLine, lineIndex) => {
      if (lineIndex > 0) y -= LINE_GAP;
      const free = WIDTH - GAP * (gridLine.length - 1);
      let start = 0;
      for (const [key, share] of gridLine) {
        const width = free * share;
        const x = left(start, width);
        const caption = lay(text.fields[key], STYLE.fieldLabel, width)[0];
        if (caption) page.items.push({ type: 'line', line: caption, x, y: y - 7.8 });
        const boxY = y - LABEL_HEIGHT - FIELD_HEIGHT;
        page.items.push({ type: 'rect', x, y: boxY, width, height: FIELD_HEIGHT, fill: FIELD_FILL, stroke: FIELD_STROKE, lineWidth: 0.5 });
        page.fields.push({ name: fieldName(rowText.row, key), x, y: boxY, width, height: FIELD_HEIGHT, required: REQUIRED_FIELDS.has(key) });
        start += width + GAP;
      }
      y -= LABEL_HEIGHT + FIELD_HEIGHT;
    });
    y -= BLOCK_GAP;
  }

  if (pages.length > 1) pages.forEach((p, index) => {
    const footer = lay(text.page(index + 1, pages.length), STYLE.running, WIDTH, 'center')[0];
    if (footer) p.items.push({ type: 'line', line: footer, x: MARGIN.x, y: FOOTER_Y });
  });
  return { pages, missing };
}
