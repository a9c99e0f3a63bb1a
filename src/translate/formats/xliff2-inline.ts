/**
 * Inline codes in XLIFF 2 `<source>`/`<target>` (XLIFF 2.1 §4.2.3 inline elements, §4.7
 * inline content).
 *
 * Writing, the markup (`InlineCode.data`) in the unit's `<originalData><data id="dN">`, as
 * the specification intends, and `equiv` in `equiv`/`equivStart`/`equivEnd`:
 * - a pair that nests properly → `<pc id dataRefStart dataRefEnd>…</pc>`;
 * - a pair that crosses another → `<sc id dataRef/>` … `<ec startRef dataRef/>`;
 * - a lone open or close → `<sc id isolated="yes"/>`, `<ec id isolated="yes"/>`;
 * - a standalone code → `<ph id dataRef/>`;
 * - a character XML cannot carry → `<cp hex="…"/>`.
 * Ids are NMTOKENs (see `nmtoken.ts`). Identical data share one `<data>`.
 *
 * Reading accepts the same, `<mrk>` as transparent (except `translate="no"`, which becomes a
 * standalone code holding its text), `<sm/>`/`<em/>` markers left out, and elements of other
 * namespaces transparent. A code without `dataRef` takes its `equiv` (or `disp`) as data.
 */
import type { Content, InlineCode } from '../content.js';
import { normaliseContent } from '../content.js';
import { analyseCodePairs } from './code-pairs.js';
import { decodeNmtoken, encodeNmtoken } from './nmtoken.js';
import { escapeText, startTag } from './xml-writer.js';
import { attribute, textContent, type XmlElement } from './xml-tree.js';

export const XLIFF2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** XLIFF 2.0, 2.1 (same namespace) and 2.2 (its own) core elements. */
export function isXliff2(element: XmlElement): boolean {
  return element.uri.startsWith('urn:oasis:names:tc:xliff:document:2.');
}

/** The `<originalData>` being built for one unit (or one match): data → id, in first-use order. */
export class OriginalData {
  private readonly ids = new Map<string, string>();

  idFor(data: string): string {
    let id = this.ids.get(data);
    if (id === undefined) {
      id = `d${this.ids.size + 1}`;
      this.ids.set(data, id);
    }
    return id;
  }

  /** The `<originalData>` element's lines, or none when no code used it. */
  lines(indent: string): string[] {
    if (this.ids.size === 0) return [];
    const lines = [`${indent}<originalData>`];
    for (const [data, id] of this.ids) lines.push(`${indent}  ${startTag('data', [['id', id]])}${escapeXliff2Text(data)}</data>`);
    lines.push(`${indent}</originalData>`);
    return lines;
  }
}

export function escapeXliff2Text(text: string): string {
  return escapeText(text, (char) => startTag('cp', [['hex', char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')]], true));
}

/** Content as the inside of an XLIFF 2 `<source>` or `<target>`, its data added to `originalData`. */
export function writeXliff2Content(content: Content, originalData: OriginalData): string {
  const roles = analyseCodePairs(content);
  let out = '';
  content.forEach((part, index) => {
    if (typeof part === 'string') {
      out += escapeXliff2Text(part);
      return;
    }
    const id = encodeNmtoken(part.id);
    const role = roles.get(index);
    if (part.kind === 'standalone') {
      out += startTag('ph', [['id', id], ['dataRef', originalData.idFor(part.data)], ['equiv', part.equiv]], true);
    } else if (role?.nested && part.kind === 'close') {
      out += '</pc>';
    } else if (role?.nested) {
      const close = content[role.partner!] as InlineCode;
      out += startTag('pc', [
        ['id', id],
        ['dataRefStart', originalData.idFor(part.data)],
        ['dataRefEnd', originalData.idFor(close.data)],
        ['equivStart', part.equiv],
        ['equivEnd', close.equiv],
      ]);
    } else {
      const isolated = role?.partner === undefined ? 'yes' : undefined;
      const dataRef = originalData.idFor(part.data);
      out +=
        part.kind === 'open'
          ? startTag('sc', [['id', id], ['isolated', isolated], ['dataRef', dataRef], ['equiv', part.equiv]], true)
          : isolated
            ? startTag('ec', [['id', id], ['isolated', isolated], ['dataRef', dataRef], ['equiv', part.equiv]], true)
            : startTag('ec', [['startRef', id], ['dataRef', dataRef], ['equiv', part.equiv]], true);
    }
  });
  return out;
}

/** The content of an XLIFF 2 `<source>`, `<target>` or `<data>`, codes' data looked up in `originalData`. */
export function readXliff2Content(element: XmlElement, originalData: ReadonlyMap<string, string>): Content {
  const out: Content = [];
  let unnamed = 0;
  const idOf = (el: XmlElement, name = 'id'): string => {
    const value = attribute(el, name);
    return value === undefined ? `x-${++unnamed}` : decodeNmtoken(value);
  };
  const code = (kind: InlineCode['kind'], id: string, dataRef: string | undefined, equiv: string | undefined, disp: string | undefined): InlineCode => {
    const data = (dataRef !== undefined ? originalData.get(dataRef) : undefined) ?? equiv ?? disp ?? '';
    return equiv === undefined ? { kind, id, data } : { kind, id, data, equiv };
  };

  const walk = (parent: XmlElement): void => {
    for (const node of parent.children) {
      if (node.kind === 'text') {
        out.push(node.text);
        continue;
      }
      if (!isXliff2(node)) {
        walk(node);
        continue;
      }
      const at = (name: string) => attribute(node, name);
      switch (node.local) {
        case 'cp': {
          const codePoint = parseInt(at('hex') ?? '', 16);
          if (Number.isFinite(codePoint) && codePoint <= 0x10ffff) out.push(String.fromCodePoint(codePoint));
          break;
        }
        case 'ph':
          out.push(code('standalone', idOf(node), at('dataRef'), at('equiv'), at('disp')));
          break;
        case 'pc': {
          const id = idOf(node);
          out.push(code('open', id, at('dataRefStart'), at('equivStart'), at('dispStart')));
          walk(node);
          out.push(code('close', id, at('dataRefEnd'), at('equivEnd'), at('dispEnd')));
          break;
        }
        case 'sc':
          out.push(code('open', idOf(node), at('dataRef'), at('equiv'), at('disp')));
          break;
        case 'ec':
          out.push(code('close', idOf(node, at('startRef') !== undefined ? 'startRef' : 'id'), at('dataRef'), at('equiv'), at('disp')));
          break;
        case 'mrk':
          if (at('translate') === 'no') out.push({ kind: 'standalone', id: idOf(node), data: textContent(node) });
          else walk(node);
          break;
        case 'sm':
        case 'em':
          break;
        default:
          walk(node);
      }
    }
  };
  walk(element);
  return normaliseContent(out);
}

/** A unit's (or a match's) `<originalData>`: data id → text. */
export function readOriginalData(originalData: XmlElement | undefined): Map<string, string> {
  const data = new Map<string, string>();
  if (!originalData) return data;
  for (const node of originalData.children) {
    if (node.kind !== 'element' || !isXliff2(node) || node.local !== 'data') continue;
    const id = attribute(node, 'id');
    if (id === undefined) continue;
    const content = readXliff2Content(node, new Map());
    data.set(id, content.map((part) => (typeof part === 'string' ? part : '')).join(''));
  }
  return data;
}
