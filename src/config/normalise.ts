import type { ConfigDraft, CountryDraft, SessionDraft } from './draft.js';
import type { Country, SeminarConfig, Session } from './types.js';

/**
 * Turns a draft read without errors into the normalised configuration, filling
 * in defaults (`socialPartnerMode: joint`, no speakers).
 *
 * Throws if a required part is missing: every missing part has been reported
 * as an error, so reaching this with one is a bug in the readers.
 */
export function normaliseConfig(draft: ConfigDraft, file: string): SeminarConfig {
  const event = need(draft.event, 'event');
  const sponsorship = need(draft.sponsorship, 'sponsorship');
  const dates = need(event.dates, 'event.dates');
  return {
    file,
    event: {
      title: need(event.title, 'event.title'),
      ...(event.subtitle !== undefined && { subtitle: event.subtitle }),
      organisers: need(event.organisers, 'event.organisers'),
      host: need(event.host, 'event.host'),
      venue: need(event.venue, 'event.venue'),
      dates: { start: need(dates.start, 'event.dates.start').value, end: need(dates.end, 'event.dates.end').value },
      languages: need(event.languages, 'event.languages').map((l) => l.value),
      issued: need(event.issued, 'event.issued').value,
      referencePrefix: need(event.referencePrefix, 'event.referencePrefix'),
      ...(event.replyBy !== undefined && { replyBy: event.replyBy.value }),
      ...(event.contact !== undefined && { contact: event.contact }),
      ...(event.locales !== undefined && { locales: event.locales }),
      ...(event.letterhead !== undefined && { letterhead: event.letterhead }),
      ...(event.handbook !== undefined && { handbook: event.handbook }),
    },
    sponsorship: {
      delegates: need(sponsorship.delegates, 'sponsorship.delegates').value,
      experts: need(sponsorship.experts, 'sponsorship.experts').value,
    },
    countries: need(draft.countries, 'countries').map(normaliseCountry),
    programme: need(draft.programme, 'programme').map(normaliseSession),
    ...(draft.fonts !== undefined && { fonts: draft.fonts }),
    ...(draft.files !== undefined && { files: draft.files }),
  };
}

function normaliseCountry(country: CountryDraft): Country {
  const path = country.where.path;
  const quota = need(country.quota, `${path}.quota`);
  return {
    code: need(country.code, `${path}.code`).value,
    name: need(country.name, `${path}.name`),
    group: need(country.group, `${path}.group`).value,
    languages: need(country.languages, `${path}.languages`).map((l) => l.value),
    addressee: need(country.addressee, `${path}.addressee`),
    quota: {
      government: need(quota.government, `${path}.quota.government`).value,
      socialPartners: need(quota.socialPartners, `${path}.quota.socialPartners`).value,
      socialPartnerMode: quota.socialPartnerMode?.value ?? 'joint',
      additional: need(quota.additional, `${path}.quota.additional`).value,
    },
    place: country.place,
  };
}

function normaliseSession(session: SessionDraft): Session {
  const path = session.where.path;
  return {
    day: need(session.day, `${path}.day`).value,
    start: need(session.start, `${path}.start`).value,
    end: need(session.end, `${path}.end`).value,
    kind: need(session.kind, `${path}.kind`).value,
    ...(session.theme !== undefined && { theme: session.theme.value }),
    title: need(session.title, `${path}.title`),
    speakers: session.speakers ?? [],
    ...(session.room !== undefined && { room: session.room }),
    place: session.place,
  };
}

function need<T>(value: T | undefined, path: string): T {
  if (value === undefined) {
    throw new Error(`Bug in folio's configuration reader: ${path} is missing but no error was reported.`);
  }
  return value;
}
