/**
 * The form's field names: `<row.field>.<key>` for each nominee (e.g. `gov.1.email`), and the
 * read-only identity fields that tell `collect` which country, language and form version a
 * returned file is.
 */
import type { NominationRow } from './rows.js';

export type FieldKey = 'name' | 'function' | 'organisation' | 'email' | 'phone';

/** In the order they are filled in (tab order). */
export const FIELD_KEYS: readonly FieldKey[] = ['name', 'function', 'organisation', 'email', 'phone'];

export const REQUIRED_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['name', 'function', 'organisation', 'email']);

/** Identity fields, hidden and read-only. */
export const IDENTITY_FIELDS = { country: 'folio.country', lang: 'folio.lang', form: 'folio.form' } as const;

/** The value of `folio.form`: the kind of form and the version of its field layout. */
export const FORM_ID = 'nomination/1';

/** Keywords in the document information, a second way to recognise the form. */
export function formKeywords(country: string, lang: string): string[] {
  return ['folio-nomination-form', `folio-form:${FORM_ID}`, `folio-country:${country}`, `folio-lang:${lang}`];
}

export function fieldName(row: Pick<NominationRow, 'field'>, key: FieldKey): string {
  return `${row.field}.${key}`;
}
