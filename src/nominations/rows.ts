/**
 * The rows of a country's nomination form: one per seat its quota offers, in the order the
 * invitation letter lists them (for the built-in rules: sponsored government officials, social
 * partners, then the additional places at the country's own cost).
 */
import { BUILT_IN_SEAT_KINDS } from '../config/seats.js';
import type { Country } from '../config/types.js';

/**
 * What a seat is for: a kind of the built-in rules (`government`, `social-partner`, `employers`,
 * `trade-union`, `additional`) or of the configuration's declared `seats`.
 */
export type SeatKind = string;

/** The built-in kinds, in the order participants are listed. */
export const SEAT_KINDS: readonly SeatKind[] = BUILT_IN_SEAT_KINDS;

export interface NominationRow {
  kind: SeatKind;
  /** 1-based within its kind. */
  index: number;
  /** Paid for by the organisers. */
  sponsored: boolean;
  /** Prefix of the row's field names, e.g. `gov.1` (fields `gov.1.name`, `gov.1.email` …). */
  field: string;
  /** A declared kind's name as configured (translated by the form's maker); absent for built-in kinds. */
  name?: string;
}

/** The rows of a country's form: one per seat, kind by kind in the order of `country.seats`. */
export function nominationRows(country: Pick<Country, 'seats'>): NominationRow[] {
  const rows: NominationRow[] = [];
  for (const seat of country.seats) {
    for (let index = 1; index <= seat.count; index++) {
      rows.push({ kind: seat.kind, index, sponsored: seat.sponsored, field: `${seat.prefix}.${index}`, ...(seat.name !== undefined && { name: seat.name }) });
    }
  }
  return rows;
}

/** How many rows of each of the country's kinds the quota allows (0 for the kinds it has none of). */
export function rowsPerKind(country: Pick<Country, 'seats'>): Map<SeatKind, number> {
  return new Map(country.seats.map((s) => [s.kind, s.count]));
}

/** Reads a field-name prefix (`gov.2`) back into one of the country's kinds and an index. */
export function parseRowField(prefix: string, country: Pick<Country, 'seats'>): { kind: SeatKind; index: number } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9-]*)\.([1-9][0-9]{0,5})$/.exec(prefix);
  if (!match) return undefined;
  const seat = country.seats.find((s) => s.prefix === match[1]);
  return seat ? { kind: seat.kind, index: Number(match[2]) } : undefined;
}

/** The position of a kind in listings: the built-in kinds first, in their order, then the country's. */
export function kindOrder(kind: SeatKind, country?: Pick<Country, 'seats'>): number {
  const builtIn = SEAT_KINDS.indexOf(kind);
  if (builtIn >= 0) return builtIn;
  const declared = country?.seats.findIndex((s) => s.kind === kind) ?? -1;
  return SEAT_KINDS.length + (declared >= 0 ? declared : 1000);
}
