/** The languages folio can typeset (fonts, scripts and templates exist for each). */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'ar', 'he', 'es', 'de', 'it', 'pt', 'ru', 'el', 'tr'] as const;

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];

/** English names, used in messages and to recognise a language written out in full. */
export const LANGUAGE_NAMES: Readonly<Record<LanguageCode, string>> = {
  en: 'English',
  fr: 'French',
  ar: 'Arabic',
  he: 'Hebrew',
  es: 'Spanish',
  de: 'German',
  it: 'Italian',
  pt: 'Portuguese',
  ru: 'Russian',
  el: 'Greek',
  tr: 'Turkish',
};

/** The English name of a language for messages: folio's own name, else CLDR's, else the code. */
export function languageName(lang: string): string {
  if (isSupportedLanguage(lang)) return LANGUAGE_NAMES[lang];
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** The script a language is written in (CLDR likely subtags), e.g. `ar` → `Arab`; `Latn` when unknown. */
export function languageScript(lang: string): string {
  try {
    return new Intl.Locale(lang).maximize().script ?? 'Latn';
  } catch {
    return 'Latn';
  }
}

/**
 * Codes people write by mistake, mostly country codes used for a language
 * (`gr` for Greek, `il` for Hebrew), and the code folio expects instead.
 */
const LANGUAGE_MISTAKES: Readonly<Record<string, LanguageCode>> = {
  gr: 'el', il: 'he', iw: 'he', sp: 'es', gb: 'en', uk: 'en',
};

export function isSupportedLanguage(code: string): code is LanguageCode {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

/**
 * The supported code the user probably meant, e.g. `ar` for "Arabic", "AR", "ar-MA" or "ara".
 * Undefined when nothing is close.
 */
export function suggestLanguage(input: string): LanguageCode | undefined {
  const lower = input.trim().toLowerCase();
  const base = lower.split(/[-_]/)[0] ?? lower;
  if (isSupportedLanguage(base)) return base;
  const mistake = LANGUAGE_MISTAKES[lower];
  if (mistake) return mistake;
  for (const code of SUPPORTED_LANGUAGES) {
    const name = LANGUAGE_NAMES[code].toLowerCase();
    if (lower === name || (lower.length === 3 && name.startsWith(lower))) return code;
  }
  return undefined;
}
