/**
 * The data each template sees. Every optional field is present (as null) so that
 * Handlebars' strict mode can tell a misspelt name from an absent value. Configuration
 * texts meant for readers (titles, names of ministries, session titles) go through the
 * translator; names of people, addresses and references do not.
 */
import { listComma } from './lists.js';
import type { Country, SeminarConfig, Session } from '../config/types.js';
import { languageDirection } from '../config/languages.js';
import { allSeats, sponsoredSeats } from '../config/seats.js';
import type { SourceDocument, SourceSet } from '../sources/load-sources.js';
import { localiseAddress } from './address.js';

/** Translates a configuration text into the document's language (identity for the source language). */
export type ConfigTranslate = (text: string) => string;

const same: ConfigTranslate = (text) => text;

const displayNames = new Map<string, Intl.DisplayNames>();
function languageNames(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) { names = new Intl.DisplayNames([locale], { type: 'language' }); displayNames.set(locale, names); }
  return names;
}

export function eventContext(config: SeminarConfig, sources: SourceSet, lang: string, tr: ConfigTranslate = same, locale = lang): Record<string, unknown> {
  const e = config.event;
  const days: { number: number; date: string }[] = [];
  const start = Date.parse(`${e.dates.start}T00:00:00Z`);
  const end = Date.parse(`${e.dates.end}T00:00:00Z`);
  for (let t = start, n = 1; t <= end; t += 86_400_000, n++) days.push({ number: n, date: new Date(t).toISOString().slice(0, 10) });
  const names = languageNames(locale);
  return {
    lang,
    dir: languageDirection(lang),
    event: {
      title: tr(e.title),
      subtitle: e.subtitle ? tr(e.subtitle) : null,
      organisers: e.organisers.map((o) => ({
        short: tr(o.short),
        name: tr(o.name),
        signatory: o.signatory ? { name: o.signatory.name, title: tr(o.signatory.title), honorific: o.signatory.honorific ? tr(o.signatory.honorific) : null } : null,
      })),
      /** The organisers' full names, for `list` (any number of organisers). */
      organiserNames: e.organisers.map((o) => tr(o.name)),
      handbook: e.handbook ? { title: tr(e.handbook.title), subtitle: e.handbook.subtitle ? tr(e.handbook.subtitle) : null } : null,
      host: tr(e.host),
      venue: { name: tr(e.venue.name), city: tr(e.venue.city), country: tr(e.venue.country), address: e.venue.address ?? null },
      dates: { start: e.dates.start, end: e.dates.end },
      issued: e.issued,
      referencePrefix: e.referencePrefix,
      replyBy: e.replyBy ?? null,
      contact: { name: contactLine(e.contact, tr, locale), person: contactLine(e.contact && { ...e.contact, role: undefined }, tr, locale), email: e.contact?.email ?? null, phone: e.contact?.phone ?? null },
      days,
    },
    sponsorship: { ...config.sponsorship },
    languageNames: e.languages.map((l) => names.of(l) ?? l),
    themes: sources.themes.map((t) => ({ number: t.theme, title: t.title, slug: t.slug })),
  };
}

export function sessionContext(session: Session, themeTitles: Map<number | undefined, string>, tr: ConfigTranslate = same): Record<string, unknown> {
  return {
    day: session.day,
    start: session.start,
    end: session.end,
    kind: session.kind,
    theme: session.theme ?? null,
    themeTitle: session.theme !== undefined ? themeTitles.get(session.theme) ?? null : null,
    title: tr(session.title),
    speakers: session.speakers.map(tr),
    room: session.room ? tr(session.room) : null,
  };
}

function themeTitles(sources: SourceSet): Map<number | undefined, string> {
  return new Map<number | undefined, string>(sources.themes.map((t) => [t.theme, t.title]));
}

export function agendaContext(config: SeminarConfig, sources: SourceSet, lang: string, tr: ConfigTranslate = same, locale = lang): Record<string, unknown> {
  const base = eventContext(config, sources, lang, tr, locale);
  const titles = themeTitles(sources);
  const days = (base.event as { days: { number: number; date: string }[] }).days.map((d) => ({
    ...d,
    sessions: config.programme.filter((s) => s.day === d.number).map((s) => sessionContext(s, titles, tr)),
  }));
  return { ...base, days };
}

export function letterReference(config: SeminarConfig, country: Country, lang: string): string {
  return `${config.event.referencePrefix}/${config.event.issued.slice(0, 4)}/${country.code}-${lang.toUpperCase()}`;
}

/**
 * The contact as printed: honorific and name, then the role after a comma of the language
 * ("Mme Leïla Bennani, Secrétariat du séminaire"; "السيدة Leïla Bennani، أمانة الندوة"). The
 * honorific and the role are translated; the name is printed as written.
 */
function contactLine(contact: SeminarConfig['event']['contact'], tr: ConfigTranslate, locale: string): string | null {
  if (!contact?.name) return null;
  const person = contact.honorific ? `${tr(contact.honorific)} ${contact.name}` : contact.name;
  if (!contact.role) return person;
  const comma = listComma(locale);
  return `${person}${comma}${tr(contact.role)}`;
}

const sourceLanguage = (config: SeminarConfig): string => config.event.languages[0]!;

