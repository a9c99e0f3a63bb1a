/**
 * The data each template sees. Every optional field is present (as null) so that
 * Handlebars' strict mode can tell a misspelt name from an absent value.
 */
import type { Country, SeminarConfig, Session, SessionKind } from '../config/types.js';
import type { SourceDocument, SourceSet } from '../sources/load-sources.js';

const KIND_LABELS: Record<SessionKind, string> = {
  opening: 'opening',
  plenary: 'plenary',
  group: 'discussion groups',
  break: 'break',
  closing: 'closing',
};

const LANGUAGE_NAMES_EN: Record<string, string> = {
  en: 'English', fr: 'French', ar: 'Arabic', he: 'Hebrew', es: 'Spanish', de: 'German',
  it: 'Italian', pt: 'Portuguese', ru: 'Russian', el: 'Greek', tr: 'Turkish',
};

export function eventContext(config: SeminarConfig, sources: SourceSet, lang: string): Record<string, unknown> {
  const e = config.event;
  const days: { number: number; date: string }[] = [];
  const start = Date.parse(`${e.dates.start}T00:00:00Z`);
  const end = Date.parse(`${e.dates.end}T00:00:00Z`);
  for (let t = start, n = 1; t <= end; t += 86_400_000, n++) days.push({ number: n, date: new Date(t).toISOString().slice(0, 10) });
  const themeTitles = new Map(sources.themes.map((t) => [t.theme, t.title]));
  return {
    lang,
    event: {
      title: e.title,
      subtitle: e.subtitle ?? null,
      organisers: e.organisers.map((o) => ({ short: o.short, name: o.name, signatory: o.signatory ?? null })),
      host: e.host,
      venue: { name: e.venue.name, city: e.venue.city, country: e.venue.country, address: e.venue.address ?? null },
      dates: { start: e.dates.start, end: e.dates.end },
      issued: e.issued,
      referencePrefix: e.referencePrefix,
      replyBy: e.replyBy ?? null,
      contact: { name: e.contact?.name ?? null, email: e.contact?.email ?? null, phone: e.contact?.phone ?? null },
      days,
    },
    sponsorship: { ...config.sponsorship },
    languageNames: e.languages.map((l) => LANGUAGE_NAMES_EN[l] ?? l),
    themes: sources.themes.map((t) => ({ number: t.theme, title: t.title, slug: t.slug })),
    themeTitles: Object.fromEntries(themeTitles),
  };
}

export function sessionContext(session: Session, themeTitles: Map<number | undefined, string>): Record<string, unknown> {
  return {
    day: session.day,
    start: session.start,
    end: session.end,
    kind: session.kind,
    kindLabel: KIND_LABELS[session.kind],
    theme: session.theme ?? null,
    themeTitle: session.theme !== undefined ? themeTitles.get(session.theme) ?? null : null,
    title: session.title,
    speakers: session.speakers,
    room: session.room ?? null,
  };
}

export function agendaContext(config: SeminarConfig, sources: SourceSet, lang: string): Record<string, unknown> {
  const base = eventContext(config, sources, lang);
  const titles = new Map<number | undefined, string>(sources.themes.map((t) => [t.theme, t.title]));
  const days = (base.event as { days: { number: number; date: string }[] }).days.map((d) => ({
    ...d,
    sessions: config.programme.filter((s) => s.day === d.number).map((s) => sessionContext(s, titles)),
  }));
  return { ...base, days };
}

export function letterReference(config: SeminarConfig, country: Country, lang: string): string {
  return `${config.event.referencePrefix}/${config.event.issued.slice(0, 4)}/${country.code}-${lang.toUpperCase()}`;
}

export function invitationContext(config: SeminarConfig, sources: SourceSet, country: Country, lang: string): Record<string, unknown> {
  const q = country.quota;
  return {
    ...eventContext(config, sources, lang),
    reference: letterReference(config, country, lang),
    country: {
      code: country.code,
      name: country.name,
      group: country.group,
      sponsored: country.group === 'south' && q.government + q.socialPartners > 0,
      addressee: {
        title: country.addressee.title,
        ministry: country.addressee.ministry,
        address: country.addressee.address.trim(),
        salutation: country.addressee.salutation ?? null,
      },
      quota: {
        government: q.government,
        socialPartners: q.socialPartners,
        separate: q.socialPartnerMode === 'separate',
        additional: q.additional,
        sponsoredTotal: q.government + q.socialPartners,
      },
    },
  };
}

export function briefContext(config: SeminarConfig, sources: SourceSet, brief: SourceDocument, lang: string): Record<string, unknown> {
  const titles = new Map<number | undefined, string>(sources.themes.map((t) => [t.theme, t.title]));
  return {
    ...eventContext(config, sources, lang),
    brief,
    sessions: config.programme.filter((s) => s.theme === brief.theme).map((s) => sessionContext(s, titles)),
  };
}

export function conceptNoteContext(config: SeminarConfig, sources: SourceSet, note: SourceDocument, lang: string): Record<string, unknown> {
  return { ...eventContext(config, sources, lang), note };
}

export function handbookContext(config: SeminarConfig, sources: SourceSet, lang: string): Record<string, unknown> {
  return { ...eventContext(config, sources, lang), chapters: sources.chapters };
}
