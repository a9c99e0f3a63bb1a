/**
 * The declared seat rules (`seats`, `groups`, `budgets`; see schema/seat-rules.ts) applied to
 * the countries' quotas:
 *
 * - `seats/not-in-group`: a quota names a kind the country's group has no seats of;
 * - `seats/min`, `seats/max`: a count outside the group's bounds for that kind (a kind left
 *   out of the quota counts 0);
 * - `seats/budget`: a budget's seats do not add up to its `total`, or exceed its `max`
 *   (without `budgets`, `sponsorship.delegates` is the total of the sponsored seats);
 * - `seats/limit`: more than 100 seats of one kind for one country;
 * - `seats/unknown-kind`: a quota names a kind `seats` does not declare.
 *
 * Each is reported where the number is written, naming the country, the group and the bounds.
 */
import type { SourcePlace } from '../../diagnostics/diagnostic.js';
import type { BudgetDraft, ConfigDraft, CountryDraft, GroupDraft, SeatRulesDraft } from '../draft.js';
import type { ConfigReader } from '../reader.js';
import { closest, didYouMean } from '../suggest.js';

/** More seats of one kind than a country could fill: a typo (20000), and a form no one could fill. */
export const MAX_SEATS_PER_KIND = 100;

export function checkSeatRules(reader: ConfigReader, draft: ConfigDraft, rules: SeatRulesDraft): void {
  const countries = draft.countries ?? [];
  for (const country of countries) {
    const group = rules.groups.find((g) => g.key === country.group?.value);
    if (group && country.quota?.counts) checkCountry(reader, country, group, rules);
  }
  // A budget needs every country's seats: skipped when any part could not be read (reported already).
  const known = rules.complete && draft.countries !== undefined && countries.every((c) =>
    c.quota?.counts !== undefined && rules.groups.some((g) => g.key === c.group?.value));
  if (!known) return;
  // Without budgets, `sponsorship.delegates` (if written) is the budget of every sponsored seat, as with the built-in rules.
  const delegates = draft.sponsorship?.delegates;
  const budgets = rules.budgets.length === 0 && delegates ? [{ where: delegates.where, place: delegates.place, count: 'sponsored' as const, total: delegates }] : rules.budgets;
  for (const budget of budgets) checkBudget(reader, budget, countries, rules);
}

function checkCountry(reader: ConfigReader, country: CountryDraft, group: GroupDraft, rules: SeatRulesDraft): void {
  const counts = country.quota!.counts!;
  const kinds = group.seats.map((s) => s.kind);
  const declared = rules.kinds.map((k) => k.key);
  for (const count of counts) {
    if (count.field.value > MAX_SEATS_PER_KIND) {
      reader.report(count.field.place, 'seats/limit',
        `${country.label}: ${key(count.field.where.path)} is ${count.field.value}; folio makes forms and badges for at most ${MAX_SEATS_PER_KIND} seats of one kind per country. Check the number.`);
    }
    if (kinds.includes(count.kind)) continue;
    // Declarations that could not be read are reported already: their kinds are not judged again here.
    if (!rules.complete) continue;
    if (!declared.includes(count.kind)) {
      reader.report(count.keyPlace, 'seats/unknown-kind',
        `${country.label}: ${key(count.field.where.path)} names a kind of seat that \`seats\` does not declare (${declared.join(', ') || 'none'}): correct the name, or declare it under seats and give it to group ${group.key}.${didYouMean(closest(count.kind, declared))}`);
      continue;
    }
    reader.report(count.keyPlace, 'seats/not-in-group',
      `${country.label} is in group ${group.key}, whose countries have seats of ${kinds.length ? kinds.join(', ') : 'no kind'}: ` +
        `${key(count.field.where.path)} is not one of them. Remove it, or add \`${count.kind}\` to groups.${group.key}.seats.` +
        didYouMean(closest(count.kind, kinds)));
  }
  for (const seat of group.seats) {
    const count = counts.find((c) => c.kind === seat.kind);
    const value = count?.field.value ?? 0;
    if (value > MAX_SEATS_PER_KIND) continue;
    const place: SourcePlace = count?.field.place ?? country.quota!.place;
    const written = count ? `${key(count.field.where.path)} is ${value}` : `quota.${seat.kind} is left out (0)`;
    const min = seat.min?.value ?? 0;
    const max = seat.max?.value;
    if (value < min) {
      reader.report(place, 'seats/min',
        `${country.label} is in group ${group.key}, whose countries have ${bounds(min, max)} of kind ${seat.kind} (${seat.where.path}): ` +
          `${written}. Write quota.${seat.kind}: ${min} or more, or lower the group's min.`);
    } else if (max !== undefined && value > max) {
      reader.report(place, 'seats/max',
        `${country.label} is in group ${group.key}, whose countries have ${bounds(min, max)} of kind ${seat.kind} (${seat.where.path}): ` +
          `${written}. Write quota.${seat.kind}: ${max} or less, or raise the group's max.`);
    }
  }
}

