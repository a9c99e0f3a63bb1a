/**
 * `sources/participants.yaml`: the nominated participants, one entry per person, keyed by a
 * stable id that is not personal data (`MA-government-2`). Read with places, like the
 * configuration: every problem is a diagnostic with its line and column (rules
 * `participants/*`), and the file is never written while it has one.
 */
import { isScalar, visit, type ParsedNode } from 'yaml';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigReader, type Mapping } from '../config/reader.js';
import type { SeminarConfig } from '../config/types.js';
import { Where } from '../config/where.js';
import { parseYaml } from '../config/yaml-places.js';
import { SEAT_KINDS, type SeatKind } from './rows.js';

export { mergeParticipants, writeParticipants } from './participants-merge.js';

export interface Participant {
  /** `<CODE>-<kind>-<index>`, e.g. `MA-government-2` (hand-written entries may use others). */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 code of the country that nominated them. */
  country: string;
  kind: SeatKind;
  sponsored: boolean;
  function: string;
  organisation: string;
  email: string;
  phone?: string;
  /** The language of the form they were nominated with. */
  language: string;
  /**
   * Written by the secretariat for visa support letters (never by a form, never logged):
   * passport number, nationality, date of birth (YYYY-MM-DD), and the embassy or consulate
   * the letter is addressed to.
   */
  passport?: string;
  nationality?: string;
  birthDate?: string;
  embassy?: string;
}

/** The optional keys the secretariat adds by hand; merging returned forms leaves them as they are. */
export const VISA_KEYS = ['passport', 'nationality', 'birthDate', 'embassy'] as const;

/** Keys of an entry, in the order they are written. */
export const PARTICIPANT_KEYS = ['id', 'name', 'country', 'kind', 'sponsored', 'function', 'organisation', 'email', 'phone', 'language'] as const;

const ENTRY_SPEC = {
  required: PARTICIPANT_KEYS.filter((k) => k !== 'phone'),
  optional: ['phone', ...VISA_KEYS],
  examples: { id: 'id: MA-government-1', kind: 'kind: government', sponsored: 'sponsored: true', language: 'language: fr', country: 'country: MA' },
} as const;

/**
 * Parses the text of `participants.yaml`. `document` is the parsed YAML (for callers that
 * edit it); `participants` is present only when there is no error. An empty file holds no
 * participants.
 */
/**
 * An id becomes a file name (`out/<lang>/packs/<id>.pdf`): letters, digits, `-`, `_` and `.`,
 * starting with a letter or digit, at most 64 characters, never `..`.
 */
export const PARTICIPANT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function isParticipantId(id: string): boolean {
  return PARTICIPANT_ID.test(id) && !id.includes('..');
}

/** What the configuration allows, to check entries against (the build passes it). */
export interface ParticipantRules {
  languages: readonly string[];
  countries: readonly string[];
  /** The configuration's seat kinds (without them, any kind is read as written). */
  kinds?: readonly string[];
  /** The kinds of seat a country has (its group's), to check each entry's kind against its country. */
  countryKinds?: (country: string) => readonly string[] | undefined;
}

/** The seat kinds a participant's `kind` may be: the declared ones, or the built-in ones. */
export function seatKindsOf(config: SeminarConfig): readonly string[] {
  return config.seatRules ? config.seatRules.kinds.map((k) => k.key) : SEAT_KINDS;
}

