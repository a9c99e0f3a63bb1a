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

/** Character formatting inherited from the inline nodes around a text. */
export interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  link?: boolean;
}

/** The text runs of `text`, literal (never parsed), for a paragraph of direction `direction`. */
export function textRuns(text: string, format: RunFormat, doc: DocumentContext, direction: Direction): TextRun[] {
  if (text === '') return [];
  return splitScriptRuns(text, direction, doc.rtlScript).map(
    (run) => new TextRun({ text: run.text, ...runProperties(run.script, format, doc) }),
  );
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
  const primary = lang.toLowerCase().split('-')[0];
  if (script === 'hebrew') return primary === 'he' || primary === 'yi' ? lang : 'he';
  return primary === 'ar' || primary === 'fa' || primary === 'ur' ? lang : 'ar';
}
