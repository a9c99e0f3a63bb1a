/**
 * Line break opportunities (UAX #14) through the linebreak package.
 */
import LineBreaker from 'linebreak';

/** `BREAK_ALLOWED` at i: a line may start at i; `BREAK_REQUIRED`: a line must start at i. */
export const BREAK_ALLOWED = 1;
export const BREAK_REQUIRED = 2;

/**
 * Break opportunities of a paragraph, one entry per UTF-16 index plus one for
 * the end. Computed on the logical text (UAX #14 works before bidi reordering).
 */
export function findBreaks(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  if (text.length === 0) return out;
  const breaker = new LineBreaker(text);
  let bk;
  while ((bk = breaker.nextBreak())) {
    out[bk.position] = bk.required ? BREAK_REQUIRED : BREAK_ALLOWED;
  }
  // UAX #14 LB5: a line feed is a mandatory break whatever follows it.
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out[i + 1] = BREAK_REQUIRED;
  return out;
}
