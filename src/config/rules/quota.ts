import type { ConfigDraft, CountryDraft } from '../draft.js';
import type { ConfigReader, Field } from '../reader.js';
import { MAX_SEATS_PER_KIND } from './seat-rules.js';

/** Sponsored government officials per southern country. */
const GOVERNMENT_SEATS = { min: 2, max: 3 };
/** Additional participants any country may designate at its own cost. */
const MAX_ADDITIONAL = 2;

/**
 * The quota model of the seminar (see the seminar brief, "Who is invited, and who pays"):
 *
 * - `quota/government`: a southern country has 2 or 3 sponsored government seats;
 * - `quota/social-partners`: and at least 1 social-partner seat, 2 when read as
 *   separate employers' and trade-union seats;
 * - `quota/own-cost`: northern and other OSCE countries have no sponsored seat;
 * - `quota/additional`: every country has 0–2 additional own-cost seats;
 * - `quota/budget`: the sponsored seats add up to `sponsorship.delegates`.
 */
export function checkQuotas(reader: ConfigReader, draft: ConfigDraft): void {
  const countries = draft.countries ?? [];
  for (const country of countries) {
    checkCountryQuota(reader, country);
  }
  checkBudget(reader, draft);
}

function checkCountryQuota(reader: ConfigReader, country: CountryDraft): void {
  const quota = country.quota;
  if (!quota) return;
  const { additional } = quota;
  if (additional && additional.value > MAX_ADDITIONAL) {
    reader.report(additional.place, 'quota/additional',
      `${country.label} may designate at most ${MAX_ADDITIONAL} additional participants at its own cost: ` +
        `${key(additional)} must be 0, 1 or 2, found ${additional.value}.`);
  }
  for (const field of [quota.government, quota.socialPartners, quota.additional]) {
    if (field && field.value > MAX_SEATS_PER_KIND) {
      reader.report(field.place, 'seats/limit',
        `${country.label}: ${key(field)} is ${field.value}; folio makes forms and badges for at most ${MAX_SEATS_PER_KIND} seats of one kind per country. Check the number.`);
    }
  }
  const group = country.group?.value;
  if (group === 'south') {
    const { government, socialPartners } = quota;
    if (government && (government.value < GOVERNMENT_SEATS.min || government.value > GOVERNMENT_SEATS.max)) {
      reader.report(government.place, 'quota/government',
        `${country.label} is in group south, which sends ${GOVERNMENT_SEATS.min} or ${GOVERNMENT_SEATS.max} ` +
          `sponsored government officials: ${key(government)} must be ${GOVERNMENT_SEATS.min} or ` +
          `${GOVERNMENT_SEATS.max}, found ${government.value}.`);
    }
    const separate = quota.socialPartnerMode?.value === 'separate';
    const min = separate ? 2 : 1;
    if (socialPartners && socialPartners.value < min) {
      const model = separate
        ? 'group south and has socialPartnerMode: separate (one employers\' and one trade-union representative)'
        : 'group south, which sends one representative of an employers\' and trade-union federation';
      reader.report(socialPartners.place, 'quota/social-partners',
        `${country.label} is in ${model}: ${key(socialPartners)} must be at least ${min}, found ${socialPartners.value}.`);
    }
  } else if (group === 'north' || group === 'osce') {
    for (const field of [quota.government, quota.socialPartners]) {
      if (!field || field.value === 0) continue;
      reader.report(field.place, 'quota/own-cost',
        `${country.label} is in group ${group}, whose participants come at their own cost: ` +
          `${key(field)} must be 0, found ${field.value}. Only group south has sponsored seats.`);
    }
  }
}

/**
 * Reported once, at `sponsorship.delegates`, listing each southern country's
 * seats. Skipped when the sum cannot be known: a southern country's seats could
 * not be read, or a country whose group could not be read has sponsored seats
 * (it may or may not be southern); those causes are reported already.
 */
function checkBudget(reader: ConfigReader, draft: ConfigDraft): void {
  const delegates = draft.sponsorship?.delegates;
  const countries = draft.countries;
  if (!delegates || !countries) return;
  const seats: { label: string; seats: number }[] = [];
  for (const country of countries) {
    const group = country.group?.value;
    const government = country.quota?.government?.value;
    const socialPartners = country.quota?.socialPartners?.value;
    if (group === undefined) {
      if (government === 0 && socialPartners === 0) continue;
      return;
    }
    if (group !== 'south') continue;
    if (government === undefined || socialPartners === undefined) return;
    seats.push({ label: country.label, seats: government + socialPartners });
  }
  const total = seats.reduce((sum, s) => sum + s.seats, 0);
  if (total === delegates.value) return;
  const breakdown = seats.length === 0
    ? 'no country is in group south'
    : `per country (government + social partners): ${seats.map((s) => `${s.label} ${s.seats}`).join(', ')}`;
  const difference = Math.abs(total - delegates.value);
  const fix = total > delegates.value
    ? `take ${plural(difference, 'seat')} away from group south countries, or raise ${delegates.where.path} to ${total}`
    : `give ${plural(difference, 'more seat')} to group south countries, or lower ${delegates.where.path} to ${total}`;
  reader.report(delegates.place, 'quota/budget',
    `Sponsored seats add up to ${total}, budget is ${delegates.value} (${delegates.where.path}); ${breakdown}. ` +
      `To balance, ${fix}.`);
}

/** The key as written under the country, e.g. `quota.government`. */
function key(field: Field<number>): string {
  return field.where.path.replace(/^countries\[\d+\]\./, '');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
