/**
 * Checks one returned form against the configuration as it is now: the country is invited,
 * the language is one of its languages, no kind of place has more nominees than the current
 * quota allows, every nominee has the required fields and a real e-mail address. Messages
 * name rows and fields, never the values typed in (they are personal data).
 */
import { describeBidiProblem, findBidiControlProblems } from '../input/bidi-controls.js';
import type { Country, SeminarConfig } from '../config/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FIELD_KEYS, IDENTITY_FIELDS, REQUIRED_FIELDS, type FieldKey } from './fields.js';
import type { Participant } from './participants.js';
import { printable } from './printable.js';
import type { FilledForm } from './read-form.js';
import { kindOrder, parseRowField, rowsPerKind, type SeatKind } from './rows.js';

export interface FormCheck {
  /** The participants of the form; empty when the form has any error. */
  participants: Participant[];
  diagnostics: Diagnostic[];
}

interface FilledRow {
  kind: SeatKind;
  index: number;
  prefix: string;
  values: Partial<Record<FieldKey, string>>;
}

const KIND_WORDS: Record<string, { one: string; many: string }> = {
  government: { one: 'government official', many: 'government officials' },
  'social-partner': { one: 'social-partner representative', many: 'social-partner representatives' },
  employers: { one: 'employers’ representative', many: 'employers’ representatives' },
  'trade-union': { one: 'trade-union representative', many: 'trade-union representatives' },
  additional: { one: 'additional participant', many: 'additional participants' },
};

export function checkNominationForm(form: FilledForm, config: SeminarConfig, file: string): FormCheck {
  const diagnostics: Diagnostic[] = [];
  const report = (rule: string, message: string) => diagnostics.push(diagnostic({ file, line: 1, column: 1 }, 'error', rule, message));
  const configFile = 'sources/seminar.yaml';

  const country = config.countries.find((c) => c.code === form.country);
  if (!country) {
    report('nominations/wrong-country', `The form is for the country ${printable(form.country, 20)} (field ${IDENTITY_FIELDS.country}), which is not invited: it is not among the countries of ${configFile}.`);
    return { participants: [], diagnostics };
  }
  const label = `${country.name} (${country.code})`;
  if (!country.languages.includes(form.lang)) {
    report('nominations/wrong-language', `The form is in the language ${printable(form.lang, 20)} (field ${IDENTITY_FIELDS.lang}), but the forms of ${label} are in ${country.languages.join(', ')}: it was not made for this country's current configuration. Send it the form in one of its languages.`);
    return { participants: [], diagnostics };
  }

  const { rows: filled, strays } = filledRows(form, country);
  for (const prefix of strays) {
    // A row of a kind the country no longer has (its group or the seat kinds changed since the form was made).
    report('nominations/over-quota',
      `${label}: row ${prefix} is filled in, but ${country.name}'s quota in ${configFile} has no seat of kind ${prefix.replace(/\.\d+$/, '')} (its kinds: ${country.seats.map((s) => s.kind).join(', ') || 'none'}). The form was made before the configuration changed: ask ${country.name} to send a new form, or give the country that kind of seat.`);
  }
  const allowed = rowsPerKind(country);
  for (const [kind, count] of allowed) {
    const rows = filled.filter((r) => r.kind === kind);
    if (rows.length <= count) continue;
    const over = rows[count]!;
    const words = KIND_WORDS[kind] ?? { one: `nominee for ${kind}`, many: `nominees for ${kind}` };
    report('nominations/over-quota',
      `${label}: ${rows.length} ${rows.length === 1 ? words.one : words.many} nominated (rows ${kind} ${rows.map((r) => r.index).join(', ')}), but the quota in ${configFile} allows ${count}; the first row over it is ${kind} ${over.index} (field ${over.prefix}.name). The form was made before the quota changed: ask ${country.name} which nominee to withdraw and to send a new form, or raise the quota.`);
  }
  for (const row of filled) {
    for (const key of FIELD_KEYS) {
      const value = row.values[key] ?? '';
      if (REQUIRED_FIELDS.has(key) && value === '') {
        report('nominations/missing-field', `${label}: row ${row.kind} ${row.index}, field ${row.prefix}.${key} is empty; name, function, ministry or organisation and e-mail are required for each participant.`);
      } else if (findBidiControlProblems(value).length > 0) {
        // The value is personal data: the message names the field and the control, never the value.
        report('nominations/bidi-control', `${label}: row ${row.kind} ${row.index}, field ${row.prefix}.${key}: ${describeBidiProblem(findBidiControlProblems(value)[0]!)}, then send the form again.`);
      } else if (key === 'email' && value !== '' && !isEmailAddress(value)) {
        report('nominations/email', `${label}: row ${row.kind} ${row.index}, field ${row.prefix}.email is not an e-mail address (expected the form name@example.org).`);
      }
    }
  }
  if (diagnostics.length > 0) return { participants: [], diagnostics };

  const participants = filled.map((row): Participant => ({
    id: `${country.code}-${row.kind}-${row.index}`,
    name: row.values.name!,
    country: country.code,
    kind: row.kind,
    sponsored: country.seats.find((s) => s.kind === row.kind)?.sponsored ?? false,
    function: row.values.function!,
    organisation: row.values.organisation!,
    email: row.values.email!,
    ...(row.values.phone ? { phone: row.values.phone } : {}),
    language: form.lang,
  }));
  return { participants, diagnostics };
}

/** The rows with at least one field filled in, in kind and index order. */
function filledRows(form: FilledForm, country: Country): { rows: FilledRow[]; strays: string[] } {
  const rows = new Map<string, FilledRow>();
  const strays = new Set<string>();
  for (const [name, raw] of form.values) {
    const match = /^(.+)\.([a-z]+)$/.exec(name);
    if (!match || !(FIELD_KEYS as readonly string[]).includes(match[2]!)) continue;
    const row = parseRowField(match[1]!, country);
    const value = normalise(raw);
    if (!row) {
      if (value !== '' && /^[A-Za-z][A-Za-z0-9-]*\.[1-9][0-9]{0,5}$/.test(match[1]!) && !match[1]!.startsWith('folio.')) strays.add(match[1]!);
      continue;
    }
    let entry = rows.get(match[1]!);
    if (!entry) {
      entry = { ...row, prefix: match[1]!, values: {} };
      rows.set(match[1]!, entry);
    }
    if (value !== '') entry.values[match[2] as FieldKey] = value;
  }
  return {
    rows: [...rows.values()]
      .filter((r) => Object.keys(r.values).length > 0)
      .sort((a, b) => kindOrder(a.kind, country) - kindOrder(b.kind, country) || a.index - b.index),
    strays: [...strays].sort(),
  };
}

/** Trimmed, runs of white space (line breaks too) as one space, NFC. */
function normalise(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A practical e-mail address check (not RFC 5322's full grammar): one `@`, a local part and
 * a domain without spaces or separators, a dot in the domain, no empty label.
 */
export function isEmailAddress(value: string): boolean {
  const match = /^([^\s@<>()[\]\\,;:"]+)@([^\s@<>()[\]\\,;:"]+)$/u.exec(value);
  if (!match) return false;
  const [, local, domain] = match;
  if (local!.startsWith('.') || local!.endsWith('.') || local!.includes('..')) return false;
  const labels = domain!.split('.');
  return labels.length >= 2 && labels.every((l) => l !== '' && !l.startsWith('-') && !l.endsWith('-')) && labels.at(-1)!.length >= 2;
}
