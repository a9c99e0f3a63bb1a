/**
 * The country line of a postal address, in the document's language. An address is written once in
 * the configuration, in the source language ("…\n16070 Algiers\nAlgeria"); a French or Arabic
 * letter must not end it in English. When the address's last line names the country (its
 * configured name, or its CLDR name in the source language, or a formal name ending with one
 * of them: "Hashemite Kingdom of Jordan"), that line becomes the CLDR name of
 * the country in the document's locale (`Intl.DisplayNames`). Every other line, and an address
 * whose last line is something else, stays exactly as written.
 */

import { isCountryCode } from '../config/country-codes.js';

const names = new Map<string, Intl.DisplayNames | null>();

function regionNames(locale: string): Intl.DisplayNames | null {
  let found = names.get(locale);
  if (found === undefined) {
    try {
      found = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      found = null; // Node built without ICU data for this locale: the line stays as written.
    }
    names.set(locale, found);
  }
  return found;
}

/** The CLDR name of a region in a locale, if Node has it. */
export function regionName(code: string, locale: string): string | undefined {
  if (!isCountryCode(code)) return undefined; // ZZ would be "Unknown Region"
  try {
    return regionNames(locale)?.of(code) ?? undefined;
  } catch {
    return undefined; // not a region code
  }
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();

export function localiseAddress(
  address: string,
  country: { code: string; name: string },
  locale: string,
  sourceLocale: string,
): string {
  if (fold(locale) === fold(sourceLocale)) return address;
  const lines = address.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  if (last < 1) return address; // a one-line address is not split into street and country
  const line = fold(lines[last]!);
  const known = [country.name, regionName(country.code, sourceLocale), regionName(country.code, 'en')].filter((n): n is string => !!n);
  // The country's name, or its formal name ending with it ("Hashemite Kingdom of Jordan", "Republic of Tunisia").
  const formal = (n: string) => line.endsWith(` ${fold(n)}`) && line.split(/\s+/).length <= 6 && !/\d/.test(line);
  if (!known.some((n) => fold(n) === line || formal(n))) return address;
  const localised = regionName(country.code, locale);
  if (!localised) return address;
  lines[last] = localised;
  return lines.join('\n');
}
