/**
 * `folio extract` for one language: brings the store (translations/<lang>.po) up to date with the
 * units of the sources, templates and configuration, without ever losing a translation.
 *
 * - a unit already in the store keeps its translation, flags and comments (references updated);
 * - a unit whose source changed inherits the translation of the unit it replaces, marked fuzzy,
 *   with the previous source in `#|` (gettext's msgmerge does the same);
 * - a new unit is pre-filled from the memory: exact match in the same context → translated;
 *   exact text elsewhere → translated, with a comment saying so; fuzzy match ≥ threshold →
 *   fuzzy, with the score and the matched source;
 * - a unit no longer in the sources becomes obsolete (`#~`), never deleted.
 * Pure: running it on its own output changes nothing.
 */
import { completeHeaders } from './store-headers.js';
import type { PoCatalog, PoEntry } from './formats/po.js';
import { segmentKey, type Segment } from '../segments/segment.js';
import { FuzzyIndex, similarity, words } from './memory/fuzzy-index.js';

export interface MemoryPair {
  source: string;
  target: string;
  context?: string;
  /** Where it comes from, for the comment: a TMX file name or `store`. */
  origin: string;
}

export interface UpdateOptions {
  lang: string;
  /** Minimum fuzzy score (0–100), default 75. */
  threshold: number;
  /** The PO-Revision-Date of a store that has none (the configuration's date, or SOURCE_DATE_EPOCH; never the clock). */
  revised: Date;
}

export interface UpdateSummary {
  added: number;
  fromMemoryExact: number;
  fromMemoryFuzzy: number;
  changed: number;
  obsoleted: number;
  revived: number;
}

const MEMORY_COMMENT = /^folio: (exact|fuzzy) /;

