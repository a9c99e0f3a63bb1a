/** Tells an exchange file's format from its first bytes: the XML root and version, or PO text. */
import { decodeXmlBytes } from './formats/decode-xml-bytes.js';

export type ExchangeFormat = 'xliff12' | 'xliff2' | 'tmx' | 'po';

export function sniffFormat(bytes: Uint8Array): ExchangeFormat | undefined {
  const decoded = decodeXmlBytes(bytes);
  const head = (decoded.text ?? new TextDecoder().decode(bytes)).replace(/^\uFEFF/, '').slice(0, 4096);
  const root = /<(?!\?|!)([A-Za-z_][\w:.-]*)([^>]*)>/.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
  if (root) {
    const name = root[1]!.replace(/^.*:/, '');
    const attributes = root[2] ?? '';
    if (name === 'tmx') return 'tmx';
    if (name === 'xliff') {
      const version = /\bversion\s*=\s*["']([^"']+)["']/.exec(attributes)?.[1];
      return version && version.startsWith('2') ? 'xliff2' : 'xliff12';
    }
    return undefined;
  }
  if (/^\s*(#.*\n\s*)*(msgctxt|msgid)\s+"/m.test(head)) return 'po';
  return undefined;
}
