/**
 * Text runs (`w:r`, ECMA-376 §17.3.2) of one piece of literal text, split by script.
 *
 * Runs in an RTL script are marked `w:rtl` and name their complex-script font and
 * language; bold and italics are set for both the Latin and the complex-script sides
 * (`w:b`/`w:bCs`, `w:i`/`w:iCs`), since Word and LibreOffice read only the latter for
 * Arabic and Hebrew. Sizes come from the paragraph styles, which set `w:sz` and
 * `w:szCs` together, so that changing a style in Word still resizes every script.
 */
import { TextRun, type IRunOptions } from 'docx';
import type { Direction } from '../../document/model.js';
import type { DocumentContext } from './context.js';
import { isRtlScript, splitScriptRuns, type ScriptFamily } from './script-runs.js';
import { CHARACTER_STYLE } from './styles.js';
import { languageScript } from '../../config/languages.js';

/** Character formatting inherited from the inline nodes around a text. */
export interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: boolean;
}

/**
 * The text runs of `text`, literal (never parsed), for a paragraph of direction `direction`.
 *
 * Data values come isolated (FSI … PDI, UAX #9 §2.7). Word and LibreOffice handle those
 * controls badly inside `w:t` (LibreOffice misplaces brackets and drops spaces around them),
 * so in DOCX the isolation is expressed by runs instead: the controls are removed, and the
 * isolated text is split into script runs by its own direction (its first strong character),
 * so its neutrals resolve inside the value, each run then carrying its own `w:rtl`.
 */
export function textRuns(text: string, format: RunFormat, doc: DocumentContext, direction: Direction): TextRun[] {
  if (text === '') return [];
  return isolatedPieces(text, direction).map((piece) => ({ ...piece, text: marked(piece, direction) }))
    .flatMap((piece) => splitScriptRuns(piece.text, piece.direction, doc.rtlScript)).map(
    (run) => new TextRun({ text: run.text, ...runProperties(run.script, format, doc) }),
  );
}

/**
 * A value whose direction is not the paragraph's (a Latin address line in an Arabic letter) is
 * bracketed by the mark of its own direction (U+200E LRM, U+200F RLM). Word and LibreOffice then
 * keep its digits and punctuation in its order ("44, rue …", "16070 Algiers") without an
 * isolate or embedding control in w:t, which they do not all handle.
 */
function marked(piece: { text: string; direction: Direction }, paragraph: Direction): string {
  if (piece.direction === paragraph || !/\S/.test(piece.text)) return piece.text;
  const mark = piece.direction === 'ltr' ? '\u200e' : '\u200f';
  return `${mark}${piece.text}${mark}`;
}

const ISOLATE_OPEN = new Set([0x2066, 0x2067, 0x2068]);
const PDI = 0x2069;

/**
 * The text outside and inside top-level isolates, each with the direction its runs are
 * resolved in, with every embedding, override and isolate control removed.
 */
export function isolatedPieces(text: string, direction: Direction): { text: string; direction: Direction }[] {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return [{ text, direction }];
  const pieces: { text: string; direction: Direction; opener?: number }[] = [];
  let depth = 0;
  let buffer = '';
  let opener = 0;
  const flush = (inside: boolean) => {
    if (buffer !== '') pieces.push({ text: buffer, direction: inside ? isolateDirection(opener, buffer, direction) : direction });
    buffer = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ISOLATE_OPEN.has(cp)) {
      if (depth === 0) { flush(false); opener = cp; }
      depth++;
    } else if (cp === PDI) {
      if (depth > 0) { depth--; if (depth === 0) flush(true); }
    } else if (cp < 0x202a || cp > 0x202e) buffer += ch;
  }
  flush(depth > 0);
  return pieces;
}

function isolateDirection(opener: number, text: string, around: Direction): Direction {
  if (opener === 0x2066) return 'ltr';
  if (opener === 0x2067) return 'rtl';
  const strong = /[\p{L}]/u.exec(text.replace(/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/g, 'א'));
  if (!strong) return around;
  return strong[0] === 'א' ? 'rtl' : 'ltr';
}

/** Run properties for text of one script family with the given formatting. */
export function runProperties(script: ScriptFamily, format: RunFormat, doc: DocumentContext): Omit<IRunOptions, 'text' | 'children'> {
  const style = format.link ? CHARACTER_STYLE.hyperlink : format.code ? CHARACTER_STYLE.code : undefined;
  const rtl = isRtlScript(script);
  return {
    ...(style ? { style } : {}),
    ...(format.bold ? { bold: true, boldComplexScript: true } : {}),
    ...(format.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(rtl
      ? {
          rightToLeft: true,
          font: { cs: script === 'hebrew' ? doc.fonts.hebrew : doc.fonts.arabic },
          language: { bidirectional: rtlLanguage(script, doc.lang) },
        }
      : format.link && format.code
        ? { font: { ascii: doc.fonts.mono, hAnsi: doc.fonts.mono } }
        : {}),
  };
}

/** The language of an RTL run: the document's own when it is written in that script, else the script's main language. */
export function rtlLanguage(script: ScriptFamily, lang: string): string {
  const own = languageScript(lang);
  if (script === 'hebrew') return own === 'Hebr' ? lang : 'he';
  return own === 'Arab' ? lang : 'ar';
}
