/**
 * saxes's well-formedness errors, placed where a person would look and said in words a
 * translator or secretary can act on. saxes stops at the character that broke the rule, which
 * is sometimes well after the cause: a bare `&` is only noticed at the next `;`, a mismatched
 * tag at its `>`, a duplicate attribute at the end of its tag.
 */
import type { FormatProblem } from './exchange.js';
import { FORMAT_RULES, formatProblem } from './format-rules.js';
import type { PlaceOf } from './text-place.js';
import type { XmlElement } from './xml-tree.js';

const AFTERWARDS = 'The file cannot be imported: correct it at this place, or export it again from the translation tool.';

export interface XmlErrorContext {
  text: string;
  /** saxes's position: just after the character that stopped it. */
  position: number;
  placeOf: PlaceOf;
  /** The innermost element still open, and the one saxes closed last. */
  open?: XmlElement;
  lastClosed?: XmlElement;
}

export function explainXmlError(saxesMessage: string, context: XmlErrorContext): FormatProblem {
  const { text, placeOf } = context;
  const index = Math.max(0, context.position - 1);
  const at = (offset: number, message: string) => formatProblem(placeOf(offset), FORMAT_RULES.malformed, message);

  const bare = firstBareAmpersand(text, Math.min(text.length, context.position));
  if (bare >= 0) {
    return at(bare, `Malformed XML: a bare & here. In XML an ampersand in text is written &amp; (and < as &lt;). ${AFTERWARDS}`);
  }
  if (saxesMessage === 'undefined entity') {
    const amp = text.lastIndexOf('&', index);
    const name = text.slice(amp + 1, index);
    return at(
      amp,
      `The entity &${name}; is not one XML defines. folio reads only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#233;, ` +
        `and never expands entities declared in a DOCTYPE (they can read files on this computer or grow without limit). ` +
        `Replace &${name}; with the text it stands for.`,
    );
  }
  if (saxesMessage === 'unexpected close tag' || saxesMessage.startsWith('unmatched closing tag')) {
    const lt = text.lastIndexOf('</', index);
    const closing = text.slice(lt, index + 1);
    const open = saxesMessage === 'unexpected close tag' ? context.lastClosed : undefined;
    const expected = open ? `; the open element is <${open.name}>, from line ${open.line}, column ${open.column}` : '';
    return at(lt, `Malformed XML: ${closing} closes nothing${expected}. ${AFTERWARDS}`);
  }
  if (saxesMessage.startsWith('unclosed tag') && context.open) {
    const open = context.open;
    return at(text.length, `Malformed XML: the file ends before <${open.name}> (line ${open.line}, column ${open.column}) is closed; it may be truncated. ${AFTERWARDS}`);
  }
  if (saxesMessage === 'document must contain a root element') {
    return at(0, `The file has no root element: it is empty or not XML. ${AFTERWARDS}`);
  }
  if (saxesMessage.startsWith('duplicate attribute: ')) {
    const name = saxesMessage.slice('duplicate attribute: '.length);
    const tagStart = text.lastIndexOf('<', index);
    const second = lastMatch(text.slice(tagStart, index + 1), new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`, 'g'));
    return at(second < 0 ? tagStart : tagStart + second + 1, `Malformed XML: the attribute ${name} is given twice in this tag. ${AFTERWARDS}`);
  }
  if (saxesMessage === 'documents may contain only one root') {
    return at(text.lastIndexOf('<', index), `Malformed XML: a second root element; an XML file has exactly one. ${AFTERWARDS}`);
  }
  if (saxesMessage === 'text data outside of root node') {
    let start = text.lastIndexOf('>', index) + 1;
    while (start < index && /\s/.test(text[start]!)) start++;
    return at(start, `Malformed XML: text outside the root element. ${AFTERWARDS}`);
  }
  return at(index, `Malformed XML: ${saxesMessage}. ${AFTERWARDS}`);
}

function lastMatch(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

/**
 * The first `&` before `end` that does not start a reference (XML 1.0 §4.1), outside comments,
 * CDATA sections, processing instructions and the DOCTYPE, where `&` means nothing; -1 if none.
 */
export function firstBareAmpersand(text: string, end: number): number {
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      if (text.startsWith('<!--', i)) i = skipPast(text, '-->', i);
      else if (text.startsWith('<![CDATA[', i)) i = skipPast(text, ']]>', i);
      else if (text.startsWith('<?', i)) i = skipPast(text, '?>', i);
      else if (text.startsWith('<!DOCTYPE', i)) i = doctypeEnd(text, i);
      else i++;
    } else if (c === 0x26 /* & */) {
      if (!/^&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:\u00C0-\uFFFF][-\w.:\u00B7-\uFFFF]*);/.test(text.slice(i, i + 128))) return i;
      i++;
    } else i++;
  }
  return -1;
}

function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? text.length : at + marker.length;
}

function doctypeEnd(text: string, from: number): number {
  const bracket = text.indexOf('[', from);
  const close = text.indexOf('>', from);
  if (bracket >= 0 && (close < 0 || bracket < close)) return skipPast(text, '>', skipPast(text, ']', bracket));
  return close < 0 ? text.length : close + 1;
}
