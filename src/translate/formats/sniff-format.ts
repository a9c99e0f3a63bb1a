/**
 * Which exchange format some bytes are in, without parsing them: the root element's name,
 * `version` and namespace for XML (XLIFF 1.2 `<xliff version="1.2">`, XLIFF 2
 * `<xliff version="2.x">` or the 2.x namespace, TMX `<tmx>`, TBX `<martif>` or `<tbx>`), and a `msgid "…"` line for PO
 * (GNU gettext manual §3, PO files). Used to pick a reader; the reader still checks.
 */
import { decodeXmlBytes } from './decode-xml-bytes.js';

export type ExchangeFormat = 'xliff12' | 'xliff2' | 'tmx' | 'po' | 'tbx';

/** How much of the file is looked at: enough for any prolog and root start tag. */
const HEAD_BYTES = 64 * 1024;

export function sniffFormat(bytes: Uint8Array): ExchangeFormat | undefined {
  const head = decodeHead(bytes);
  const root = rootStartTag(head);
  if (root) {
    const name = root.name.replace(/^[^:]*:/, '');
    if (name === 'tmx') return 'tmx';
    if (name === 'martif' || name === 'tbx') return 'tbx';
    if (name !== 'xliff') return undefined;
    const version = /\sversion\s*=\s*["']([^"']*)["']/.exec(root.tag)?.[1];
    if (version?.startsWith('2') || /urn:oasis:names:tc:xliff:document:2\./.test(root.tag)) return 'xliff2';
    return 'xliff12';
  }
  if (/^\s*</.test(head)) return undefined;
  return /^msgid\s+"/m.test(head) ? 'po' : undefined;
}

/**
 * The first bytes as text; a cut through a multi-byte character is stepped back from. Bytes that
 * are not in their declared encoding are read leniently: the format is still told (a PO file in
 * Latin-1), and its reader then says where the encoding is wrong.
 */
function decodeHead(bytes: Uint8Array): string {
  if (bytes.length <= HEAD_BYTES) return decodeXmlBytes(bytes).text ?? lenient(bytes);
  for (let cut = 0; cut < 4; cut++) {
    const text = decodeXmlBytes(bytes.subarray(0, HEAD_BYTES - cut)).text;
    if (text !== undefined) return text;
  }
  return lenient(bytes.subarray(0, HEAD_BYTES));
}

function lenient(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The root element's start tag, past the XML declaration, comments, PIs and a DOCTYPE. */
function rootStartTag(text: string): { name: string; tag: string } | undefined {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    if (rest.startsWith('<?')) rest = rest.slice(after(rest, '?>'));
    else if (rest.startsWith('<!--')) rest = rest.slice(after(rest, '-->'));
    else if (/^<!DOCTYPE/i.test(rest)) rest = rest.slice(doctypeEnd(rest));
    else break;
  }
  const match = /^<([A-Za-z_][\w.:-]*)[^>]*>/.exec(rest);
  return match ? { name: match[1]!, tag: match[0] } : undefined;
}

function after(text: string, marker: string): number {
  const at = text.indexOf(marker);
  return at < 0 ? text.length : at + marker.length;
}

/** The end of a DOCTYPE, whose internal subset may hold `>`. */
function doctypeEnd(text: string): number {
  const bracket = text.indexOf('[');
  const close = text.indexOf('>');
  if (bracket >= 0 && bracket < close) {
    const end = text.indexOf(']', bracket);
    const after = end < 0 ? -1 : text.indexOf('>', end);
    return after < 0 ? text.length : after + 1;
  }
  return close < 0 ? text.length : close + 1;
}
