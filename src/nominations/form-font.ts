/**
 * The font a form's fields are typed in (the AcroForm's DA and DR, PDF 32000-1:2008 §12.7.3.3).
 *
 * A viewer or a library that fills the form draws the values with this font, so it must be
 * embedded and cover what a delegate types in the form's language: the letters of the
 * language's script (Arabic with its presentation forms, for tools that shape by them), Latin
 * for e-mail addresses and names, digits and common punctuation. It is the face of the form's
 * sans family that draws the language's script, embedded as a Type 0 font whose W widths and
 * ToUnicode map cover every one of those characters (fillers such as pypdf encode typed text
 * through ToUnicode), not only the characters printed when the form was made.
 */
import type { PDFDocument } from 'pdf-lib';
import { languageScript } from '../config/languages.js';
import { SubsetFont } from '../render/pdf/glyphs/subset-font.js';
import type { FontFace, FontLibrary } from '../text/fonts.js';

/** Resource name of the fields' font in the AcroForm's DR. */
export const FORM_FONT_NAME = 'FolioField';

/** Latin and punctuation any form needs (names, e-mail addresses, phone numbers). */
const COMMON_RANGES: readonly [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x1e00, 0x1eff], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac], [0x2116, 0x2116],
];

/** The face of the sans family that draws the language's script (by a letter of it). */
export function formFace(fonts: FontLibrary, lang: string): FontFace {
  const script = languageScript(lang);
  const style = { family: 'sans', bold: false, italic: false } as const;
  const sample = SCRIPT_SAMPLE[script];
  return (sample !== undefined ? fonts.faceFor(style, sample, script) : undefined) ?? fonts.primaryFace(style, script);
}

/** A letter of each script folio knows a font stack for. */
const SCRIPT_SAMPLE: Record<string, number> = { Arab: 0x0627, Hebr: 0x05d0, Latn: 0x0061, Cyrl: 0x0430, Grek: 0x03b1 };

/** The code points the fields' font carries for `lang`, among those `face` has. */
export function formRepertoire(face: FontFace, lang: string): number[] {
  const script = languageScript(lang);
  let own: RegExp | undefined;
  try {
    own = script === 'Latn' ? undefined : new RegExp(`^\\p{Script_Extensions=${script}}$`, 'u');
  } catch {
    own = undefined;
  }
  const common = (cp: number) => COMMON_RANGES.some(([from, to]) => cp >= from && cp <= to);
  const marks = /^\p{M}$/u;
  return face.fontkit.characterSet
    .filter((cp) => common(cp) || (own !== undefined && own.test(String.fromCodePoint(cp)) && !(marks.test(String.fromCodePoint(cp)) && cp > 0xffff)))
    .sort((a, b) => a - b);
}

/**
 * Embeds the fields' font of `lang` in `doc`: one CID per character of its repertoire, each
 * extracting as that character. Call `finalize()` on the result before saving.
 */
export function embedFormFont(doc: PDFDocument, fonts: FontLibrary, lang: string): SubsetFont {
  const face = formFace(fonts, lang);
  const font = new SubsetFont(doc, face, FORM_FONT_NAME);
  for (const cp of formRepertoire(face, lang)) {
    const glyph = face.fontkit.glyphForCodePoint(cp);
    if (glyph.id !== 0) font.cidFor(glyph.id, String.fromCodePoint(cp));
  }
  return font;
}
