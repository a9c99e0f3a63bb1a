/**
 * The small, read-only element tree the exchange-format readers walk. Built by `readXml`
 * from saxes events with namespaces resolved, so readers match elements and attributes by
 * namespace URI and local name, whatever prefixes a tool chose.
 */

/** The namespace of `xml:lang` and `xml:space` (Namespaces in XML 1.0, §3). */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export interface XmlAttribute {
  /** As written, prefix included (`xml:lang`). */
  name: string;
  local: string;
  /** Namespace URI; `''` for unprefixed attributes (they are in no namespace). */
  uri: string;
  value: string;
}

export interface XmlElement {
  kind: 'element';
  /** As written, prefix included (`sdl:seg`). */
  name: string;
  local: string;
  /** Namespace URI; `''` when none applies. */
  uri: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Where the start tag's `<` is, 1-based; the column counts UTF-16 code units. */
  line: number;
  column: number;
}

export interface XmlText {
  kind: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** The value of an attribute, by local name and namespace URI (default: no namespace). */
export function attribute(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** Child elements, optionally only those with a local name accepted by `matches`. */
export function childElements(element: XmlElement, matches?: (child: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (child.kind === 'element' && (!matches || matches(child))) out.push(child);
  }
  return out;
}

/** All the text inside an element, descendants included, in document order. */
export function textContent(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += child.kind === 'text' ? child.text : textContent(child);
  return text;
}