function checkBudget(reader: ConfigReader, budget: BudgetDraft, countries: CountryDraft[], rules: SeatRulesDraft): void {
  const limit = budget.total ?? budget.max;
  if (!limit) return;
  const groups = budget.groups?.map((g) => g.value);
  const kinds = budget.seats?.map((s) => s.value);
  const parts: { label: string; seats: number }[] = [];
  for (const country of countries) {
    const group = rules.groups.find((g) => g.key === country.group!.value)!;
    if (groups && !groups.includes(group.key)) continue;
    let seats = 0;
    for (const seat of group.seats) {
      if (kinds && !kinds.includes(seat.kind)) continue;
      if (budget.count === 'sponsored' && !seat.sponsored) continue;
      seats += country.quota!.counts!.find((c) => c.kind === seat.kind)?.field.value ?? 0;
    }
    if (seats > 0) parts.push({ label: country.label, seats });
  }
  const total = parts.reduce((sum, p) => sum + p.seats, 0);
  const exact = budget.total !== undefined;
  if (exact ? total === limit.value : total <= limit.value) return;
  const what = [
    budget.count === 'sponsored' ? 'sponsored seats' : 'seats',
    kinds ? `of kind ${kinds.join(', ')}` : '',
    groups ? `of group${groups.length === 1 ? '' : 's'} ${groups.join(', ')}` : '',
  ].filter(Boolean).join(' ');
  const name = budget.name ? ` (${budget.name})` : '';
  const breakdown = parts.length === 0 ? 'no country has any' : `per country: ${parts.map((p) => `${p.label} ${p.seats}`).join(', ')}`;
  const difference = Math.abs(total - limit.value);
  const fix = total > limit.value
    ? `take ${plural(difference, 'seat')} away from these countries, or raise ${limit.where.path} to ${total}`
    : parts.length === 0
      ? `give such seats to countries (in their quota), or lower ${limit.where.path} to ${total}`
      : `give ${plural(difference, 'more seat')} to these countries, or lower ${limit.where.path} to ${total}`;
  reader.report(limit.place, 'seats/budget',
    `The ${what} add up to ${total}, but ${budget.where.path}${name} ${exact ? 'needs exactly' : 'allows at most'} ${limit.value}; ${breakdown}. ` +
      `To balance, ${fix}.`);
}

/** "2 to 3 seats", "at least 1 seat", "at most 2 seats", "exactly 1 seat". */
function bounds(min: number, max: number | undefined): string {
  const seats = (n: number) => (n === 1 ? 'seat' : 'seats');
  if (max === undefined) return `at least ${min} ${seats(min)}`;
  if (min === max) return `exactly ${min} ${seats(min)}`;
  if (min === 0) return `at most ${max} ${seats(max)}`;
  return `${min} to ${max} seats`;
}

/** The key as written under the country, e.g. `quota.government`. */
function key(path: string): string {
  return path.replace(/^countries\[\d+\]\./, '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
