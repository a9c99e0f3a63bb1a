/**
 * Reads an XML exchange file (XLIFF, TMX) into an element tree, safely.
 *
 * - Parsing is saxes's (XML 1.0 and Namespaces in XML, well-formedness checked; it never
 *   fetches anything).
 * - A `<!DOCTYPE …>` is tolerated and ignored: TMX files often carry
 *   `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`. Nothing it declares is used, so no external entity is
 *   ever read and no entity can expand (the "billion laughs" and XXE attacks both end at the
 *   first use of a declared entity, with an error).
 * - Only the five predefined entities (XML 1.0 §4.6) and numeric character references are
 *   accepted; any other entity is an error.
 * - The first error stops the parse and becomes one `xml/malformed` problem with the place
 *   it was found; the caller rejects the whole file.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { decodeXmlBytes } from './decode-xml-bytes.js';
import type { FormatProblem } from './exchange.js';
import { FORMAT_RULES, formatProblem } from './format-rules.js';
import { placeFinder } from './text-place.js';
import { explainXmlError } from './xml-errors.js';
import type { XmlAttribute, XmlElement } from './xml-tree.js';

/** Deeper than any XLIFF or TMX file needs; keeps the readers' recursion far from the stack limit. */
export const MAX_XML_DEPTH = 256;

export interface XmlReadResult {
  root?: XmlElement;
  problems: FormatProblem[];
}

class TooDeep extends Error {}

/** Decodes and parses XML bytes into an element tree; any error ends the read with one problem. */
export function readXml(bytes: Uint8Array): XmlReadResult {
  const decoded = decodeXmlBytes(bytes);
  if (decoded.problem) return { problems: [decoded.problem] };
  return parseXmlText(decoded.text);
}

/** Parses XML text (already decoded) into an element tree. */
export function parseXmlText(text: string): XmlReadResult {
  const placeOf = placeFinder(text);
  const parser = new SaxesParser<{ xmlns: true; position: true }>({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let tagStart = 0;
  let lastClosed: XmlElement | undefined;

  parser.on('opentagstart', () => {
    // saxes has read `<`, the name and what follows it (a space, a line end, `>` or `/`).
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const place = placeOf(tagStart);
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map(toAttribute),
      children: [],
      line: place.line,
      column: place.column,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    if (stack.length > MAX_XML_DEPTH) throw new TooDeep();
  });
  parser.on('closetag', () => {
    // saxes pops (and reports) open elements before it finds a close tag mismatched.
    lastClosed = stack.pop();
  });
  const addText = (chunk: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return; // whitespace around the root element
    const last = parent.children[parent.children.length - 1];
    if (last?.kind === 'text') last.text += chunk;
    else parent.children.push({ kind: 'text', text: chunk });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof TooDeep) {
      return {
        problems: [
          formatProblem(
            placeOf(tagStart),
            FORMAT_RULES.tooDeep,
            `Elements are nested more than ${MAX_XML_DEPTH} levels deep here; no XLIFF or TMX file needs that many, so the file is refused. Export it again from the translation tool.`,
          ),
        ],
      };
    }
    const message = (error instanceof Error ? error.message : String(error)).replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
    return { problems: [explainXmlError(message, { text, position: parser.position, placeOf, open: stack[stack.length - 1], lastClosed })] };
  }
  return { root: root!, problems: [] };
}

function toAttribute(a: SaxesAttributeNS): XmlAttribute {
  return { name: a.name, local: a.local, uri: a.uri, value: a.value };
}

