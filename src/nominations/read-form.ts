/**
 * Reads a returned nomination form: which country, language and form version it is (from
 * its hidden identity fields, or from its Keywords when a viewer dropped them), and the
 * value of every text field. Nothing is checked against the configuration here.
 */
import { EncryptedPDFError, PDFDocument, PDFTextField } from 'pdf-lib';
import { IDENTITY_FIELDS } from './fields.js';

export interface FilledForm {
  country: string;
  lang: string;
  /** `folio.form`, e.g. `nomination/1`. */
  formId: string;
  /** Every text field's value, by full field name ('' when empty). */
  values: Map<string, string>;
}

/** Either the form, or why the file is not one (a sentence to follow the file's name). */
export type FormReading = { form: FilledForm } | { problem: string };

export async function readNominationForm(bytes: Uint8Array): Promise<FormReading> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) return { problem: 'is encrypted (protected by a password): ask for the form without a password.' };
    return { problem: 'is not a readable PDF file.' };
  }
  const values = new Map<string, string>();
  try {
    for (const field of doc.getForm().getFields()) {
      if (field instanceof PDFTextField) values.set(field.getName(), field.getText() ?? '');
    }
  } catch {
    return { problem: 'has a form that cannot be read (damaged fields).' };
  }
  const keywords = parseKeywords(doc.getKeywords());
  const identity = {
    country: values.get(IDENTITY_FIELDS.country) || keywords.get('folio-country') || '',
    lang: values.get(IDENTITY_FIELDS.lang) || keywords.get('folio-lang') || '',
    formId: values.get(IDENTITY_FIELDS.form) || keywords.get('folio-form') || '',
  };
  if (identity.formId === '') {
    return values.size === 0
      ? { problem: 'has no form fields: it is not a nomination form made by folio, or it was printed, scanned or flattened. Ask for the filled form saved as PDF.' }
      : { problem: 'is a PDF form, but not a nomination form made by folio (no field folio.form).' };
  }
  if (identity.country === '' || identity.lang === '') {
    return { problem: `does not say which country and language it is for (fields ${IDENTITY_FIELDS.country} and ${IDENTITY_FIELDS.lang} are empty).` };
  }
  return { form: { ...identity, values } };
}

/** `folio-country:MA folio-lang:fr` → map; pdf-lib writes the keywords separated by spaces. */
function parseKeywords(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const word of (text ?? '').split(/[\s,;]+/)) {
    const colon = word.indexOf(':');
    if (colon > 0) map.set(word.slice(0, colon), word.slice(colon + 1));
  }
  return map;
}