export function readParticipants(text: string, file: string, rules?: ParticipantRules): { participants?: Participant[]; document?: unknown; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(text, file);
  const rename = (list: Diagnostic[]) => list.map((d) => ({ ...d, rule: d.rule.replace(/^config\//, 'participants/') }));
  if (!parsed.source) return { diagnostics: rename(parsed.diagnostics) };
  const document = parsed.source.document;
  if (document.contents === null) return { participants: [], document, diagnostics: rename(parsed.diagnostics) };

  const reader = new ConfigReader(parsed.source);
  const participants: Participant[] = [];
  const top = reader.mapping(document.contents as ParsedNode, Where.root, { required: ['participants'], examples: { participants: 'participants: []' } });
  const written = top?.values.get('participants')?.node;
  const empty = written === null || (isScalar(written) && written.value === null);
  const items = top && !empty ? reader.list(top, 'participants') : undefined;
  const seen = new Map<string, number>();
  for (const item of items ?? []) {
    const m = reader.mapping(item.node, item.where, ENTRY_SPEC);
    if (!m) continue;
    const id = reader.text(m, 'id');
    if (id && !isParticipantId(id.value)) {
      reader.report(id.place, 'participants/id', `${item.where}: the id ${JSON.stringify(id.value.slice(0, 80))} cannot name a file: use letters, digits, "-", "_" and "." only (at most 64, starting with a letter or digit), e.g. MA-government-1.`);
      continue;
    }
    if (id) {
      const firstLine = seen.get(id.value);
      if (firstLine !== undefined) {
        reader.report(id.place, 'participants/duplicate-id', `${item.where}: the id ${id.value} is already used by the entry on line ${firstLine}: give each participant its own id.`);
      } else seen.set(id.value, id.place.line);
    }
    const entry = readEntry(reader, m, id?.value, rules?.kinds);
    if (entry && rules) checkEntry(reader, m, entry, rules);
    if (entry) participants.push(entry);
  }
  const diagnostics = sortDiagnostics(redact(rename([...parsed.diagnostics, ...reader.diagnostics]), personalValues(parsed.source.document.contents)));
  return diagnostics.some((d) => d.severity === 'error') ? { document, diagnostics } : { participants, document, diagnostics };
}

function readEntry(reader: ConfigReader, m: Mapping, id: string | undefined, kinds: readonly string[] | undefined): Participant | undefined {
  const text = (key: string) => reader.text(m, key)?.value;
  const name = text('name');
  const country = text('country');
  const kind = kinds ? reader.choice(m, 'kind', kinds, 'participants/kind')?.value : readKind(reader, m);
  const sponsored = reader.boolean(m, 'sponsored')?.value;
  const fn = text('function');
  const organisation = text('organisation');
  const email = text('email');
  const phone = text('phone');
  const language = text('language');
  const visa: Partial<Record<(typeof VISA_KEYS)[number], string>> = {};
  for (const key of VISA_KEYS) {
    const value = key === 'birthDate' ? reader.date(m, key)?.value : text(key);
    if (value !== undefined && value.trim() !== '') visa[key] = value.trim();
  }
  if (id === undefined || name === undefined || country === undefined || kind === undefined || sponsored === undefined
    || fn === undefined || organisation === undefined || email === undefined || language === undefined) return undefined;
  return { id, name, country, kind, sponsored, function: fn, organisation, email, ...(phone !== undefined ? { phone } : {}), language, ...visa };
}

/** A kind written by hand when no configuration says which there are: letters, digits and hyphens. */
function readKind(reader: ConfigReader, m: Mapping): string | undefined {
  const field = reader.text(m, 'kind');
  if (!field) return undefined;
  if (/^[A-Za-z][A-Za-z0-9-]{0,31}$/.test(field.value)) return field.value;
  reader.report(field.place, 'participants/kind', `${field.where} must be a kind of seat (letters, digits and hyphens, e.g. government).`);
  return undefined;
}

/** The entry's country and language must be the configuration's (else no pack would be made, silently). */
function checkEntry(reader: ConfigReader, m: Mapping, entry: Participant, rules: ParticipantRules): void {
  const placeOf = (key: string) => reader.place(m.values.get(key)?.node ?? null);
  if (!rules.languages.includes(entry.language)) {
    reader.report(placeOf('language'), 'participants/language',
      `${m.where}: language ${JSON.stringify(entry.language)} is not a language of the event (${rules.languages.join(', ')}): write one of them, the language of the delegate's pack.`);
  }
  const seats = rules.countryKinds?.(entry.country);
  if (seats && !seats.includes(entry.kind)) {
    reader.report(placeOf('kind'), 'participants/kind',
      `${m.where}: kind ${JSON.stringify(entry.kind)} is not a kind of seat of country ${entry.country} (its group has ${seats.join(', ') || 'none'}): write one of them, or change the country's group.`);
  }
  if (!rules.countries.includes(entry.country)) {
    reader.report(placeOf('country'), 'participants/country',
      `${m.where}: country ${JSON.stringify(entry.country)} is not one of the configuration's countries: write its code as in sources/seminar.yaml (e.g. MA).`);
  }
}


/** Keys whose values are personal data: never quoted in a message. */
const PERSONAL_KEYS = new Set(['name', 'function', 'organisation', 'email', 'phone', ...VISA_KEYS]);

/** The text written for every personal value in the file (as typed, and as read). */
function personalValues(contents: unknown): string[] {
  const values = new Set<string>();
  visit(contents as never, {
    Pair(_, pair) {
      if (isScalar(pair.key) && PERSONAL_KEYS.has(String(pair.key.value)) && isScalar(pair.value) && pair.value.value !== null) {
        values.add(String(pair.value.value));
        if (pair.value.source !== undefined) values.add(pair.value.source);
      }
    },
  });
  return [...values].filter((v) => v.trim().length >= 3).sort((a, b) => b.length - a.length);
}

/** The reader quotes wrong values in its messages; personal ones are replaced by `…`. */
/** The personal values of participants (what they wrote of themselves, their visa details), longest first. */
export function personalValuesOf(participants: readonly Participant[]): string[] {
  const values = new Set<string>();
  for (const p of participants) {
    for (const v of [p.name, p.function, p.organisation, p.email, p.phone, p.passport, p.nationality, p.birthDate, p.embassy]) {
      if (v !== undefined && v.trim().length >= 2) values.add(v);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** Each message with every one of `values` replaced by "…": personal data never reaches a message. */
export function redact(list: Diagnostic[], values: readonly string[]): Diagnostic[] {
  if (values.length === 0) return list;
  return list.map((d) => ({ ...d, message: values.reduce((m, v) => m.split(v).join('…'), d.message) }));
}
