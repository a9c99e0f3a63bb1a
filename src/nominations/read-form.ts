/**
 * Reads a returned nomination form: which country, language and form version it is (from
 * its hidden identity fields, or from its Keywords when a viewer dropped them), and the
 * value of every text field. Nothing is checked against the configuration here.
 *
 * The bytes come from outside: the file is measured first (scan-pdf.ts), pdf-lib's decoders
 * run under a budget, its console warnings are caught, and every failure of a hostile or
 * damaged file is a FormProblem, never an exception. Time and memory are bounded by the
 * thread this runs in (form-reader.ts).
 */
import { EncryptedPDFError, ParseSpeeds, PDFDocument, PDFHexString, PDFString, PDFTextField } from 'pdf-lib';
import { DecodeBudgetError, withDecodeBudget } from './decode-budget.js';
import { IDENTITY_FIELDS, readFieldName } from './fields.js';
import { FORM_LIMITS, type FormLimits } from './form-limits.js';
import { FORM_PROBLEMS, type FormProblem } from './form-problems.js';
import { captureWarnings, warningMessages } from './pdf-warnings.js';
import { scanPdf } from './scan-pdf.js';

export interface FilledForm {
  country: string;
  lang: string;
  /** `folio.form`, e.g. `nomination/1`. */
  formId: string;
  /** Every text field's value, by full field name ('' when empty). */
  values: Map<string, string>;
}

/**
 * Either the form, or why the file is not one; with the PDF reader's warnings either way
 * (sentences to follow the file's name, deduplicated, at most `maxWarnings` and a count).
 */
export type FormReading = ({ form: FilledForm } | { problem: FormProblem }) & { warnings: string[] };

export async function readNominationForm(bytes: Uint8Array, limits: FormLimits = FORM_LIMITS): Promise<FormReading> {
  const refused = scanPdf(bytes, limits);
  if (refused) return { problem: refused, warnings: [] };
  const { result, warnings } = await captureWarnings(() => withDecodeBudget(limits.maxInflatedBytes, () => readFields(bytes, limits)));
  const reading = 'value' in result ? result.value : { problem: loadProblem(result.error, limits) };
  return { ...reading, warnings: warningMessages(warnings, limits.maxWarnings) };
}

function loadProblem(error: unknown, limits: FormLimits): FormProblem {
  // pdf-lib is compiled to ES5 classes: what it throws as EncryptedPDFError is a plain Error, told by its message.
  if (error instanceof EncryptedPDFError || (error instanceof Error && /\bis encrypted\b/.test(error.message))) return FORM_PROBLEMS.encrypted();
  if (error instanceof DecodeBudgetError) return FORM_PROBLEMS.inflatesTooMuch(limits.maxInflatedBytes);
  return FORM_PROBLEMS.notPdf();
}

async function readFields(bytes: Uint8Array, limits: FormLimits): Promise<{ form: FilledForm } | { problem: FormProblem }> {
  // Fastest: no pauses between objects; the reader thread's timeout bounds the time instead.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, throwOnInvalidObject: false });
  const values = new Map<string, string>();
  const tooLong: { name: string; length: number }[] = [];
  try {
    for (const field of doc.getForm().getFields()) {
      if (!(field instanceof PDFTextField)) continue;
      const name = readFieldName(field.getName());
      const length = valueLength(field.acroField.getValue());
      if (length > limits.maxFieldChars) tooLong.push({ name, length });
      else values.set(name, field.getText() ?? '');
    }
  } catch {
    return { problem: FORM_PROBLEMS.damagedFields() };
  }
  if (tooLong.length > 0) return { problem: FORM_PROBLEMS.fieldTooLong(tooLong[0]!.name, tooLong[0]!.length, limits.maxFieldChars) };
  const keywords = parseKeywords(readKeywords(doc));
  const identity = {
    country: values.get(IDENTITY_FIELDS.country) || keywords.get('folio-country') || '',
    lang: values.get(IDENTITY_FIELDS.lang) || keywords.get('folio-lang') || '',
    formId: values.get(IDENTITY_FIELDS.form) || keywords.get('folio-form') || '',
  };
  if (identity.formId === '') return { problem: values.size === 0 ? FORM_PROBLEMS.noFields() : FORM_PROBLEMS.notFolioForm(IDENTITY_FIELDS.form) };
  if (identity.country === '' || identity.lang === '') return { problem: FORM_PROBLEMS.noIdentity(IDENTITY_FIELDS.country, IDENTITY_FIELDS.lang) };
  return { form: { ...identity, values } };
}

/**
 * The length (UTF-16 units) a text value decodes to, counted on its source (PDF 32000-1:2008
 * §7.3.4: literal string escapes, hexadecimal digits; §7.9.2.2: UTF-16BE with a byte order
 * mark, else PDFDocEncoding, one unit a byte) without decoding it: pdf-lib decodes with
 * `String.fromCodePoint.apply`, which overflows the stack beyond about 100 000 bytes.
 */
export function valueLength(value: PDFString | PDFHexString | undefined): number {
  if (!value) return 0;
  const source = value.asString();
  let bytes: number;
  let bom: boolean;
  if (value instanceof PDFHexString) {
    bytes = Math.ceil(source.length / 2);
    bom = /^fe\s*ff/i.test(source.slice(0, 16));
  } else {
    bytes = literalBytes(source);
    const head = PDFString.of(source.slice(0, 16)).asBytes();
    bom = head[0] === 0xfe && head[1] === 0xff;
  }
  return bom ? Math.floor((bytes - 2) / 2) : bytes;
}

/** Bytes of a literal string's source once its escapes are read (as pdf-lib's PDFString.asBytes does). */
function literalBytes(source: string): number {
  let bytes = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') {
      bytes++;
      continue;
    }
    const next = source[++i];
    if (next === undefined || next === '\n' || next === '\r') continue; // a line continuation adds nothing
    if (next >= '0' && next <= '7') {
      // one to three octal digits make one byte
      for (let k = 0; k < 2 && source[i + 1]! >= '0' && source[i + 1]! <= '7'; k++) i++;
    }
    bytes++;
  }
  return bytes;
}

/** The Keywords of the document information; undefined when absent or not a string (a damaged file). */
function readKeywords(doc: PDFDocument): string | undefined {
  try {
    return doc.getKeywords();
  } catch {
    return undefined;
  }
}

/** `folio-country:MA folio-lang:fr` → map; pdf-lib writes the keywords separated by spaces. */
function parseKeywords(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const word of (text ?? '').slice(0, 10_000).split(/[\s,;]+/)) {
    const colon = word.indexOf(':');
    if (colon > 0) map.set(word.slice(0, colon), word.slice(colon + 1));
  }
  return map;
}
