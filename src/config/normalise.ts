import type { ConfigDraft, CountryDraft, QuotaDraft, SeatRulesDraft, SessionDraft } from './draft.js';
import { builtInSeats, declaredSeats } from './seats.js';
import type { Country, Quota, SeatRules, SeminarConfig, Session } from './types.js';

/**
 * Turns a draft read without errors into the normalised configuration, filling
 * in defaults (`socialPartnerMode: joint`, no speakers).
 *
 * Throws if a required part is missing: every missing part has been reported
 * as an error, so reaching this with one is a bug in the readers.
 */
export function normaliseConfig(draft: ConfigDraft, file: string): SeminarConfig {
  const event = need(draft.event, 'event');
  const sponsorship = draft.sponsorship;
  const seatRules = draft.seatRules && normaliseSeatRules(draft.seatRules);
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
      ...(event.typesetting !== undefined && { typesetting: event.typesetting }),
    },
    ...((sponsorship || !seatRules) && {
      sponsorship: {
        delegates: need(sponsorship?.delegates, 'sponsorship.delegates').value,
        experts: need(sponsorship?.experts, 'sponsorship.experts').value,
      },
    }),
    ...(seatRules && { seatRules }),
    countries: need(draft.countries, 'countries').map((c) => normaliseCountry(c, seatRules)),
    programme: need(draft.programme, 'programme').map(normaliseSession),
    ...(draft.documents !== undefined && draft.documents.length > 0 && { documents: draft.documents }),
    ...(draft.fonts !== undefined && { fonts: draft.fonts }),
    ...(draft.files !== undefined && { files: draft.files }),
  };
}

function normaliseCountry(country: CountryDraft, rules: SeatRules | undefined): Country {
  const path = country.where.path;
  const group = need(country.group, `${path}.group`).value;
  const { quota, seats } = normaliseSeats(need(country.quota, `${path}.quota`), group, rules, path);
  return {
    code: need(country.code, `${path}.code`).value,
    name: need(country.name, `${path}.name`),
    group,
    languages: need(country.languages, `${path}.languages`).map((l) => l.value),
    addressee: need(country.addressee, `${path}.addressee`),
    quota,
    seats,
    place: country.place,
  };
}

/** A country's quota and seats: by its group's declared rules, or by the built-in ones. */
function normaliseSeats(draft: QuotaDraft, group: string, rules: SeatRules | undefined, path: string): Pick<Country, 'quota' | 'seats'> {
  if (rules) {
    const counts = new Map((draft.counts ?? []).map((c) => [c.kind, c.field.value]));
    return {
      // The built-in keys, for templates written for them: the declared kinds of the same name.
      quota: { government: counts.get('government') ?? 0, socialPartners: counts.get('socialPartners') ?? 0, socialPartnerMode: 'joint', additional: counts.get('additional') ?? 0 },
      seats: declaredSeats(rules, group, counts),
    };
  }
  const quota: Quota = {
    government: need(draft.government, `${path}.quota.government`).value,
    socialPartners: need(draft.socialPartners, `${path}.quota.socialPartners`).value,
    socialPartnerMode: draft.socialPartnerMode?.value ?? 'joint',
    additional: need(draft.additional, `${path}.quota.additional`).value,
  };
  return { quota, seats: builtInSeats(group, quota) };
}

function normaliseSeatRules(draft: SeatRulesDraft): SeatRules {
  return {
    kinds: draft.kinds.map((k) => ({ key: k.key, name: need(k.name, `seats.${k.key}`) })),
    groups: draft.groups.map((g) => ({
      key: g.key,
      ...(g.name !== undefined && { name: g.name }),
      seats: g.seats.map((s) => ({ kind: s.kind, min: s.min?.value ?? 0, ...(s.max && { max: s.max.value }), sponsored: s.sponsored })),
    })),
    budgets: draft.budgets.map((b) => ({
      ...(b.name !== undefined && { name: b.name }),
      ...(b.groups && { groups: b.groups.map((f) => f.value) }),
      ...(b.seats && { seats: b.seats.map((f) => f.value) }),
      count: b.count,
      ...(b.total && { total: b.total.value }),
      ...(b.max && { max: b.max.value }),
    })),
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
