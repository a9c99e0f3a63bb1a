/**
 * The rows of a country's nomination form: one per seat its quota offers, in the order the
 * invitation letter lists them (sponsored government officials, social partners, then the
 * additional places at the country's own cost).
 */
import type { Country } from '../config/types.js';

/**
 * What a seat is for. `social-partner` is a seat of a joint employers' and trade-union
 * federation (or, in `separate` mode, a further social-partner seat beyond the first two).
 */
export type SeatKind = 'government' | 'social-partner' | 'employers' | 'trade-union' | 'additional';

export const SEAT_KINDS: readonly SeatKind[] = ['government', 'social-partner', 'employers', 'trade-union', 'additional'];

export interface NominationRow {
  kind: SeatKind;
  /** 1-based within its kind. */
  index: number;
  /** Paid for by the organisers. */
  sponsored: boolean;
  /** Prefix of the row's field names, e.g. `gov.1` (fields `gov.1.name`, `gov.1.email` …). */
  field: string;
}

/** Short field-name prefix per kind: field names stay short and free of personal data. */
export const KIND_PREFIX: Record<SeatKind, string> = {
  government: 'gov',
  'social-partner': 'sp',
  employers: 'emp',
  'trade-union': 'tu',
  additional: 'add',
};

/**
 * The rows of a country's form. A southern country gets its sponsored government seats and
 * social-partner seats (`joint`: that many `social-partner` rows; `separate`: one `employers`
 * row, one `trade-union` row and the rest as `social-partner` rows), then its additional
 * own-cost places; `north` and `osce` countries get their own-cost places only.
 */
export function nominationRows(country: Pick<Country, 'group' | 'quota'>): NominationRow[] {
  const rows: NominationRow[] = [];
  const add = (kind: SeatKind, count: number, sponsored: boolean) => {
    for (let index = 1; index <= count; index++) rows.push({ kind, index, sponsored, field: `${KIND_PREFIX[kind]}.${index}` });
  };
  const { quota } = country;
  if (country.group === 'south') {
    add('government', quota.government, true);
    if (quota.socialPartnerMode === 'separate') {
      add('employers', Math.min(1, quota.socialPartners), true);
      add('trade-union', Math.min(1, Math.max(0, quota.socialPartners - 1)), true);
      add('social-partner', Math.max(0, quota.socialPartners - 2), true);
    } else {
      add('social-partner', quota.socialPartners, true);
    }
  }
  add('additional', quota.additional, false);
  return rows;
}

/** How many rows of each kind the quota allows (0 for the kinds it has none of). */
export function rowsPerKind(rows: readonly NominationRow[]): Record<SeatKind, number> {
  const counts = Object.fromEntries(SEAT_KINDS.map((k) => [k, 0])) as Record<SeatKind, number>;
  for (const row of rows) counts[row.kind]++;
  return counts;
}

/** Reads a field-name prefix (`gov.2`) back into its kind and index. */
export function parseRowField(prefix: string): { kind: SeatKind; index: number } | undefined {
  const match = /^([a-z]+)\.([1-9][0-9]*)$/.exec(prefix);
  if (!match) return undefined;
  const kind = SEAT_KINDS.find((k) => KIND_PREFIX[k] === match[1]);
  return kind ? { kind, index: Number(match[2]) } : undefined;
}
