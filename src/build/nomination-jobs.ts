/**
 * Nomination forms: one per invited country and language of its letters, as a fillable PDF
 * and a DOCX with the same rows.
 */
import type { Kit } from './load-kit.js';
import type { Localisation } from './plan.js';
import type { DocumentModel } from '../document/model.js';
import { directionOf } from '../document/compose.js';
import { documentDate } from './document-date.js';
import type { FontFace } from '../text/font-face.js';
import type { JobOptions, OutputJob } from './jobs.js';
import { runTask } from './render-task.js';
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
      };
      forms.push({ path: `${lang}/nominations/${country.code}`, lang, input, model: nominationModel(input), faces: new Set() });
    }
  }
  return forms;
}

export function nominationJobs(forms: PlannedForm[], options: JobOptions): OutputJob[] {
  const jobs: OutputJob[] = [];
  const docxNames = options.docxFonts;
  for (const form of forms) {
    for (const format of options.formats) {
      jobs.push({
        path: `${form.path}.${format}`, lang: form.lang, kind: 'nominations', format, weight: 1,
        inputs: { format, model: form.model, quota: form.input.country.quota, fonts: format === 'pdf' ? options.pdfFontKey(form.faces) : docxNames },
        ...(format === 'docx' ? { task: { type: 'docx' as const, model: form.model, fonts: docxNames } } : {}),
        render: async () => {
          if (format === 'docx') return runTask({ type: 'docx', model: form.model, fonts: docxNames }, options.fonts);
          // The form's fields are built from the configuration and messages: rendered in the main thread.
          const { renderNominationPdf } = await import('../nominations/form-pdf.js');
          return { bytes: await renderNominationPdf({ ...form.input, fonts: options.fonts }) };
        },
      });
    }
  }
  return jobs;
}
