/**
 * PO text → catalog: lines (po-lex), entries (po-entries), then the header split off and
 * duplicates checked, as gettext keys entries by msgctxt and msgid.
 */
import type { FormatProblem } from './exchange.js';
import { entryKey, type PoCatalog, type PoEntry } from './po.js';
import { previewPoValue, readEntries, type ReadEntry } from './po-entries.js';
import { readHeaderFields } from './po-header.js';
import { lexPo } from './po-lex.js';

/**
 * Reads a PO file. Every problem is collected (with its 1-based line and column, sorted); the
 * catalog comes only when there are none.
 */
export function parsePo(text: string): { catalog?: PoCatalog; problems: FormatProblem[] } {
  const { tokens, problems } = lexPo(text);
  const { entries, comments } = readEntries(tokens, problems);
  const catalog: PoCatalog = { headers: [], headerComments: comments, entries: [] };
  const header = collectEntries(entries, catalog, problems);
  if (header) readHeader(header, catalog, problems);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length > 0 ? { problems } : { catalog, problems };
}

/**
 * Puts the entries into the catalog and returns the header entry (msgid "", no context), if
 * any. Obsolete entries may repeat an active one (msgmerge keeps both), not each other.
 */
function collectEntries(entries: ReadEntry[], catalog: PoCatalog, problems: FormatProblem[]): ReadEntry | undefined {
  const seen = new Map<string, ReadEntry>();
  let header: ReadEntry | undefined;
  for (const read of entries) {
    // A guessed value would make false duplicates; its problem is reported already.
    if (read.unsure) continue;
    const { entry } = read;
    const isHeader = !entry.obsolete && entry.msgctxt === undefined && entry.msgid === '';
    const key = `${entry.obsolete ? 'obsolete' : 'active'}\u0000${entryKey(entry)}`;
    const first = seen.get(key);
    if (first) {
      const place = read.msgctxt ?? read.msgid;
      problems.push({ line: place.line, column: place.column, rule: 'po/duplicate', message: duplicateMessage(entry, first.entry.line!, isHeader) });
      continue;
    }
    seen.set(key, read);
    if (isHeader) header = read;
    else catalog.entries.push(entry);
  }
  return header;
}

function duplicateMessage(entry: PoEntry, firstLine: number, isHeader: boolean): string {
  if (isHeader) {
    return `A second header entry (msgid ""); the first is on line ${firstLine}. A PO file has one header: merge their fields into the first and remove this one.`;
  }
  const context = entry.msgctxt === undefined ? '' : ` with msgctxt "${previewPoValue(entry.msgctxt)}"`;
  return (
    `msgid "${previewPoValue(entry.msgid)}"${context} is already on line ${firstLine}; gettext refuses duplicates. ` +
    'Merge the two entries into one (`msgcat --use-first` does it), or give one a different msgctxt.'
  );
}

/** The header's comments, flags and fields into the catalog. */
function readHeader(header: ReadEntry, catalog: PoCatalog, problems: FormatProblem[]): void {
  const { entry } = header;
  if (header.msgidPlural) {
    problems.push({
      line: header.msgidPlural.line,
      column: header.msgidPlural.column,
      rule: 'po/header',
      message: 'The header entry (msgid "") has a msgid_plural: remove it and write the fields in a plain msgstr.',
    });
    return;
  }
  if (entry.extractedComments.length > 0 || entry.references.length > 0 || entry.previous) {
    problems.push({
      line: entry.line!,
      column: 1,
      rule: 'po/header',
      message: 'The header entry (msgid "") carries #., #: or #| lines, which folio does not keep: remove them (# comments and #, flags are kept).',
    });
  }
  catalog.headerComments = entry.translatorComments;
  if (entry.flags.length > 0) catalog.headerFlags = entry.flags;
  catalog.headers = readHeaderFields(header.msgstr[0]!.strings, problems);
}
