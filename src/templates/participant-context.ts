/**
 * The data of the documents made from sources/participants.yaml: the list of participants
 * (per language, every participant), and per participant the certificate of attendance and
 * the visa support letter. Names, functions and organisations print as written; country names
 * and seat kinds are translated. The list is sorted with the collation of the document's locale
 * (by country name, then by name), so that "Émile" sorts with the E's in French and Arabic
 * names in Arabic order.
 */
import type { SeminarConfig } from '../config/types.js';
import type { Participant } from '../nominations/participants.js';
import type { SourceSet } from '../sources/load-sources.js';
import { eventContext, type ConfigTranslate } from './context.js';

const collators = new Map<string, Intl.Collator>();

/** The locale's collation (cached: the same locale sorts every list of a build). */
export function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, c);
  }
  return c;
}

/** One participant as templates see it; the optional personal fields are null when not given. */
export function participantFields(config: SeminarConfig, p: Participant, tr: ConfigTranslate): Record<string, unknown> {
  const country = config.countries.find((c) => c.code === p.country);
  const declared = config.seatRules?.kinds.find((k) => k.key === p.kind);
  return {
    id: p.id,
    name: p.name,
    function: p.function,
    organisation: p.organisation,
    country: country ? tr(country.name) : p.country,
    countryCode: p.country,
    kind: p.kind,
    /** A declared kind's name, translated; null for the built-in kinds (templates word them). */
    kindName: declared ? tr(declared.name) : null,
    sponsored: p.sponsored,
    passport: p.passport ?? null,
    nationality: p.nationality ?? null,
    birthDate: p.birthDate ?? null,
    embassy: p.embassy ?? null,
  };
}

export function participantsListContext(config: SeminarConfig, sources: SourceSet, participants: readonly Participant[], lang: string, tr: ConfigTranslate, locale: string): Record<string, unknown> {
  const order = collator(locale);
  const byCountry = new Map<string, Record<string, unknown>[]>();
  for (const p of participants) {
    const fields = participantFields(config, p, tr);
    const list = byCountry.get(p.country) ?? [];
    list.push(fields);
    byCountry.set(p.country, list);
  }
  const countries = [...byCountry.entries()].map(([code, list]) => ({
    code,
    name: String(list[0]!.country),
    participants: list.sort((a, b) => order.compare(String(a.name), String(b.name)) || String(a.id).localeCompare(String(b.id))),
  })).sort((a, b) => order.compare(a.name, b.name) || a.code.localeCompare(b.code));
  return { ...eventContext(config, sources, lang, tr, locale), countries, count: participants.length };
}

export function participantContext(config: SeminarConfig, sources: SourceSet, participant: Participant, lang: string, tr: ConfigTranslate, locale: string): Record<string, unknown> {
  return { ...eventContext(config, sources, lang, tr, locale), participant: participantFields(config, participant, tr) };
}
