/**
 * The DOCX version of a nomination form, as a document model: the same title and
 * instructions as the PDF, then one grid table whose rows are the form's rows (the place in
 * the first column, empty cells for name, function, organisation, e-mail and phone).
 */
import type { Block, DocumentModel, Inline } from '../document/model.js';
import { FIELD_KEYS, formKeywords } from './fields.js';
import type { FormInput } from './form-pdf.js';
import { formText } from './labels.js';

const text = (value: string): Inline => ({ type: 'text', value });
const paragraph = (role: 'title' | 'subtitle' | 'meta' | 'body', value: string, strong = false): Block => ({
  type: 'paragraph', role, align: 'start', children: [strong ? { type: 'strong', children: [text(value)] } : text(value)],
});

export function nominationModel(input: Omit<FormInput, 'fonts'>): DocumentModel {
  const t = formText(input);
  const i = t.instructions;
  const blocks: Block[] = [
    paragraph('meta', t.organisers),
    paragraph('title', t.title),
    paragraph('subtitle', t.event),
    paragraph('body', i.deadline, true),
    ...(i.contact ? [paragraph('body', i.contact)] : []),
    paragraph('body', i.howToDocx),
    paragraph('body', i.costs),
    paragraph('body', i.required),
    {
      type: 'table',
      style: 'grid',
      align: [null, ...FIELD_KEYS.map(() => null)],
      header: [[text(t.place)], ...FIELD_KEYS.map((k) => [text(t.fields[k])])],
      rows: t.rows.map((r) => [[text(r.label), { type: 'break' }, { type: 'emphasis', children: [text(r.tag)] }], ...FIELD_KEYS.map(() => [])]),
    },
  ];
  return {
    kind: 'nomination',
    meta: {
      title: t.title,
      subject: t.event,
      author: input.config.event.organisers.map((o) => o.short).join(', '),
      keywords: formKeywords(input.country.code, input.lang),
      lang: input.lang,
      ...(input.config.event.locales?.[input.lang] ? { locale: input.config.event.locales[input.lang] } : {}),
      date: input.date,
    },
    direction: input.direction,
    header: '',
    footer: t.page('{page}', '{pages}'),
    blocks,
    footnotes: [],
    origin: input.config.file,
  };
}
