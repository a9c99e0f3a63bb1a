/**
 * The translations of one language, as the build reads them: a lookup by context + source.
 */
import type { PoCatalog, PoEntry } from './formats/po.js';
import { segmentKey } from '../segments/segment.js';

export interface CatalogEntry {
  target: string;
  fuzzy: boolean;
  /** 1-based line of the entry in the store, for messages. */
  line?: number;
}

export class TranslationCatalog {
  private readonly entries = new Map<string, CatalogEntry>();

  constructor(readonly lang: string, readonly file: string) {}

  static fromPo(lang: string, file: string, po: PoCatalog): TranslationCatalog {
    const catalog = new TranslationCatalog(lang, file);
    for (const entry of po.entries) {
      if (entry.obsolete) continue;
      const target = entry.msgstr[0] ?? '';
      if (target === '') continue;
      catalog.entries.set(segmentKey(entry.msgctxt ?? '', entry.msgid), { target, fuzzy: entry.flags.includes('fuzzy'), line: entry.line });
    }
    return catalog;
  }

  /** Final translations from memory pairs (the first pair of a context and source wins). */
  static fromPairs(lang: string, file: string, pairs: readonly { context?: string; source: string; target: string }[]): TranslationCatalog {
    const catalog = new TranslationCatalog(lang, file);
    for (const pair of pairs) {
      if (pair.context === undefined || pair.target === '') continue;
      const key = segmentKey(pair.context, pair.source);
      if (!catalog.entries.has(key)) catalog.entries.set(key, { target: pair.target, fuzzy: false });
    }
    return catalog;
  }

  get(context: string, source: string): CatalogEntry | undefined {
    return this.entries.get(segmentKey(context, source));
  }
}

export type { PoCatalog, PoEntry };
