/**
 * Splits text into runs of one script family, so that each DOCX run can say whether it
 * is right-to-left (`w:rtl`) and which complex-script font it takes.
 *
 * `w:rtl` makes Word and LibreOffice set the *whole* run in the complex-script font
 * with right-to-left ordering, so Latin words must not share a run with Arabic ones.
 * Characters with no strong direction (spaces, punctuation, digits) are given to a side
 * the way UAX #9 resolves them (rules W7, N1, N2, with the paragraph direction as the
 * sos/eos type), which keeps the run boundaries where the bidi algorithm puts them anyway.
 * The text itself is never changed: joining the runs gives back the input.
 */
import type { Direction } from '../../document/model.js';

/** The script family of a run: Latin-like (left-to-right) or one of the two RTL families folio has fonts for. */
export type ScriptFamily = 'latin' | 'arabic' | 'hebrew';

export interface ScriptRun {
  text: string;
  script: ScriptFamily;
}

type CharClass = ScriptFamily | 'neutral' | 'digit' | 'mark';

/** Whether a script family is written right to left. */
export function isRtlScript(script: ScriptFamily): boolean {
  return script !== 'latin';
}

function classify(cp: number): CharClass {
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew';
  if (
    (cp >= 0x0600 && cp <= 0x08ff) || // Arabic, Syriac, Arabic Supplement, Thaana, NKo, Samaritan, Mandaic, Arabic Extended
    (cp >= 0xfb50 && cp <= 0xfdff) || // Arabic Presentation Forms-A
    (cp >= 0xfe70 && cp <= 0xfeff) || // Arabic Presentation Forms-B
    (cp >= 0x10800 && cp <= 0x10fff) || // historic RTL scripts
    (cp >= 0x1e800 && cp <= 0x1efff) // Mende Kikakui, Adlam, Arabic Mathematical Alphabetic Symbols
  ) {
    return 'arabic';
  }
  if (cp === 0x200f) return 'arabic'; // RIGHT-TO-LEFT MARK: strong R
  if (cp === 0x200e) return 'latin'; // LEFT-TO-RIGHT MARK: strong L
  const ch = String.fromCodePoint(cp);
  if (/\p{M}/u.test(ch)) return 'mark';
  if (/\p{L}/u.test(ch)) return 'latin';
  if (cp >= 0x30 && cp <= 0x39) return 'digit';
  return 'neutral';
}

/**
 * Splits `text` into script runs for a paragraph of the given direction.
 * `rtlFallback` is the RTL family given to neutral characters that resolve to RTL
 * with no RTL run beside them (the document's own RTL script).
 */
export function splitScriptRuns(text: string, direction: Direction, rtlFallback: ScriptFamily = 'arabic'): ScriptRun[] {
  const chars = Array.from(text);
  const classes = chars.map((ch) => classify(ch.codePointAt(0)!));

  // Combining marks (NSM) take the class of the character they sit on (UAX #9 W1).
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] === 'mark') classes[i] = i > 0 ? classes[i - 1]! : 'neutral';
  }
  // European digits after Latin text are left-to-right (W7); elsewhere they are weak and follow their neighbours.
  let lastStrong: ScriptFamily | null = null;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i]!;
    if (c === 'latin' || c === 'arabic' || c === 'hebrew') lastStrong = c;
    else if (c === 'digit') classes[i] = lastStrong === 'latin' || (lastStrong === null && direction === 'ltr') ? 'latin' : 'neutral';
  }

  const resolved: ScriptFamily[] = new Array(chars.length);
  let i = 0;
  while (i < classes.length) {
    const c = classes[i]!;
    if (c !== 'neutral' && c !== 'digit' && c !== 'mark') {
      resolved[i] = c;
      i++;
      continue;
    }
    let end = i;
    while (end < classes.length && (classes[end] === 'neutral' || classes[end] === 'digit')) end++;
    const before = i > 0 ? resolved[i - 1]! : null;
    const after = end < classes.length ? (classes[end] as ScriptFamily) : null;
    const family = resolveNeutrals(before, after, direction, rtlFallback);
    for (let k = i; k < end; k++) resolved[k] = family;
    i = end;
  }

  const runs: ScriptRun[] = [];
  for (let k = 0; k < chars.length; k++) {
    const last = runs[runs.length - 1];
    if (last && last.script === resolved[k]) last.text += chars[k];
    else runs.push({ text: chars[k]!, script: resolved[k]! });
  }
  return runs;
}

/** N1/N2: neutrals between two runs of one direction take it; otherwise the paragraph direction (sos/eos at the ends). */
function resolveNeutrals(
  before: ScriptFamily | null,
  after: ScriptFamily | null,
  direction: Direction,
  rtlFallback: ScriptFamily,
): ScriptFamily {
  const paragraphSide: ScriptFamily = direction === 'rtl' ? rtlFallback : 'latin';
  const sideOf = (s: ScriptFamily | null): 'ltr' | 'rtl' => (s === null ? direction : isRtlScript(s) ? 'rtl' : 'ltr');
  const left = sideOf(before);
  const right = sideOf(after);
  if (left === right) {
    if (left === 'ltr') return 'latin';
    // Both sides RTL: join the run before (or after) so that the neutrals share its font.
    if (before && isRtlScript(before)) return before;
    if (after && isRtlScript(after)) return after;
    return rtlFallback;
  }
  if (direction === 'ltr') return 'latin';
  if (before && isRtlScript(before)) return before;
  if (after && isRtlScript(after)) return after;
  return paragraphSide;
}
