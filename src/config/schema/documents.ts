/**
 * `documents:` — the event's own kinds of document, besides folio's built-in ones:
 *
 * ```yaml
 * documents:
 *   - name: room-plan            # out/<lang>/room-plan.{pdf,docx}; all of them: `--only documents`
 *     title: "Room plan"         # optional: the document's title, translated (default: the name)
 *     template: room-plan        # optional: templates/room-plan.md.hbs (default: the name)
 *     per: event                 # event (default) | country | participant
 *     formats: [pdf]             # optional: pdf, docx (default: both)
 *     page: A5                   # optional: A4 (default), A5, Letter, A4-landscape, A5-landscape
 * ```
 *
 * Per country, a document is made in each language of the country's letters
 * (`out/<lang>/<name>/<CODE>`); per participant, in the participant's language
 * (`out/<lang>/<name>/<id>`). The template sees the data of the invitation letters (per
 * country), of the certificates (per participant) or of the list of participants (per event).
 */
import type { ConfigReader, Mapping } from '../reader.js';
import type { DeclaredDocument, PageSize } from '../types.js';

export const DOCUMENT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const PAGE_SIZES = ['A4', 'A5', 'Letter', 'A4-landscape', 'A5-landscape'] as const satisfies readonly PageSize[];
const PER = ['event', 'country', 'participant'] as const;
const FORMATS = ['pdf', 'docx'] as const;

/** The built-in kinds and the folders folio writes: a declared document may not take their names. */
export const RESERVED_DOCUMENT_NAMES = new Set([
  'agenda', 'concept-note', 'briefs', 'handbook', 'invitations', 'packs', 'pack', 'pack-practical', 'nominations', 'participants',
  'certificates', 'visa-letters', 'badges', 'badges-a6', 'print', 'licences', 'review', 'proof', 'build-report',
]);

export function readDocuments(reader: ConfigReader, root: Mapping): DeclaredDocument[] | undefined {
  const items = reader.list(root, 'documents');
  if (!items) return undefined;
  const out: DeclaredDocument[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const m = reader.mapping(item.node, item.where, {
      required: ['name'],
      optional: ['title', 'template', 'per', 'formats', 'page'],
      examples: { name: 'name: room-plan' },
    });
    if (!m) continue;
    const name = reader.text(m, 'name');
    if (!name) continue;
    if (!DOCUMENT_NAME.test(name.value)) {
      reader.report(name.place, 'config/document-name',
        `${name.where} is "${name.value.slice(0, 40)}": a document's name is lower case letters, digits and hyphens, starting with a letter (e.g. room-plan); it names its files.`);
      continue;
    }
    if (RESERVED_DOCUMENT_NAMES.has(name.value)) {
      reader.report(name.place, 'config/document-name',
        `${name.where} is "${name.value}", a name folio uses for its own documents or folders: choose another (e.g. ${name.value}-extra).`);
      continue;
    }
    if (seen.has(name.value)) {
      reader.report(name.place, 'config/document-name', `${name.where}: a document named "${name.value}" is declared twice: give each its own name.`);
      continue;
    }
    seen.add(name.value);
    const template = reader.text(m, 'template');
    if (template && !DOCUMENT_NAME.test(template.value)) {
      reader.report(template.place, 'config/document-template',
        `${template.where} is "${template.value.slice(0, 40)}": write the template's name without folder or extension (templates/<name>.md.hbs), in lower case letters, digits and hyphens.`);
      continue;
    }
    const per = reader.choice(m, 'per', PER, 'config/document-per');
    const page = reader.choice(m, 'page', PAGE_SIZES, 'config/document-page');
    const formats = readFormats(reader, m);
    if ((m.values.has('per') && !per) || (m.values.has('page') && !page) || formats === null) continue;
    const title = reader.text(m, 'title')?.value;
    out.push({
      name: name.value,
      template: template?.value ?? name.value,
      per: per?.value ?? 'event',
      formats: formats ?? [...FORMATS],
      page: page?.value ?? 'A4',
      ...(title !== undefined && { title }),
      place: name.place,
    });
  }
  return out;
}

/** `formats`: a non-empty list of pdf and docx; `null` when it could not be read (reported). */
function readFormats(reader: ConfigReader, m: Mapping): ('pdf' | 'docx')[] | undefined | null {
  if (!m.values.has('formats')) return undefined;
  const list = reader.textList(m, 'formats', { nonEmpty: true });
  if (!list) return null;
  const formats: ('pdf' | 'docx')[] = [];
  for (const f of list) {
    if ((FORMATS as readonly string[]).includes(f.value)) {
      if (!formats.includes(f.value as 'pdf')) formats.push(f.value as 'pdf' | 'docx');
      continue;
    }
    reader.report(f.place, 'config/document-format', `${f.where} is "${f.value.slice(0, 20)}", which is not one of: pdf, docx.`);
    return null;
  }
  return formats;
}
