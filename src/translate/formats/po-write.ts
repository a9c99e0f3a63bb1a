/**
 * Catalog → canonical PO text, deterministic and git-friendly: header first, then entries in
 * order, obsolete ones last; one reference per `#:` line; no line wrapping except after an
 * embedded `\n` (where gettext breaks too). Layout as GNU gettext's write-po.c writes it.
 */
import type { PoCatalog, PoEntry } from './po.js';
import { escapePoString } from './po-escape.js';
import { formatHeaderFields } from './po-header.js';
import { formatReference } from './po-lex.js';

/** The PO text of a catalog; `parsePo(writePo(c))` gives `c` back (entries' `line` aside). */
export function writePo(catalog: PoCatalog): string {
  const blocks: string[][] = [];
  const header = headerLines(catalog);
  if (header) blocks.push(header);
  for (const entry of catalog.entries) if (!entry.obsolete) blocks.push(entryLines(entry));
  for (const entry of catalog.entries) if (entry.obsolete) blocks.push(entryLines(entry));
  return blocks.map((lines) => lines.join('\n') + '\n').join('\n');
}

function headerLines(catalog: PoCatalog): string[] | undefined {
  const flags = catalog.headerFlags ?? [];
  if (catalog.headers.length === 0 && catalog.headerComments.length === 0 && flags.length === 0) return undefined;
  // The header msgstr always starts on its own line, one field per line, as gettext writes it.
  return [
    ...commentLines('#', catalog.headerComments),
    ...flagLines(flags),
    'msgid ""',
    'msgstr ""',
    ...formatHeaderFields(catalog.headers).map((line) => `"${escapePoString(line)}"`),
  ];
}

function entryLines(entry: PoEntry): string[] {
  const prefix = entry.obsolete ? '#~ ' : '';
  const previousPrefix = entry.obsolete ? '#~| ' : '#| ';
  const lines = [
    ...commentLines('#', entry.translatorComments),
    ...commentLines('#.', entry.extractedComments),
    ...entry.references.filter((r) => r !== '').map((r) => `#: ${formatReference(r)}`),
    ...flagLines(entry.flags),
  ];
  const { previous } = entry;
  if (previous?.msgctxt !== undefined) lines.push(...fieldLines(previousPrefix, 'msgctxt', previous.msgctxt));
  if (previous?.msgid !== undefined) lines.push(...fieldLines(previousPrefix, 'msgid', previous.msgid));
  if (previous?.msgidPlural !== undefined) lines.push(...fieldLines(previousPrefix, 'msgid_plural', previous.msgidPlural));
  if (entry.msgctxt !== undefined) lines.push(...fieldLines(prefix, 'msgctxt', entry.msgctxt));
  lines.push(...fieldLines(prefix, 'msgid', entry.msgid));
  if (entry.msgidPlural !== undefined) {
    lines.push(...fieldLines(prefix, 'msgid_plural', entry.msgidPlural));
    const forms = entry.msgstr.length > 0 ? entry.msgstr : [''];
    forms.forEach((form, n) => lines.push(...fieldLines(prefix, `msgstr[${n}]`, form)));
  } else {
    lines.push(...fieldLines(prefix, 'msgstr', entry.msgstr[0] ?? ''));
  }
  return lines;
}

/**
 * `keyword "value"`, or, when the value has a line break before its end, `keyword ""` and one
 * string per line (each ending in its `\n`), as gettext and polib write it.
 */
function fieldLines(prefix: string, keyword: string, value: string): string[] {
  const pieces = value.match(/[^\n]*\n|[^\n]+$/g) ?? [''];
  if (pieces.length <= 1) return [`${prefix}${keyword} "${escapePoString(value)}"`];
  return [`${prefix}${keyword} ""`, ...pieces.map((piece) => `${prefix}"${escapePoString(piece)}"`)];
}

/** One comment line per line of text (a comment cannot hold a line break). */
function commentLines(mark: string, texts: string[]): string[] {
  return texts.flatMap((text) => text.split(/\r\n|\r|\n/)).map((text) => (text === '' ? mark : `${mark} ${text}`));
}

function flagLines(flags: string[]): string[] {
  const clean = flags.map((flag) => flag.replace(/[\r\n,]+/g, ' ').trim()).filter((flag) => flag !== '');
  return clean.length > 0 ? [`#, ${clean.join(', ')}`] : [];
}