export function updateStore(
  old: PoCatalog | undefined,
  segments: Segment[],
  memory: MemoryPair[],
  options: UpdateOptions,
): { catalog: PoCatalog; summary: UpdateSummary } {
  const summary: UpdateSummary = { added: 0, fromMemoryExact: 0, fromMemoryFuzzy: 0, changed: 0, obsoleted: 0, revived: 0 };

  // The units of today, merged by identity, in the order of first appearance.
  const units = new Map<string, { segment: Segment; references: string[]; notes: string[] }>();
  for (const segment of segments) {
    const key = segmentKey(segment.context, segment.source);
    const reference = `${segment.place.file}:${segment.place.line}`;
    const unit = units.get(key);
    if (unit) {
      if (!unit.references.includes(reference)) unit.references.push(reference);
      if (segment.note && !unit.notes.includes(segment.note)) unit.notes.push(segment.note);
    } else {
      units.set(key, { segment, references: [reference], notes: segment.note ? [segment.note] : [] });
    }
  }

  const oldEntries = old?.entries ?? [];
  const oldByKey = new Map(oldEntries.map((e) => [segmentKey(e.msgctxt ?? '', e.msgid), e]));

  // Translations of units that disappeared, per context: candidates for "source changed".
  const vanished = new Map<string, PoEntry[]>();
  for (const entry of oldEntries) {
    if (entry.obsolete || units.has(segmentKey(entry.msgctxt ?? '', entry.msgid))) continue;
    if ((entry.msgstr[0] ?? '') === '') continue;
    const list = vanished.get(entry.msgctxt ?? '') ?? [];
    list.push(entry);
    vanished.set(entry.msgctxt ?? '', list);
  }
  const claimed = new Set<PoEntry>();

  // Memory: the store's own translations first, then the TMX files.
  const exactInContext = new Map<string, MemoryPair>();
  const exactAnywhere = new Map<string, MemoryPair>();
  const index = new FuzzyIndex<MemoryPair>();
  const remember = (pair: MemoryPair) => {
    if (pair.target.trim() === '') return;
    if (pair.context !== undefined) {
      const key = segmentKey(pair.context, pair.source);
      if (!exactInContext.has(key)) exactInContext.set(key, pair);
    }
    if (!exactAnywhere.has(pair.source)) {
      exactAnywhere.set(pair.source, pair);
      index.add({ source: pair.source, payload: pair });
    }
  };
  for (const entry of oldEntries) {
    if ((entry.msgstr[0] ?? '') !== '' && !entry.flags.includes('fuzzy')) {
      remember({ source: entry.msgid, target: entry.msgstr[0]!, context: entry.msgctxt, origin: 'store' });
    }
  }
  memory.forEach(remember);

  const entries: PoEntry[] = [];
  for (const [key, unit] of units) {
    const { segment } = unit;
    const existing = oldByKey.get(key);
    if (existing && (existing.msgstr[0] ?? '') !== '') {
      if (existing.obsolete) summary.revived++;
      entries.push({ ...existing, obsolete: false, references: unit.references, extractedComments: unit.notes, line: undefined });
      continue;
    }
    // An entry still waiting for a translation is looked up in the memory like a new one.
    const entry: PoEntry = existing ? { ...existing, obsolete: false, references: unit.references, extractedComments: unit.notes, line: undefined } : {
      msgctxt: segment.context,
      msgid: segment.source,
      msgstr: [''],
      translatorComments: [],
      extractedComments: unit.notes,
      references: unit.references,
      flags: segment.syntax === 'icu' ? ['icu-format'] : [],
      obsolete: false,
    };
    // The source of this unit changed: inherit the old translation as fuzzy.
    const predecessor = existing ? undefined : bestPredecessor(segment, vanished.get(segment.context) ?? [], claimed, options.threshold);
    if (predecessor) {
      claimed.add(predecessor);
      entry.msgstr = [...predecessor.msgstr];
      entry.translatorComments = predecessor.translatorComments.filter((c) => !MEMORY_COMMENT.test(c));
      entry.flags = addFlag(entry.flags, 'fuzzy');
      entry.previous = { msgctxt: predecessor.msgctxt, msgid: predecessor.msgid };
      summary.changed++;
      entries.push(entry);
      continue;
    }
    if (!existing) summary.added++;
    const sameContext = exactInContext.get(key);
    const sameText = exactAnywhere.get(segment.source);
    if (sameContext) {
      entry.msgstr = [sameContext.target];
      summary.fromMemoryExact++;
    } else if (sameText) {
      entry.msgstr = [sameText.target];
      entry.translatorComments = [`folio: exact match from memory (${describe(sameText)})`];
      summary.fromMemoryExact++;
    } else {
      const [match] = index.search(segment.source, options.threshold, 1);
      if (match) {
        entry.msgstr = [match.item.payload.target];
        entry.flags = addFlag(entry.flags, 'fuzzy');
        entry.previous = { msgid: match.item.source };
        entry.translatorComments = [`folio: fuzzy match ${match.score}% from memory (${describe(match.item.payload)})`];
        summary.fromMemoryFuzzy++;
      }
    }
    entries.push(entry);
  }

  // What is no longer in the sources is kept as obsolete, in its previous order.
  const obsolete: PoEntry[] = [];
  for (const entry of oldEntries) {
    if (units.has(segmentKey(entry.msgctxt ?? '', entry.msgid)) || claimed.has(entry)) continue;
    if (!entry.obsolete) summary.obsoleted++;
    obsolete.push({ ...entry, obsolete: true, line: undefined });
  }

  const headers = completeHeaders(old?.headers ?? [], options.lang, options.revised);
  return { catalog: { headers, headerComments: old?.headerComments ?? [], entries: [...entries, ...obsolete] }, summary };
}

function describe(pair: MemoryPair): string {
  return pair.origin === 'store' ? `same store${pair.context ? `, ${pair.context}` : ''}` : pair.origin;
}

function addFlag(flags: string[], flag: string): string[] {
  return flags.includes(flag) ? flags : [...flags, flag];
}

function bestPredecessor(segment: Segment, candidates: PoEntry[], claimed: Set<PoEntry>, threshold: number): PoEntry | undefined {
  const query = words(segment.source);
  let best: PoEntry | undefined;
  let bestScore = -1;
  for (const entry of candidates) {
    if (claimed.has(entry)) continue;
    const score = similarity(query, words(entry.msgid));
    if (score >= Math.min(threshold, 60) && score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}
