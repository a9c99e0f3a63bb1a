/**
 * The languages folio's sample fonts and stores were tried with; any other language with CLDR
 * data whose script the fonts cover is accepted too (`isKnownLanguage`, `scriptIsSet`).
 */
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
  // Asked per DOCX run and per list: CLDR's answer is kept, one entry per language tag.
  let script = SCRIPTS.get(lang);
  if (script === undefined) {
    try {
      script = new Intl.Locale(lang).maximize().script ?? 'Latn';
    } catch {
      script = 'Latn';
    }
    if (SCRIPTS.size < 1000) SCRIPTS.set(lang, script);
  }
  return script;
}

const SCRIPTS = new Map<string, string>();

/**
 * Codes people write by mistake, mostly country codes used for a language
 * (`gr` for Greek, `il` for Hebrew), and the code folio expects instead.
 */
const LANGUAGE_MISTAKES: Readonly<Record<string, LanguageCode>> = {
  gr: 'el', il: 'he', iw: 'he', sp: 'es', gb: 'en',
};

export function isSupportedLanguage(code: string): code is LanguageCode {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

/**
 * A language folio can make documents in: one of SUPPORTED_LANGUAGES, or an ISO 639 code (two or
 * three lower-case letters) that CLDR names, e.g. `uk` (Ukrainian), `bg`, `fa`. Not the mistakes of
 * LANGUAGE_MISTAKES (`iw` is CLDR's old code for Hebrew: `he` is asked for).
 */
export function isKnownLanguage(code: string): boolean {
  if (isSupportedLanguage(code)) return true;
  if (!/^[a-z]{2,3}$/.test(code) || code in LANGUAGE_MISTAKES) return false;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

/**
 * The scripts folio's fonts set: the Latin stacks (`fonts.serif`, `sans`, `mono`) cover Latin,
 * Greek and Cyrillic, `fonts.arabic` Arabic and `fonts.hebrew` Hebrew. A language written in any
 * other script cannot be set (there is no font key for it).
 */
export const SET_SCRIPTS: readonly string[] = ['Latn', 'Grek', 'Cyrl', 'Arab', 'Hebr'];

export function scriptIsSet(lang: string): boolean {
  return SET_SCRIPTS.includes(languageScript(lang));
}

/** A script's English name, e.g. `Deva` → Devanagari. */
export function scriptName(script: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'script' }).of(script) ?? script;
  } catch {
    return script;
  }
}

/** Scripts written from right to left (Unicode Script_Extensions with RTL direction). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Samr', 'Mand']);

/** A language's writing direction, from its script: `rtl` for Arabic, Persian, Urdu, Hebrew, Yiddish… */
export function languageDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_SCRIPTS.has(languageScript(lang)) ? 'rtl' : 'ltr';
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
