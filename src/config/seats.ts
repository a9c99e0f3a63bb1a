/**
 * A country's seats by kind (`Country.seats`), from its quota and its group's rules: the
 * declared rules of `seats`/`groups`, or the built-in rules of folio's first event.
 */
import type { Country, CountrySeats, Quota, SeatRules } from './types.js';

/**
 * The kinds of the built-in rules, in the order participants are listed. `social-partner` is a
 * seat of a joint employers' and trade-union federation (or, in `separate` mode, a further
 * social-partner seat beyond the first two).
 */
export const BUILT_IN_SEAT_KINDS = ['government', 'social-partner', 'employers', 'trade-union', 'additional'] as const;

/**
 * The built-in rules: a southern country has its sponsored government seats and social-partner
 * seats (`joint`: that many `social-partner` seats; `separate`: one `employers` seat, one
 * `trade-union` seat and the rest as `social-partner` seats), then its additional own-cost
 * places; `north` and `osce` countries have own-cost places only. Kinds without a seat are
 * listed with 0, in the order of the nomination form.
 */
export function builtInSeats(group: string, quota: Quota): CountrySeats[] {
  const south = group === 'south';
  const seat = (kind: string, prefix: string, count: number, sponsored: boolean): CountrySeats => ({ kind, prefix, count: Math.max(0, count), sponsored });
  const government = seat('government', 'gov', south ? quota.government : 0, true);
  const additional = seat('additional', 'add', quota.additional, false);
  const sp = south ? quota.socialPartners : 0;
  if (quota.socialPartnerMode === 'separate') {
    return [government, seat('employers', 'emp', Math.min(1, sp), true), seat('trade-union', 'tu', Math.min(1, sp - 1), true),
      seat('social-partner', 'sp', sp - 2, true), additional];
  }
  return [government, seat('social-partner', 'sp', sp, true), seat('employers', 'emp', 0, true), seat('trade-union', 'tu', 0, true), additional];
}

/** The declared rules: the group's kinds in the order of `seats`, the field prefix being the kind. */
export function declaredSeats(rules: SeatRules, group: string, counts: ReadonlyMap<string, number>): CountrySeats[] {
  const rule = rules.groups.find((g) => g.key === group);
  return (rule?.seats ?? []).map((s) => ({
    kind: s.kind,
    prefix: s.kind,
    count: counts.get(s.kind) ?? 0,
    sponsored: s.sponsored,
    name: rules.kinds.find((k) => k.key === s.kind)?.name ?? s.kind,
  }));
}

/** The seats the organisers pay for in a country's delegation. */
export function sponsoredSeats(country: Pick<Country, 'seats'>): number {
  return country.seats.reduce((sum, s) => sum + (s.sponsored ? s.count : 0), 0);
}

/** Every seat of a country's delegation, sponsored or not. */
export function allSeats(country: Pick<Country, 'seats'>): number {
  return country.seats.reduce((sum, s) => sum + s.count, 0);
}
