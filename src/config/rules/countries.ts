import type { ConfigDraft, CountryDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';

/**
 * `config/duplicate-country`: each country code appears once.
 * `config/country-language`: a country's languages are among the event's, since
 * documents are only produced in those.
 */
export function checkCountries(reader: ConfigReader, draft: ConfigDraft): void {
  const countries = draft.countries ?? [];
  const seen = new Map<string, CountryDraft>();
  for (const country of countries) {
    const code = country.code;
    if (!code) continue;
    const first = seen.get(code.value);
    if (first) {
      reader.report(code.place, 'config/duplicate-country',
        `${code.where} is ${code.value}, already used by ${first.where}: list each country once; ` +
          'remove or merge one of the two entries.');
    } else {
      seen.set(code.value, country);
    }
  }

  const eventLanguages = draft.event?.languages?.map((l) => l.value);
  if (!eventLanguages) return;
  for (const country of countries) {
    for (const language of country.languages ?? []) {
      if (eventLanguages.includes(language.value)) continue;
      reader.report(language.place, 'config/country-language',
        `${language.where} is ${language.value}, which is not one of the event's languages ` +
          `(event.languages: ${eventLanguages.join(', ')}): add ${language.value} to event.languages, ` +
          `or write ${country.label}'s letters in one of those.`);
    }
  }
}
