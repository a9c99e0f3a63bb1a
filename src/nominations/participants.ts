/**
 * `sources/participants.yaml`: the nominated participants, one entry per person, keyed by a
 * stable id that is not personal data (`MA-government-2`). Read with places, like the
 * configuration: every problem is a diagnostic with its line and column (rules
 * `participants/*`), and the file is never written while it has one.
 */
import { isScalar, type ParsedNode } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ConfigReader, describe, type Mapping } from '../config/reader.js';
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
}

/** Keys of an entry, in the order they are written. */
export const PARTICIPANT_KEYS = ['id', 'name', 'country', 'kind', 'sponsored', 'function', 'organisation', 'email', 'phone', 'language'] as const;

const ENTRY_SPEC = {
  required: PARTICIPANT_KEYS.filter((k) => k !== 'phone'),
  optional: ['phone'],
  examples: { id: 'id: MA-government-1', kind: 'kind: government', sponsored: 'sponsored: true', language: 'language: fr', country: 'country: MA' },
} as const;

/**
 * Parses the text of `participants.yaml`. `document` is the parsed YAML (for callers that
 * edit it); `participants` is present only when there is no error. An empty file holds no
 * participants.
 */
export function readParticipants(text: string, file: string): { participants?: Participant[]; document?: unknown; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(text, file);
  const rename = (list: Diagnostic[]) => list.map((d) => ({ ...d, rule: d.rule.replace(/^config\//, 'participants/') }));
  if (!parsed.source) return { diagnostics: rename(parsed.diagnostics) };
  const document = parsed.source.document;
  if (document.contents === null) return { participants: [], document, diagnostics: rename(parsed.diagnostics) };

  const reader = new ConfigReader(parsed.source);
  const participants: Participant[] = [];
  const top = reader.mapping(document.contents as ParsedNode, Where.root, { required: ['participants'], examples: { participants: 'participants: []' } });
  const items = top && top.values.get('participants')?.node === null ? [] : top ? reader.list(top, 'participants') : undefined;
  const seen = new Map<string, number>();
  for (const item of items ?? []) {
    const m = reader.mapping(item.node, item.where, ENTRY_SPEC);
    if (!m) continue;
    const entry = readEntry(reader, m);
    if (!entry) continue;
    const firstLine = seen.get(entry.id);
    if (firstLine !== undefined) {
      reader.report(m.place, 'participants/duplicate-id', `${item.where}: the id ${entry.id} is already used by the entry on line ${firstLine}: give each participant its own id.`);
      continue;
    }
    seen.set(entry.id, m.place.line);
    participants.push(entry);
  }
  const diagnostics = rename([...parsed.diagnostics, ...reader.diagnostics]);
  return diagnostics.some((d) => d.severity === 'error') ? { document, diagnostics } : { participants, document, diagnostics };
}

function readEntry(reader: ConfigReader, m: Mapping): Participant | undefined {
  const text = (key: string) => reader.text(m, key)?.value;
  const id = text('id');
  const name = text('name');
  const country = text('country');
  const kind = reader.choice(m, 'kind', SEAT_KINDS, 'participants/kind')?.value;
  const sponsored = readBoolean(reader, m, 'sponsored');
  const fn = text('function');
  const organisation = text('organisation');
  const email = text('email');
  const phone = text('phone');
  const language = text('language');
  if (id === undefined || name === undefined || country === undefined || kind === undefined || sponsored === undefined
    || fn === undefined || organisation === undefined || email === undefined || language === undefined) return undefined;
  return { id, name, country, kind, sponsored, function: fn, organisation, email, ...(phone !== undefined ? { phone } : {}), language };
}

function readBoolean(reader: ConfigReader, m: Mapping, key: string): boolean | undefined {
  const taken = reader.take(m, key);
  if (!taken) return undefined;
  if (isScalar(taken.node) && typeof taken.node.value === 'boolean') return taken.node.value;
  reader.report(taken.place, 'config/type', `${taken.where} must be true or false, found ${describe(taken.node)}.`);
  return undefined;
}
