/**
 * Lists in the document's language: "English, French and Arabic", "l’anglais, le français et
 * l’arabe", "الإنجليزية والفرنسية والعربية" (Intl.ListFormat, CLDR), and plain lists of names
 * separated by the language's comma (the Arabic comma U+060C in Arabic-script languages).
 */
import { languageScript } from '../config/languages.js';

/** The comma and space that separate items of a list in `locale`. */
export function listComma(locale: string): string {
  // Languages written in Arabic script (Arabic, Persian, Urdu, Pashto, Sorani…) use U+060C.
  return languageScript(locale) === 'Arab' ? '\u060c ' : ', ';
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
