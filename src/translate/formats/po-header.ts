/**
 * The PO header: the msgstr of the `msgid ""` entry, one `Name: value` field per line
 * (GNU gettext manual, "Filling in the Header Entry").
 */
import type { FormatProblem } from './exchange.js';
import type { PoString } from './po-lex.js';

/** Charsets that are UTF-8 as read: `CHARSET` is the placeholder in a fresh template. */
const READABLE_CHARSETS = new Set(['utf-8', 'utf8', 'charset', 'ascii', 'us-ascii']);

/**
 * The header fields of a header msgstr, given as the strings it was written in (for places).
 * Blank lines are skipped; a line without a colon and a charset other than UTF-8 are problems.
 */
export function readHeaderFields(strings: PoString[], problems: FormatProblem[]): [string, string][] {
  const value = strings.map((s) => s.value).join('');
  const fields: [string, string][] = [];
  let offset = 0;
  for (const line of value.split('\n')) {
    const place = placeOf(strings, offset);
    offset += line.length + 1;
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push({
        ...place,
        rule: 'po/header',
        message: `The header line \`${line}\` is not a field: write it as \`Name: value\`, ending in \\n.`,
      });
      continue;
    }
    const name = line.slice(0, colon);
    const rest = line.slice(colon + 1);
    const fieldValue = rest.startsWith(' ') ? rest.slice(1) : rest;
    fields.push([name, fieldValue]);
    if (name.trim().toLowerCase() === 'content-type') checkCharset(fieldValue, place, problems);
  }
  return fields;
}

function checkCharset(contentType: string, place: { line: number; column: number }, problems: FormatProblem[]): void {
  const charset = /charset\s*=\s*([^\s;]+)/i.exec(contentType)?.[1];
  if (charset === undefined || READABLE_CHARSETS.has(charset.toLowerCase())) return;
  problems.push({
    ...place,
    rule: 'po/charset',
    message:
      `The file says it is written in ${charset}; folio reads PO files as UTF-8. ` +
      'Convert it with `msgconv --to-code=UTF-8` (which also updates this line), then import it again.',
  });
}

/** The place of the string that holds character `offset` of the joined value. */
function placeOf(strings: PoString[], offset: number): { line: number; column: number } {
  let start = 0;
  for (const s of strings) {
    if (offset < start + s.value.length) return { line: s.line, column: s.column };
    start += s.value.length;
  }
  const last = strings[strings.length - 1];
  return last ? { line: last.line, column: last.column } : { line: 1, column: 1 };
}

/** The header msgstr for `fields`: one `Name: value\n` line each. */
export function formatHeaderFields(fields: [string, string][]): string[] {
  return fields.map(([name, value]) => `${name}: ${value}\n`);
}
