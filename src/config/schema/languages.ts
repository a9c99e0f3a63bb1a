import { isKnownLanguage, LANGUAGE_NAMES, languageName, languageScript, scriptIsSet, scriptName, SET_SCRIPTS, SUPPORTED_LANGUAGES, suggestLanguage } from '../languages.js';
import type { ConfigReader, Field, Mapping } from '../reader.js';

/**
 * A list of language codes (`event.languages` or a country's `languages`):
 * non-empty, each supported (`config/unknown-language`), none repeated
 * (`config/duplicate-language`). Returns the good codes, and whether the list
 * had no problem at all; undefined when the list itself cannot be read.
 */
export function readLanguageList(
  reader: ConfigReader,
  m: Mapping,
  key: string,
): { languages: Field<string>[]; complete: boolean } | undefined {
  const items = reader.textList(m, key, { nonEmpty: true });
  if (!items) return undefined;
  let ok = true;
  const seen = new Map<string, Field<string>>();
  for (const item of items) {
    const code = item.value.trim();
    if (!isKnownLanguage(code)) {
      ok = false;
      const suggestion = suggestLanguage(code);
      const hint = suggestion ? ` Did you mean \`${suggestion}\` (${LANGUAGE_NAMES[suggestion]})?` : '';
      reader.report(item.place, 'config/unknown-language',
        `${item.where} is "${code}", which is not a language code folio knows. ` +
          `Write an ISO 639 code in lower case, e.g. ${SUPPORTED_LANGUAGES.join(', ')}, uk, bg.${hint}`);
      continue;
    }
    if (!scriptIsSet(code)) {
      ok = false;
      reader.report(item.place, 'config/language-script',
        `${item.where} is ${code} (${languageName(code)}), written in the ${scriptName(languageScript(code))} script, which none of folio's fonts covers: ` +
          `they set ${SET_SCRIPTS.map(scriptName).join(', ')}. Remove the language, or choose one written in those scripts.`);
      continue;
    }
    const first = seen.get(code);
    if (first) {
      ok = false;
      reader.report(item.place, 'config/duplicate-language',
        `${item.where} repeats ${code}, already listed as ${first.where.path}: list each language once.`);
      continue;
    }
    seen.set(code, { ...item, value: code });
  }
  return { languages: [...seen.values()], complete: ok };
}
