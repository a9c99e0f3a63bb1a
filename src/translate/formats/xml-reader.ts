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
import { placeFinder, type PlaceOf } from './text-place.js';
import type { XmlAttribute, XmlElement } from './xml-tree.js';

/** Deeper than any XLIFF or TMX file needs; keeps the readers' recursion far from the stack limit. */
export const MAX_XML_DEPTH = 256;

export interface XmlReadResult {
  root?: XmlElement;
  problems: FormatProblem[];
}

const AFTERWARDS = 'The file cannot be imported: correct it at this place, or export it again from the translation tool.';

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
    stack.pop();
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
    return { problems: [malformed(error, parser, text, placeOf, stack)] };
  }
  if (!root) {
    return { problems: [formatProblem({ line: 1, column: 1 }, FORMAT_RULES.malformed, `The file has no root element. ${AFTERWARDS}`)] };
  }
  return { root, problems: [] };
}

function toAttribute(a: SaxesAttributeNS): XmlAttribute {
  return { name: a.name, local: a.local, uri: a.uri, value: a.value };
}

/** saxes's error, at its place, said in words a translator or secretary can act on. */
function malformed(error: unknown, parser: { position: number }, text: string, placeOf: PlaceOf, stack: XmlElement[]): FormatProblem {
  const raw = error instanceof Error ? error.message : String(error);
  const what = raw.replace(/^\d+:\d+:\s*/, '').replace(/\.$/, '');
  // The character that stopped saxes is the last one it read.
  const index = Math.max(0, parser.position - 1);

  if (what === 'undefined entity' || what === 'disallowed character in entity name') {
    const amp = text.lastIndexOf('&', index);
    const name = amp >= 0 ? text.slice(amp + 1, index) : '';
    return formatProblem(
      placeOf(amp >= 0 ? amp : index),
      FORMAT_RULES.malformed,
      `The entity &${name}; is not one XML defines. folio reads only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#233;, ` +
        `and never expands entities declared in a DOCTYPE (they can read files on this computer or grow without limit). ` +
        `Replace &${name}; with the text it stands for.`,
    );
  }
  if (what === 'unexpected close tag') {
    const open = stack[stack.length - 1];
    const lt = text.lastIndexOf('</', index);
    const closing = lt >= 0 ? text.slice(lt, index + 1) : 'a closing tag';
    const expected = open ? `; the open element is <${open.name}>, from line ${open.line}, column ${open.column}` : '';
    return formatProblem(placeOf(lt >= 0 ? lt : index), FORMAT_RULES.malformed, `Malformed XML: ${closing} closes nothing${expected}. ${AFTERWARDS}`);
  }
  if (/^unclosed tag/.test(what) && stack.length > 0) {
    const open = stack[stack.length - 1]!;
    return formatProblem(
      placeOf(text.length),
      FORMAT_RULES.malformed,
      `Malformed XML: the file ends before <${open.name}> (line ${open.line}, column ${open.column}) is closed; it may be truncated. ${AFTERWARDS}`,
    );
  }
  return formatProblem(placeOf(index), FORMAT_RULES.malformed, `Malformed XML: ${what}. ${AFTERWARDS}`);
}
