/**
 * gettext PO files: folio's translation store (`translations/<lang>.po`) and an exchange format
 * for translators. Follows the GNU gettext manual, "The Format of PO Files"; the code sits in
 * `po-lex.ts` (lines), `po-entries.ts` (entries), `po-parse.ts` (catalog), `po-header.ts`, `po-write.ts` and `po-escape.ts`.
 */

/** One PO entry (a message). */
export interface PoEntry {
  msgctxt?: string;
  msgid: string;
  msgidPlural?: string;
  /** msgstr (one element) or msgstr[0..n] for plural entries. */
  msgstr: string[];
  /** `# …` lines. */
  translatorComments: string[];
  /** `#. …` lines. */
  extractedComments: string[];
  /** `#: file:line` (each reference separately). */
  references: string[];
  /** `#, fuzzy, c-format` → `['fuzzy', 'c-format']`. */
  flags: string[];
  /** `#| …`: the msgctxt, msgid and msgid_plural the entry had when it was last translated. */
  previous?: { msgctxt?: string; msgid?: string; msgidPlural?: string };
  /** `#~ …` entries (their previous fields are `#~| …`). */
  obsolete: boolean;
  /** 1-based line of the entry's first line (comments included) in the file it was read from. */
  line?: number;
}

export interface PoCatalog {
  /** Header fields from the msgid "" entry, in order (Project-Id-Version, Language, Plural-Forms, Content-Type …). */
  headers: [string, string][];
  /** Comments above the header entry (`# …` lines). */
  headerComments: string[];
  /**
   * Flags of the header entry (`#, fuzzy` on a fresh template), when it has any. Kept so that a
   * round trip does not lose them.
   */
  headerFlags?: string[];
  /** Entries in file order; obsolete ones are written last. */
  entries: PoEntry[];
}

export { parsePo } from './po-parse.js';
export { writePo } from './po-write.js';

/** Whether the entry is marked `#, fuzzy` (a draft translation that gettext does not use). */
export function isFuzzy(entry: Pick<PoEntry, 'flags'>): boolean {
  return entry.flags.includes('fuzzy');
}

/**
 * The key gettext looks an entry up by: msgctxt, EOT (U+0004) and msgid, or the msgid alone
 * when there is no context. An empty msgctxt is a context, distinct from none.
 */
export function entryKey(entry: Pick<PoEntry, 'msgctxt' | 'msgid'>): string {
  return entry.msgctxt === undefined ? entry.msgid : `${entry.msgctxt}\u0004${entry.msgid}`;
}
