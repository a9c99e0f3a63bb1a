/**
 * Merges participants into the text of `participants.yaml` with the `yaml` Document API, so
 * that what is already there survives: entries not given stay as they are, comments and key
 * order stay, an entry is touched only where a value differs. New entries go to their
 * place in the order country, kind, index (an entry is never removed).
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { PARTICIPANT_KEYS, type Participant } from './participants.js';
import { SEAT_KINDS } from './rows.js';

export interface MergeResult {
  text: string;
  added: number;
  updated: number;
  unchanged: number;
}

const HEADER = [
  ' Participants nominated by the invited countries.',
  ' `folio nominations collect <dir>` adds and updates entries from the returned nomination',
  ' forms (by id); it never removes an entry, and keeps entries and comments written by hand.',
].join('\n');

/**
 * The new text of the file. `existing` must be a valid participants file (check it with
 * readParticipants first); undefined or blank starts a new one.
 */
export function mergeParticipants(existing: string | undefined, participants: readonly Participant[]): MergeResult {
  const fresh = existing === undefined || existing.trim() === '';
  const doc = fresh ? new Document({ participants: [] }) : parseDocument(existing, { version: '1.2', schema: 'core' });
  if (doc.errors.length > 0) throw new Error(`Bug: mergeParticipants was given a file with YAML errors (${doc.errors[0]!.message}).`);
  if (fresh) doc.commentBefore = HEADER;
  if (doc.contents === null) doc.contents = doc.createNode({ participants: [] }) as never;
  if (!isMap(doc.contents)) throw new Error('Bug: mergeParticipants was given a file whose top level is not a mapping.');
  const top = doc.contents as YAMLMap;
  const found: unknown = top.get('participants', true);
  let seq: YAMLSeq;
  if (isSeq(found)) seq = found;
  else {
    seq = doc.createNode([]) as YAMLSeq;
    top.set('participants', seq);
  }

  const result = { added: 0, updated: 0, unchanged: 0 };
  for (const participant of [...participants].sort((a, b) => compareIds(a.id, b.id))) {
    const entry = seq.items.find((item): item is YAMLMap => isMap(item) && scalarValue(item.get('id', true)) === participant.id);
    if (entry) {
      if (updateEntry(entry, participant)) result.updated++;
      else result.unchanged++;
      continue;
    }
    const node = doc.createNode(ordered(participant));
    const at = seq.items.findIndex((item) => isMap(item) && compareIds(String(scalarValue(item.get('id', true)) ?? ''), participant.id) > 0);
    if (at < 0) seq.items.push(node);
    else seq.items.splice(at, 0, node);
    result.added++;
  }
  return { text: doc.toString({ lineWidth: 0 }), ...result };
}

/** The new text of the file (see {@link mergeParticipants}). */
export function writeParticipants(existing: string | undefined, participants: Participant[]): string {
  return mergeParticipants(existing, participants).text;
}

/** Sets the values that differ (and drops a phone number no longer given); true if any did. */
function updateEntry(entry: YAMLMap, participant: Participant): boolean {
  let changed = false;
  for (const key of PARTICIPANT_KEYS) {
    const value = participant[key];
    const current = scalarValue(entry.get(key, true));
    if (value === undefined) {
      if (entry.has(key)) {
        entry.delete(key);
        changed = true;
      }
    } else if (current !== value) {
      entry.set(key, value);
      changed = true;
    }
  }
  return changed;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

function ordered(participant: Participant): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PARTICIPANT_KEYS) if (participant[key] !== undefined) out[key] = participant[key];
  return out;
}

/** `MA-government-2` sorts by country, then kind in form order, then index; other ids by text after them. */
export function compareIds(a: string, b: string): number {
  const ka = idKey(a);
  const kb = idKey(b);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i]!;
    const y = kb[i]!;
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

function idKey(id: string): [string, number, number, string] {
  const match = /^([A-Z]{2})-([A-Za-z0-9-]+)-([0-9]+)$/.exec(id);
  const kind = match ? SEAT_KINDS.indexOf(match[2] as never) : -1;
  // A declared kind sorts after the built-in ones, by its name (the file has no configuration at hand).
  if (match && kind < 0) return [match[1]!, SEAT_KINDS.length, 0, `${match[2]!}\u0000${match[3]!.padStart(8, '0')}`];
  if (!match) return [id.slice(0, 2), SEAT_KINDS.length + 1, 0, id];
  return [match[1]!, kind, Number(match[3]), ''];
}
