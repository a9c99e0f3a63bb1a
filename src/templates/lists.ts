/**
 * Lists in the document's language: "English, French and Arabic", "l’anglais, le français et
 * l’arabe", "الإنجليزية والفرنسية والعربية" (Intl.ListFormat, CLDR), and plain lists of names
 * separated by the language's comma (the Arabic comma U+060C in Arabic-script languages).
 */

/** Languages written in Arabic script, whose comma is U+060C. */
const ARABIC_COMMA = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug']);

function language(locale: string): string {
  try {
    return new Intl.Locale(locale).language;
  } catch {
    return locale.split(/[-_]/)[0]!.toLowerCase();
  }
}

/** The comma and space that separate items of a list in `locale`. */
export function listComma(locale: string): string {
  return ARABIC_COMMA.has(language(locale)) ? '\u060c ' : ', ';
}

export type ListKind = 'and' | 'or' | 'comma';

/** `items` as one phrase in `locale`: joined by "and", by "or", or by commas only. */
export function formatList(items: readonly string[], kind: ListKind, locale: string): string {
  if (kind === 'comma') return items.join(listComma(locale));
  try {
    return new Intl.ListFormat(locale, { type: kind === 'and' ? 'conjunction' : 'disjunction', style: 'long' }).format(items);
  } catch {
    return items.join(listComma(locale));
  }
}
