/**
 * The PDF edge of the nomination forms: lays the form out (form-layout.ts), draws its labels
 * through the text engine's glyph edge (shaped, right to left for Arabic), and adds an
 * AcroForm text field over each box (PDF 32000-1:2008 §12.7, form-widgets.ts). The fields are
 * typed in an embedded font that covers the form's language (form-font.ts); each widget has
 * its (empty) appearance, and viewers draw what is typed; fields are right-aligned (`/Q 2`) in
 * right-to-left forms. Tagged as the documents are (PDF/UA-1, PDF/A-2b): each label line a `P`,
 * each field a `Form` element holding its widget, in reading order (top to bottom, from the
 * start side); boxes and rules are artifacts.
 */
import '../render/pdf/native-deflate.js';
import { PDFDocument, PDFName, PDFString, ReadingDirection } from 'pdf-lib';
import type { Country, SeminarConfig } from '../config/types.js';
import { ContentError, diagnostic } from '../diagnostics/diagnostic.js';
import { drawItems } from '../render/pdf/draw-items.js';
import { addInReadingOrder, drawTagged, placedLine, type Placed } from '../render/pdf/tag-laid-pages.js';
import { contentIdentity, declareArchival, writeInfo } from '../render/pdf/archival.js';
import { structNode, type StructNode } from '../render/pdf/structure.js';
import { Tagger } from '../render/pdf/tagging.js';
import type { PdfStandard } from '../build/kinds.js';
import type { DrawItem } from '../render/pdf/boxes.js';
import { PdfFontRegistry } from '../render/pdf/glyphs/pdf-fonts.js';
import { PAGE } from '../render/pdf/styles.js';
import type { FontLibrary } from '../text/fonts.js';
import type { MissingChar } from '../text/layout-paragraph.js';
import { FORM_ID, formKeywords, IDENTITY_FIELDS } from './fields.js';
import { embedFormFont, FORM_FONT_NAME } from './form-font.js';
import { layoutNominationForm, type FieldBox, type FormPage } from './form-layout.js';
import { addTextField } from './form-widgets.js';
import { formText } from './labels.js';
import type { MessageFn } from './messages.js';

export { nominationModel } from './form-model.js';

export interface FormInput {
  config: SeminarConfig;
  country: Country;
  /** The form's language, e.g. `fr`. */
  lang: string;
  direction: 'ltr' | 'rtl';
  fonts: FontLibrary;
  /** Looks up and formats a message of NOMINATION_MESSAGES in `lang`. */
  message: MessageFn;
  /** The country's name in `lang`. */
  countryName: string;
  /** The return deadline, formatted in `lang` (empty: "as soon as possible"). */
  deadline: string;
  /** PDF metadata date (the build's fixed date). */
  date: Date;
  /** The event's title in `lang`; default: the configuration's (source-language) title. */
  eventTitle?: string;
  /** The organisers' short names in `lang`; default: as configured. */
  organisers?: string[];
  /** A declared seat kind's name in `lang`; default: as configured. */
  seatName?: (name: string) => string;
  /** `none`: a plain PDF (untagged, no PDF/A metadata); default: PDF/UA-1 and PDF/A-2b. */
  pdfStandard?: PdfStandard;
}

/** Field value size, pt (the DA of every field). */
const VALUE_SIZE = 9;

/**
 * The fillable nomination form of one country in one language, as PDF bytes (A4; the same
 * input gives the same bytes). Throws a ContentError (`font/missing-glyph`) when a label has
 * a character no configured font can draw.
 */
export async function renderNominationPdf(input: FormInput): Promise<Uint8Array> {
  return (await renderNominationForm(input)).bytes;
}

