/**
 * The form's field names: `<row.field>.<key>` for each nominee (e.g. `gov.1.email`), and the
 * read-only identity fields that tell `collect` which country, language and form version a
 * returned file is.
 *
 * In the PDF, a name is one flat field name with `_` for `.` (`gov_1_email`): a dotted name
 * would make a hierarchy of fields (PDF 32000-1:2008 §12.7.3.2), which some fillers cannot
 * address by its full name (pypdf 3 matches partial names only, and would fill every row's
 * `name`). Forms of version 1 had dotted names; both are read.
 */
import type { NominationRow } from './rows.js';

export type FieldKey = 'name' | 'function' | 'organisation' | 'email' | 'phone';

/** In the order they are filled in (tab order). */
export const FIELD_KEYS: readonly FieldKey[] = ['name', 'function', 'organisation', 'email', 'phone'];

export const REQUIRED_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['name', 'function', 'organisation', 'email']);

/** Identity fields, hidden and read-only. */
export const IDENTITY_FIELDS = { country: 'folio.country', lang: 'folio.lang', form: 'folio.form' } as const;

/** The value of `folio.form`: the kind of form and the version of its field layout. */
export const FORM_ID = 'nomination/2';

/** Keywords in the document information, a second way to recognise the form. */
export function formKeywords(country: string, lang: string): string[] {
  return ['folio-nomination-form', `folio-form:${FORM_ID}`, `folio-country:${country}`, `folio-lang:${lang}`];
}

export function fieldName(row: Pick<NominationRow, 'field'>, key: FieldKey): string {
  return `${row.field}.${key}`;
}

/** The name a field has in the PDF: flat, `_` for `.`. */
export function pdfFieldName(name: string): string {
  return name.replaceAll('.', '_');
}

/** A field name read from a returned form, in the dotted form used here (either version). */
export function readFieldName(name: string): string {
  return /^[a-z]+(?:_[a-z0-9-]+)+$/.test(name) ? name.replaceAll('_', '.') : name;
}
