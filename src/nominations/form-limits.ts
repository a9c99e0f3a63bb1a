/**
 * What `folio nominations collect` accepts in one returned form. The forms come back by
 * e-mail from outside: a file over a limit is refused (an error on that file) before it can
 * stall or exhaust the process. A filled folio form is about 70 KB, expands to under 100 KB,
 * has about 160 objects and is read in well under a second, so each limit is far above it.
 */

/** The largest file read (bytes): `nominations/too-large`. */
export const MAX_FORM_BYTES = 20 * 1024 * 1024;

/**
 * The most the compressed streams of one form may expand to, all together (bytes), measured
 * before the PDF is parsed: `nominations/too-large`.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** The most PDF objects (indirect ones, and those packed in object streams): `nominations/too-complex`. */
export const MAX_PDF_OBJECTS = 100_000;

/** The longest value of one field (characters): `nominations/field-too-long`. */
export const MAX_FIELD_CHARS = 10_000;

/** How long reading one form may take (ms) before its reader is stopped: `nominations/timeout`. */
export const FORM_TIMEOUT_MS = 15_000;

/** The JavaScript heap of the thread that reads a form (MB): `nominations/too-large` beyond it. */
export const FORM_MEMORY_MB = 256;

/** The PDF reader's warnings reported per form (`nominations/pdf-warning`); the rest are counted. */
export const MAX_PDF_WARNINGS = 3;

/** How long a collect waits for another one (or a build) to release participants.yaml (ms). */
export const PARTICIPANTS_LOCK_WAIT_MS = 60_000;

/** The limits applied while parsing, in one object (tests pass smaller ones). */
export interface FormLimits {
  maxInflatedBytes: number;
  maxObjects: number;
  maxFieldChars: number;
  maxWarnings: number;
}

export const FORM_LIMITS: FormLimits = {
  maxInflatedBytes: MAX_INFLATED_BYTES,
  maxObjects: MAX_PDF_OBJECTS,
  maxFieldChars: MAX_FIELD_CHARS,
  maxWarnings: MAX_PDF_WARNINGS,
};

/** `20 MB`, `64 MB`, `1.5 MB`, `900 bytes`: limits and sizes as messages print them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes} bytes`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** `100 000`: thousands separated by a space, as the README writes them. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
