/**
 * The PDF edge of the nomination forms: lays the form out (form-layout.ts), draws its labels
 * through the text engine's glyph edge (shaped, right to left for Arabic), and adds an
 * AcroForm text field over each box (PDF 32000-1:2008 §12.7, form-widgets.ts). The fields are
 * typed in an embedded font that covers the form's language (form-font.ts); the AcroForm
 * carries `/NeedAppearances true` (§12.7.2) so that viewers draw the values typed in
 * themselves; fields are right-aligned (`/Q 2`) in right-to-left forms.
 */
import '../render/pdf/native-deflate.js';
import { PDFBool, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Country, SeminarConfig } from '../config/types.js';
import { ContentError, diagnostic } from '../diagnostics/diagnostic.js';
import { drawItems } from '../render/pdf/draw-items.js';
import { PdfFontRegistry } from '../render/pdf/glyphs/pdf-fonts.js';
import { PAGE } from '../render/pdf/styles.js';
import type { FontLibrary } from '../text/fonts.js';
import type { MissingChar } from '../text/layout-paragraph.js';
import { FORM_ID, formKeywords, IDENTITY_FIELDS } from './fields.js';
import { embedFormFont, FORM_FONT_NAME } from './form-font.js';
import { layoutNominationForm } from './form-layout.js';
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
  const pdfPages = pages.map((laid) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    drawItems(page, registry, laid.items);
    return page;
  });
  pages.forEach((laid, i) => {
    for (const box of laid.fields) {
      // Inside the drawn box, clear of its stroke.
      addTextField(doc, pdfPages[i]!, { ...box, x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 }, fieldStyle);
    }
  });
  const identity: [string, string][] = [[IDENTITY_FIELDS.country, input.country.code], [IDENTITY_FIELDS.lang, input.lang], [IDENTITY_FIELDS.form, FORM_ID]];
  for (const [name, value] of identity) {
    // Hidden and read-only: they say what the form is; viewers keep them when they save.
    addTextField(doc, pdfPages[0]!, { name, value, x: 0, y: 0, width: 0, height: 0, hidden: true, readOnly: true }, fieldStyle);
  }
  // Viewers and fillers draw typed values with the DA font, found in the AcroForm's resources (§12.7.2, DR).
  const acroForm = doc.catalog.getOrCreateAcroForm().dict;
  acroForm.set(PDFName.of('NeedAppearances'), PDFBool.True);
  acroForm.set(PDFName.of('DR'), doc.context.obj({ Font: { [FORM_FONT_NAME]: fieldFont.ref } }));
  acroForm.set(PDFName.of('DA'), PDFString.of(fieldStyle.da));

  fieldFont.finalize();
  registry.finalize();
  const author = input.config.event.organisers.map((o) => o.short).join(', ');
  doc.setTitle(text.title, { showInWindowTitleBar: true });
  doc.setSubject(text.event);
  doc.setAuthor(author);
  doc.setKeywords(formKeywords(input.country.code, input.lang));
  doc.setLanguage(input.lang);
  doc.setCreator('folio');
  doc.setProducer('folio (pdf-lib)');
  doc.setCreationDate(input.date);
  doc.setModificationDate(input.date);
  if (input.direction === 'rtl') doc.catalog.set(PDFName.of('ViewerPreferences'), doc.context.obj({ Direction: 'R2L' }));
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
