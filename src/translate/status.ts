/**
 * `folio status`: per language, how much is translated, fuzzy, untranslated and obsolete,
 * in units and in source words, overall and per document (from the stores' references).
 */
import type { PoCatalog, PoEntry } from './formats/po.js';
import { words } from './memory/fuzzy-index.js';

export interface Counts {
  units: number;
  translated: number;
  fuzzy: number;
  untranslated: number;
}

export interface LanguageStatus extends Counts {
  obsolete: number;
  words: Counts;
  percent: { translated: number; fuzzy: number; untranslated: number };
  documents: Record<string, Counts>;
}

export function stateOf(entry: PoEntry): 'translated' | 'fuzzy' | 'untranslated' {
  if ((entry.msgstr[0] ?? '') === '') return 'untranslated';
  return entry.flags.includes('fuzzy') ? 'fuzzy' : 'translated';
}

const zero = (): Counts => ({ units: 0, translated: 0, fuzzy: 0, untranslated: 0 });

export function storeStatus(catalog: PoCatalog): LanguageStatus {
  const total = zero();
  const wordCounts = zero();
  const documents: Record<string, Counts> = {};
  let obsolete = 0;
  for (const entry of catalog.entries) {
    if (entry.obsolete) { obsolete++; continue; }
    const state = stateOf(entry);
    const n = words(entry.msgid.replace(/\{[^{}]*\}/g, ' ')).length;
    total.units++;
    total[state]++;
    wordCounts.units += n;
    wordCounts[state] += n;
    const files = new Set(entry.references.map((r) => r.replace(/:\d+$/, '')));
    for (const file of files) {
      const doc = (documents[file] ??= zero());
      doc.units++;
      doc[state]++;
    }
  }
  const pct = (n: number) => (total.units === 0 ? 100 : Math.round((1000 * n) / total.units) / 10);
  return {
    ...total,
    obsolete,
    words: wordCounts,
    percent: { translated: pct(total.translated), fuzzy: pct(total.fuzzy), untranslated: pct(total.untranslated) },
    documents: Object.fromEntries(Object.entries(documents).sort(([a], [b]) => a.localeCompare(b))),
  };
}