/** {@link renderNominationPdf}, with the number of pages of the form. */
export async function renderNominationForm(input: FormInput): Promise<{ bytes: Uint8Array; pages: number }> {
  const text = formText(input);
  const { pages, missing } = layoutNominationForm(text, { fonts: input.fonts, direction: input.direction, lang: input.lang });
  if (missing.length > 0) throw new ContentError(missingGlyphs(missing, input));

  const doc = await PDFDocument.create({ updateMetadata: false });
  const registry = new PdfFontRegistry(doc);
  const fieldFont = embedFormFont(doc, input.fonts, input.lang);
  const fieldStyle = { da: `/${FORM_FONT_NAME} ${VALUE_SIZE} Tf 0 g`, rtl: input.direction === 'rtl' };
  const standard = input.pdfStandard !== 'none';
  const structure = standard ? formStructure(pages, input.direction) : undefined;
  const tagger = structure ? new Tagger(doc, [{ roots: [structure.root], from: 0, to: pages.length }], { lang: input.lang }) : undefined;
  const pdfPages = pages.map((laid, i) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    if (tagger) drawTagged(page, i, registry, laid.items, tagger);
    else drawItems(page, registry, laid.items);
    return page;
  });
  pages.forEach((laid, i) => {
    for (const box of laid.fields) {
      // Inside the drawn box, clear of its stroke.
      const widget = addTextField(doc, pdfPages[i]!, { ...box, x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 }, fieldStyle);
      const node = structure?.fields.get(box);
      if (widget && node) tagger!.widget(i, node, widget.widget, widget.ref);
    }
  });
  const identity: [string, string][] = [[IDENTITY_FIELDS.country, input.country.code], [IDENTITY_FIELDS.lang, input.lang], [IDENTITY_FIELDS.form, FORM_ID]];
  for (const [name, value] of identity) {
    // Hidden and read-only: they say what the form is; viewers keep them when they save.
    addTextField(doc, pdfPages[0]!, { name, value, x: 0, y: 0, width: 0, height: 0, hidden: true, readOnly: true }, fieldStyle);
  }
  // Viewers and fillers draw typed values with the DA font, found in the AcroForm's resources (§12.7.2, DR).
  const acroForm = doc.catalog.getOrCreateAcroForm().dict;
  acroForm.set(PDFName.of('DR'), doc.context.obj({ Font: { [FORM_FONT_NAME]: fieldFont.ref } }));
  acroForm.set(PDFName.of('DA'), PDFString.of(fieldStyle.da));

  tagger?.finish(pdfPages.map((p) => p.ref), pdfPages);
  fieldFont.finalize();
  registry.finalize();
  const author = input.config.event.organisers.map((o) => o.short).join(', ');
  const info = writeInfo(doc, { title: text.title, subject: text.event, author, keywords: formKeywords(input.country.code, input.lang), lang: input.lang, date: input.date });
  if (input.direction === 'rtl') doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
  if (standard) declareArchival(doc, info, { meta: info, country: input.country.code, content: contentIdentity(pages) });
  // objectsPerTick: pdf-lib otherwise yields to the event loop (setTimeout 0, ≥ 1 ms) every 50 objects.
  // The empty fields got their appearances when they were added: not drawn a second time.
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY, updateFieldAppearances: false });
  return { bytes, pages: pages.length };
}

function missingGlyphs(missing: MissingChar[], input: FormInput) {
  const seen = new Set<number>();
  return missing.filter((m) => !seen.has(m.codePoint) && seen.add(m.codePoint)).map((m) => {
    const code = `U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
    return diagnostic(m.place ?? { file: input.config.file }, 'error', 'font/missing-glyph',
      `${code} "${m.char}" cannot be drawn by any configured font in the ${input.lang} nomination form of ${input.country.name}: remove or replace the character in its translation, or configure a font that has it.`);
  });
}

/**
 * The form's structure in reading order: on each page, its label lines (a P each) from the top
 * down, lines of one height from the start side, each field (a Form) right after its label (the
 * nearest line above it that overlaps it across), or in its own place when it has none.
 */
function formStructure(pages: readonly FormPage[], direction: 'ltr' | 'rtl'): { root: StructNode; fields: Map<FieldBox, StructNode> } {
  const root = structNode('Document');
  const fields = new Map<FieldBox, StructNode>();
  for (const page of pages) {
    const lines = page.items.filter((i): i is Extract<DrawItem, { type: 'line' }> => i.type === 'line' && i.line.glyphs.length > 0);
    const placed: Placed[] = lines.map(placedLine);
    for (const box of page.fields) {
      const top = box.y + box.height;
      let label: Placed | undefined;
      lines.forEach((line, i) => {
        const left = line.x + line.line.x;
        const right = left + line.line.contentWidth;
        const above = line.y - line.line.descent - top;
        if (above < -6 || above > 24 || right < box.x || left > box.x + box.width) return;
        if (!label || placed[i]!.top < label.top) label = placed[i];
      });
      const form: Placed['add'] = (parent) => { const node = structNode('Form'); parent.children.push(node); fields.set(box, node); };
      if (label) {
        const add = label.add;
        label.add = (parent) => { add(parent); form(parent); };
      } else placed.push({ top, x: box.x, add: form });
    }
    addInReadingOrder(root, placed, direction);
  }
  return { root, fields };
}
