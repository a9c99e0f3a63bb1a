/**
 * Why a returned file was not read as a form: a rule id and a sentence that follows the
 * file's name (`MA.pdf is encrypted …`) and says what to do. One place for the wording of
 * every refusal of `folio nominations collect`, so that each names its limit.
 */
import { formatBytes, formatCount } from './form-limits.js';
import { printable } from './printable.js';

export type FormRule =
  | 'nominations/not-a-file'
  | 'nominations/not-a-form'
  | 'nominations/too-large'
  | 'nominations/too-complex'
  | 'nominations/timeout'
  | 'nominations/encrypted'
  | 'nominations/field-too-long';

export interface FormProblem {
  rule: FormRule;
  /** A sentence to follow the file's name. */
  problem: string;
}

const again = 'Ask the country for the form filled in and saved again as PDF (without attachments).';

export const FORM_PROBLEMS = {
  notAFile: (what: string): FormProblem => ({ rule: 'nominations/not-a-file', problem: `is ${what}, not a file: collect reads only regular files. Put the returned form itself in the folder.` }),
  linkOutside: (target: string, folder: string): FormProblem => ({
    rule: 'nominations/not-a-file',
    problem: `is a link to ${printable(target, 200)}, outside the folder ${printable(folder, 200)}: collect reads only the files in the folder. Copy the returned form itself into the folder.`,
  }),
  brokenLink: (code: string): FormProblem => ({ rule: 'nominations/not-a-file', problem: `is a link that leads to no file (${code}). Put the returned form itself in the folder.` }),
  changed: (): FormProblem => ({ rule: 'nominations/not-a-file', problem: 'changed while it was being read. Collect again when nothing is writing to the folder.' }),
  unreadable: (code: string): FormProblem => ({ rule: 'nominations/not-a-form', problem: `cannot be read (${code}): check its permissions.` }),
  fileTooLarge: (size: number | undefined, limit: number): FormProblem => ({
    rule: 'nominations/too-large',
    problem: `is ${size === undefined ? 'larger than' : `${formatBytes(size)}, more than`} the ${formatBytes(limit)} a returned form may be (a filled nomination form is under 1 MB), so it was not read. ${again}`,
  }),
  inflatesTooMuch: (limit: number): FormProblem => ({
    rule: 'nominations/too-large',
    problem: `holds compressed data that expands to more than the ${formatBytes(limit)} a returned form may expand to (a filled nomination form expands to under 1 MB): it may be a decompression bomb, and was not read. ${again}`,
  }),
  outOfMemory: (limitMb: number): FormProblem => ({
    rule: 'nominations/too-large',
    problem: `needed more than the ${limitMb} MB of memory a returned form may take to read (a filled nomination form takes a few MB), so its reading was stopped. ${again}`,
  }),
  tooComplex: (count: number, limit: number): FormProblem => ({
    rule: 'nominations/too-complex',
    problem: `has ${formatCount(count)} PDF objects, more than the ${formatCount(limit)} a returned form may have (a filled nomination form has a few hundred), so it was not read. ${again}`,
  }),
  timeout: (limitMs: number): FormProblem => ({
    rule: 'nominations/timeout',
    problem: `took longer than the ${limitMs / 1000} s a returned form may take to read (a filled nomination form takes well under a second), so its reading was stopped: the file is damaged or made to stall PDF readers. ${again}`,
  }),
  encrypted: (): FormProblem => ({
    rule: 'nominations/encrypted',
    problem: 'is encrypted (protected by a password or security settings): folio cannot read its fields. Ask the country for the form saved without a password or security settings.',
  }),
  notPdf: (): FormProblem => ({ rule: 'nominations/not-a-form', problem: 'is not a readable PDF file.' }),
  readerStopped: (reason: string): FormProblem => ({ rule: 'nominations/not-a-form', problem: `is not a readable PDF file: the PDF reader stopped on it (${printable(reason)}). ${again}` }),
  noFields: (): FormProblem => ({ rule: 'nominations/not-a-form', problem: 'has no form fields: it is not a nomination form made by folio, or it was printed, scanned or flattened. Ask for the filled form saved as PDF.' }),
  notFolioForm: (formField: string): FormProblem => ({ rule: 'nominations/not-a-form', problem: `is a PDF form, but not a nomination form made by folio (no field ${formField}).` }),
  noIdentity: (countryField: string, langField: string): FormProblem => ({ rule: 'nominations/not-a-form', problem: `does not say which country and language it is for (fields ${countryField} and ${langField} are empty).` }),
  damagedFields: (): FormProblem => ({ rule: 'nominations/not-a-form', problem: 'has a form that cannot be read (damaged fields).' }),
  fieldTooLong: (field: string, length: number, limit: number): FormProblem => ({
    rule: 'nominations/field-too-long',
    problem: `has ${formatCount(length)} characters in the field ${printable(field)}, more than the ${formatCount(limit)} a field may hold, so the form was not taken. Ask the country to correct that field and send the form again.`,
  }),
} as const;
