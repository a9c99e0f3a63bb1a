/**
 * Inline codes in a TMX `<seg>` (TMX 1.4b §3.7, content markup). TMX keeps the native code
 * itself as the element's text, so `InlineCode.data` travels as is:
 * - a pair (both ends in the segment) → `<bpt i="n" x="n">data</bpt>` … `<ept i="n">data</ept>`
 *   (TMX lets pairs cross, so no nesting analysis);
 * - a lone open or close → `<it pos="begin|end" x="n">data</it>`;
 * - a standalone code → `<ph x="n">data</ph>`.
 * TMX numbers codes (`i`, `x` are integers): an id that is a positive integer, as folio's
 * are, is written as that number; other ids get the next free numbers, the same in every
 * variant of the entry, and read back as those numbers. `equiv` has no place in TMX and is
 * not written.
 *
 * Reading: a `bpt`'s id is its `x` (else its `i`), and its `ept` (same `i`) takes the same
 * id; `ph`, `it` and the deprecated `ut` take their `x`. Codes without a number get `x-1`,
 * `x-2`… in order. `<sub>` text inside a code is part of the code's data; `<hi>` is
 * transparent.
 */
import type { Content, InlineCode } from '../content.js';
import { normaliseContent } from '../content.js';
import { analyseCodePairs } from './code-pairs.js';
import { escapeText, startTag } from './xml-writer.js';
import { attribute, textContent, type XmlElement } from './xml-tree.js';

/** The number each code id gets in one entry, shared by its variants. */
export function numberCodes(contents: Iterable<Content>): Map<string, number> {
  const numbers = new Map<string, number>();
  const others: string[] = [];
  for (const content of contents) {
    for (const part of content) {
      if (typeof part === 'string' || numbers.has(part.id) || others.includes(part.id)) continue;
      if (/^[1-9]\d{0,8}$/.test(part.id)) numbers.set(part.id, Number(part.id));
      else others.push(part.id);
    }
  }
  let next = Math.max(0, ...numbers.values());
  for (const id of others) numbers.set(id, ++next);
  return numbers;
}

/** Content as the inside of a TMX `<seg>`. */
export function writeTmxContent(content: Content, numbers: ReadonlyMap<string, number>): string {
  const roles = analyseCodePairs(content);
  let out = '';
  content.forEach((part, index) => {
    if (typeof part === 'string') {
      out += escapeText(part);
      return;
    }
    const n = numbers.get(part.id);
    const data = escapeText(part.data);
    if (part.kind === 'standalone') out += `${startTag('ph', [['x', n]])}${data}</ph>`;
    else if (roles.get(index)?.partner === undefined) out += `${startTag('it', [['pos', part.kind === 'open' ? 'begin' : 'end'], ['x', n]])}${data}</it>`;
    else if (part.kind === 'open') out += `${startTag('bpt', [['i', n], ['x', n]])}${data}</bpt>`;
    else out += `${startTag('ept', [['i', n]])}${data}</ept>`;
  });
  return out;
}

/** The content of a TMX `<seg>`, codes included. */
export function readTmxContent(seg: XmlElement): Content {
  const out: Content = [];
  const pairIds = new Map<string, string>();
  let unnamed = 0;
  const code = (kind: InlineCode['kind'], id: string | undefined, node: XmlElement): InlineCode => ({
    kind,
    id: id ?? `x-${++unnamed}`,
    data: textContent(node),
  });

  const walk = (parent: XmlElement): void => {
    for (const node of parent.children) {
      if (node.kind === 'text') {
        out.push(node.text);
        continue;
      }
      const x = attribute(node, 'x');
      const i = attribute(node, 'i');
      switch (node.local) {
        case 'bpt': {
          const part = code('open', x ?? i, node);
          if (i !== undefined) pairIds.set(i, part.id);
          out.push(part);
          break;
        }
        case 'ept':
          out.push(code('close', (i !== undefined ? pairIds.get(i) : undefined) ?? i, node));
          break;
        case 'it':
          out.push(code(attribute(node, 'pos') === 'end' ? 'close' : 'open', x, node));
          break;
        case 'ph':
        case 'ut':
          out.push(code('standalone', x, node));
          break;
        default:
          walk(node); // <hi>, and anything a tool added
      }
    }
  };
  walk(seg);
  return normaliseContent(out);
}