export function invitationContext(config: SeminarConfig, sources: SourceSet, country: Country, lang: string, tr: ConfigTranslate = same, locale = lang): Record<string, unknown> {
  const q = country.quota;
  const sponsoredTotal = sponsoredSeats(country);
  const group = config.seatRules?.groups.find((g) => g.key === country.group);
  return {
    ...eventContext(config, sources, lang, tr, locale),
    // True when the configuration declares its own seats and groups (templates word the terms from `country.seats`).
    declaredSeats: config.seatRules !== undefined,
    reference: letterReference(config, country, lang),
    country: {
      code: country.code,
      name: tr(country.name),
      group: country.group,
      groupName: group?.name !== undefined ? tr(group.name) : null,
      sponsored: sponsoredTotal > 0,
      addressee: {
        title: tr(country.addressee.title),
        ministry: tr(country.addressee.ministry),
        address: lang === sourceLanguage(config) ? country.addressee.address.trim()
          : localiseAddress(country.addressee.address.trim(), country, locale, config.event.locales?.[sourceLanguage(config)] ?? sourceLanguage(config)),
        salutation: country.addressee.salutation ? tr(country.addressee.salutation) : null,
      },
      // The seats the country has, kind by kind in the configuration's order (kinds with none left out).
      seats: country.seats.filter((s) => s.count > 0).map((s) => ({
        kind: s.kind, name: s.name !== undefined ? tr(s.name) : null, count: s.count, sponsored: s.sponsored,
      })),
      quota: {
        ...(config.seatRules ? Object.fromEntries(country.seats.map((s) => [s.kind, s.count])) : {}),
        government: q.government,
        socialPartners: q.socialPartners,
        separate: q.socialPartnerMode === 'separate',
        extraSocialPartners: Math.max(0, q.socialPartners - 2),
        additional: q.additional,
        sponsoredTotal,
        ownCostTotal: allSeats(country) - sponsoredTotal,
      },
    },
  };
}

export function briefContext(config: SeminarConfig, sources: SourceSet, brief: SourceDocument, lang: string, tr: ConfigTranslate = same, locale = lang): Record<string, unknown> {
  const titles = themeTitles(sources);
  return {
    ...eventContext(config, sources, lang, tr, locale),
    brief,
    sessions: config.programme.filter((s) => s.theme === brief.theme).map((s) => sessionContext(s, titles, tr)),
  };
}

export function conceptNoteContext(config: SeminarConfig, sources: SourceSet, note: SourceDocument, lang: string, tr: ConfigTranslate = same, locale = lang): Record<string, unknown> {
  return { ...eventContext(config, sources, lang, tr, locale), note };
}

export function handbookContext(config: SeminarConfig, sources: SourceSet, lang: string, tr: ConfigTranslate = same, locale = lang): Record<string, unknown> {
  return { ...eventContext(config, sources, lang, tr, locale), chapters: sources.chapters };
}

/** The configuration texts that {@link eventContext} and friends translate, for extraction. */
export function translatableConfigTexts(config: SeminarConfig): { text: string; line: number; note: string }[] {
  const out: { text: string; line: number; note: string }[] = [];
  const add = (text: string | undefined, line: number, note: string) => {
    if (text && /\p{L}/u.test(text)) out.push({ text, line, note });
  };
  const e = config.event;
  add(e.title, 1, 'event.title');
  add(e.subtitle, 1, 'event.subtitle');
  add(e.handbook?.title, 1, 'event.handbook.title');
  add(e.handbook?.subtitle, 1, 'event.handbook.subtitle');
  for (const o of e.organisers) {
    add(o.short, 1, `event.organisers (${o.short}).short: the acronym in this language (ILO → OIT in French)`);
    add(o.name, 1, `event.organisers (${o.short}).name`);
    add(o.signatory?.title, 1, `event.organisers (${o.short}).signatory.title`);
    add(o.signatory?.honorific, 1, `event.organisers (${o.short}).signatory.honorific, before the name of ${o.signatory?.name ?? ''}`);
  }
  add(e.contact?.honorific, 1, `event.contact.honorific, before the name of ${e.contact?.name ?? ''}`);
  add(e.contact?.role, 1, 'event.contact.role: the contact person\'s function');
  add(e.host, 1, 'event.host');
  add(e.venue.name, 1, 'event.venue.name');
  add(e.venue.city, 1, 'event.venue.city');
  add(e.venue.country, 1, 'event.venue.country');
  for (const k of config.seatRules?.kinds ?? []) add(k.name, 1, `seats.${k.key}: the name of a kind of seat, in letters and forms`);
  for (const g of config.seatRules?.groups ?? []) add(g.name, 1, `groups.${g.key}.name: a group of countries, as letters may name it`);
  for (const d of config.documents ?? []) add(d.title, d.place.line, `documents (${d.name}).title: the title of a document of the event`);
  for (const c of config.countries) {
    add(c.name, c.place.line, `countries (${c.code}).name`);
    add(c.addressee.title, c.place.line, `countries (${c.code}).addressee.title`);
    add(c.addressee.ministry, c.place.line, `countries (${c.code}).addressee.ministry`);
    add(c.addressee.salutation, c.place.line, `countries (${c.code}).addressee.salutation`);
  }
  for (const s of config.programme) {
    add(s.title, s.place.line, `programme day ${s.day} ${s.start}: title`);
    for (const sp of s.speakers) add(sp, s.place.line, `programme day ${s.day} ${s.start}: speaker`);
    add(s.room, s.place.line, `programme day ${s.day} ${s.start}: room`);
  }
  return out;
}

/** The cover of a delegate pack; `delegate` for a personalised one (its name and country). */
export function packCoverContext(config: SeminarConfig, sources: SourceSet, lang: string, tr: ConfigTranslate, locale: string, delegate: { name: string; country: string } | null): Record<string, unknown> {
  return { ...eventContext(config, sources, lang, tr, locale), delegate };
}
