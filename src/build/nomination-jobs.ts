/**
 * Nomination forms: one per invited country and language of its letters, as a fillable PDF
 * and a DOCX with the same rows.
 */
import type { Kit } from './load-kit.js';
import type { Localisation } from './plan.js';
import type { Block, DocumentModel } from '../document/model.js';
import { formText, type FormText } from '../nominations/labels.js';
import { directionOf } from '../document/compose.js';
import { documentDate } from './document-date.js';
import type { FontFace } from '../text/font-face.js';
import { taskJob, type JobOptions, type OutputJob } from './jobs.js';
import type { FormInput } from '../nominations/form-pdf.js';
import { nominationModel } from '../nominations/form-model.js';
import { nominationRows } from '../nominations/rows.js';
import { parseIsoDate } from '../templates/helpers.js';

export interface PlannedForm {
  path: string;
  lang: string;
  input: Omit<FormInput, 'fonts'>;
  /** The form's words as a document: the DOCX version, and what the glyph check and the manifest read. */
  model: DocumentModel;
  /** The faces its characters need (filled in by the glyph check). */
  faces: Set<FontFace>;
  /** Every text the PDF prints (the DOCX model lacks the PDF's own instructions): its inputs. */
  pdfTexts: Record<string, unknown>;
  /** The DOCX model with the PDF-only texts added: what the glyph check reads. */
  checkModel: DocumentModel;
}

/** All the form's texts as plain data (the page label with its placeholders). */
function plainTexts(t: FormText): Record<string, unknown> {
  const { page, ...rest } = t;
  return { ...rest, page: page('{page}', '{pages}') };
}

/** The model with the texts only the PDF prints, so that the glyph check sees every character. */
function withPdfTexts(model: DocumentModel, t: FormText): DocumentModel {
  const extra: Block[] = [t.instructions.howToPdf, t.instructions.rowsHint].map((value) => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value }] }));
  return { ...model, blocks: [...model.blocks, ...extra] };
}

export function planNominations(kit: Kit, localisations: Map<string, Localisation>): PlannedForm[] {
  const forms: PlannedForm[] = [];
  const date = documentDate(kit.config);
  for (const [lang, loc] of localisations) {
    const replyBy = kit.config.event.replyBy;
    const deadline = replyBy ? new Intl.DateTimeFormat(loc.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parseIsoDate(replyBy)) : '';
    for (const country of kit.config.countries) {
      if (!country.languages.includes(lang)) continue;
      // A country with no place to fill (own cost, no additional places) gets no form.
      if (nominationRows(country).length === 0) continue;
      const input: Omit<FormInput, 'fonts'> = {
        config: kit.config, country, lang, direction: directionOf(lang),
        message: (source, args) => loc.message('nomination', source, args),
        countryName: loc.tr(country.name), deadline, date, eventTitle: loc.tr(kit.config.event.title),
        organisers: kit.config.event.organisers.map((o) => loc.tr(o.short)),
        seatName: loc.tr,
      };
      // Messages name the configuration relative to the project (as every diagnostic does); an
      // absolute path would also make a moved kit rebuild its forms.
      const model: DocumentModel = { ...nominationModel(input), origin: 'sources/seminar.yaml' };
      const texts = formText(input);
      forms.push({ path: `${lang}/nominations/${country.code}`, lang, input, model, faces: new Set(), pdfTexts: plainTexts(texts), checkModel: withPdfTexts(model, texts) });
    }
  }
  return forms;
}

export function nominationJobs(forms: PlannedForm[], options: JobOptions): OutputJob[] {
  const jobs: OutputJob[] = [];
  const docxNames = options.docxFonts;
  for (const form of forms) {
    for (const format of options.formats) {
      const base = { path: `${form.path}.${format}`, lang: form.lang, kind: 'nominations', format, weight: 1 };
      if (format === 'docx') {
        jobs.push(taskJob({ ...base, inputs: { format, model: form.model, seats: form.input.country.seats, fonts: docxNames } },
          { type: 'docx', model: form.model, fonts: docxNames }, options.fonts));
        continue;
      }
      jobs.push({
        ...base,
        inputs: { format, model: form.model, texts: form.pdfTexts, seats: form.input.country.seats, fonts: options.pdfFontKey(form.faces), standard: options.pdfStandard ?? 'ua1+a2b' },
        // The form's fields are built from the configuration and messages: rendered in the main thread.
        render: async () => {
          const { renderNominationForm } = await import('../nominations/form-pdf.js');
          return renderNominationForm({ ...form.input, fonts: options.fonts, ...(options.pdfStandard ? { pdfStandard: options.pdfStandard } : {}) });
        },
      });
    }
  }
  return jobs;
}
