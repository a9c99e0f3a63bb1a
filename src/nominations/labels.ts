/**
 * The words of one form in its language, computed once from the `message` callback and shared
 * by the PDF and the DOCX versions, so both always say the same thing.
 */
import type { Country, SeminarConfig } from '../config/types.js';
import { FIELD_KEYS, REQUIRED_FIELDS, type FieldKey } from './fields.js';
import { NOMINATION_MESSAGE as M, type MessageFn } from './messages.js';
import { nominationRows, type NominationRow } from './rows.js';

export interface FormRowText {
  row: NominationRow;
  /** e.g. "Government official 2". */
  label: string;
  /** "sponsored" or "own cost". */
  tag: string;
}

export interface FormText {
  organisers: string;
  title: string;
  event: string;
  /** Paragraphs before the rows. */
  instructions: { deadline: string; contact?: string; howToPdf: string; howToDocx: string; rowsHint: string; costs: string; required: string };
  /** Label per field, with ` *` after the required ones. */
  fields: Record<FieldKey, string>;
  /** Label per field as a tooltip says it (no asterisk: the field is flagged required). */
  plainFields: Record<FieldKey, string>;
  place: string;
  rows: FormRowText[];
  /** `page`/`pages` → "Page 1 of 2". */
  page: (page: number | string, pages: number | string) => string;
}

export interface FormTextInput {
  config: SeminarConfig;
  country: Country;
  message: MessageFn;
  countryName: string;
  deadline: string;
  eventTitle?: string;
  /** The organisers' short names in the form's language (ILO → OIT); default: as configured. */
  organisers?: string[];
  /** A declared seat kind's name in the form's language; default: as configured. */
  seatName?: (name: string) => string;
}

const ROW_MESSAGE: Record<string, string> = {
  government: M.government,
  'social-partner': M.socialPartner,
  employers: M.employers,
  'trade-union': M.tradeUnion,
  additional: M.additional,
};

const FIELD_MESSAGE: Record<FieldKey, string> = {
  name: M.name,
  function: M.function,
  organisation: M.organisation,
  email: M.email,
  phone: M.phone,
};

export function formText(input: FormTextInput): FormText {
  const { config, country, message } = input;
  const contact = config.event.contact;
  const contactText = contact ? [contact.name, contact.email, contact.phone].filter((s): s is string => !!s && s.trim() !== '').join(', ') : '';
  const rows = nominationRows(country);
  return {
    organisers: (input.organisers ?? config.event.organisers.map((o) => o.short)).join(' · '),
    title: message(M.title, { country: input.countryName }),
    event: input.eventTitle ?? config.event.title,
    instructions: {
      deadline: input.deadline.trim() !== '' ? message(M.deadline, { date: input.deadline }) : message(M.noDeadline),
      ...(contactText ? { contact: message(M.contact, { contact: contactText }) } : {}),
      howToPdf: message(M.howToPdf),
      howToDocx: message(M.howToDocx),
      rowsHint: message(M.rowsHint),
      costs: rows.some((r) => r.sponsored) ? message(M.sponsoredNote) : message(M.ownCostNote, { country: input.countryName }),
      required: message(M.required),
    },
    fields: Object.fromEntries(FIELD_KEYS.map((k) => [k, `${message(FIELD_MESSAGE[k])}${REQUIRED_FIELDS.has(k) ? ' *' : ''}`])) as Record<FieldKey, string>,
    plainFields: Object.fromEntries(FIELD_KEYS.map((k) => [k, message(FIELD_MESSAGE[k])])) as Record<FieldKey, string>,
    place: message(M.place),
    rows: rows.map((row) => ({
      row,
      label: rowLabel(row, input),
      tag: message(row.sponsored ? M.sponsored : M.ownCost),
    })),
    page: (page, pages) => message(M.page, { page, pages }),
  };
}

/** "Government official 2" for a built-in kind; "<the kind's name>: place 2" for a declared one. */
function rowLabel(row: NominationRow, input: FormTextInput): string {
  const builtIn = ROW_MESSAGE[row.kind];
  if (builtIn !== undefined && row.name === undefined) return input.message(builtIn, { n: row.index });
  const name = row.name ?? row.kind;
  return input.message(M.seat, { kind: input.seatName ? input.seatName(name) : name, n: row.index });
}
