/**
 * The few pieces the exchange-format writers share: escaping (XML 1.0 §2.4, §3.3.3), start
 * tags with their attributes in a fixed order, and the declaration. Writers build lines with
 * these and join them, so the same input always gives the same bytes.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Characters XML 1.0 cannot carry, even escaped (§2.2 `Char`), lone surrogates included. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes character data. `<`, `&` and `>` (so `]]>` cannot appear) become references; CR
 * becomes `&#13;`, or a parser would turn it into LF (§2.11). A character XML cannot carry
 * goes through `unrepresentable` (XLIFF 2 writes `<cp hex="…"/>`), by default U+FFFD.
 */
export function escapeText(text: string, unrepresentable: (char: string) => string = () => '\uFFFD'): string {
  return text
    .replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'))
    .replace(NOT_XML_CHAR, unrepresentable);
}

/** Escapes an attribute value for double quotes; tab, LF and CR as references, or a parser would make them spaces (§3.3.3). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!).replace(NOT_XML_CHAR, '\uFFFD');
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Attributes in writing order; an undefined value leaves the attribute out. */
export type Attributes = readonly (readonly [name: string, value: string | number | undefined])[];

export function attributesText(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of attributes) if (value !== undefined) out += ` ${name}="${escapeAttribute(String(value))}"`;
  return out;
}

/** `<name a="…">`, or `<name a="…"/>` when `empty`. */
export function startTag(name: string, attributes: Attributes = [], empty = false): string {
  return `<${name}${attributesText(attributes)}${empty ? '/>' : '>'}`;
}

/** `<name …>text</name>` on one line, the text escaped. */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return `${startTag(name, attributes)}${escapeText(text)}</${name}>`;
}

/**
 * Whether whitespace in this text would be lost or changed by a tool that does not keep it
 * (XML 1.0 §2.10): at either end, doubled, or other than a plain space.
 */
export function whitespaceMatters(text: string): boolean {
  return /^\s|\s$|\s\s|[\t\n\r]/.test(text);
}

/** How folio names itself in the files it writes (XLIFF `<tool>`, TMX `creationtool`). */
export const FOLIO_TOOL = { name: 'folio', version: '0.1' } as const;
