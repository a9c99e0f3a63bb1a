/**
 * Inline codes in XLIFF 1.2 `<source>`/`<target>` (XLIFF 1.2 §2.5, inline elements).
 *
 * Writing (native-code style: each code holds the markup it stands for, which CAT tools show
 * as a protected tag and Translate Toolkit's xliff2po keeps as text, so a PO made from the file
 * reads as folio's own, `**bold**` and `{country}` included; it drops `<g>` and `<x/>`):
 * - a pair (nested or crossing another) → `<bpt id="n" rid="n" ctype="…">**</bpt>` and
 *   `<ept id="n" rid="n">**</ept>`;
 * - a lone open or close → `<it id="n" pos="open|close">…</it>`;
 * - a standalone code → `<ph id="n" equiv-text="…">{country}</ph>`.
 * The short form (`equiv`) goes in `equiv-text`; an empty code says so with `folio:data=""`
 * (folio's namespace `urn:x-folio:inline`, an extension XLIFF 1.2 allows on inline elements).
 * Reading folio's own file gives the content back exactly; a tool that rewrites codes still
 * keeps the ids, by which the caller restores the markup from the unit's source codes.
 *
 * Reading accepts what tools write: `<g>`, `<x>`, `<bx>`/`<ex>` (paired by `rid`), `<ph>`,
 * `<bpt>`/`<ept>` (paired by `rid`, else `id`), `<it pos>`, with native data taken from the
 * element's text, else from Trados's `<tag-defs>`, else from `equiv-text`. `<mrk>` is
 * transparent (its text stays text) except `mtype="protected"`, which becomes one standalone
 * code holding the protected text, and Trados's tracked deletions (`x-sdl-deleted`), which are
 * left out. Elements of other namespaces are transparent.
 */
import type { Content, InlineCode } from '../content.js';
import { normaliseContent } from '../content.js';
import { analyseCodePairs } from './code-pairs.js';
import { escapeText, startTag } from './xml-writer.js';
import { attribute, textContent, type XmlElement } from './xml-tree.js';

export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';
export const FOLIO_NAMESPACE = 'urn:x-folio:inline';
export const SDL_NAMESPACE = 'http://sdl.com/FileTypes/SdlXliff/1.0';

/** Native code data Trados keeps in the file header (`<tag-defs><tag id>`), by tag id. */
export interface TagDefinition {
  open?: string;
  close?: string;
  standalone?: string;
}

export interface Xliff12InlineContext {
  tagDefinitions: ReadonlyMap<string, TagDefinition>;
}

/** Content as the inside of an XLIFF 1.2 `<source>` or `<target>`. */
export function writeXliff12Content(content: Content): string {
  const roles = analyseCodePairs(content);
  let out = '';
  content.forEach((part, index) => {
    if (typeof part === 'string') {
      out += escapeText(part);
      return;
    }
    const role = roles.get(index);
    if (part.kind === 'standalone') {
      // The markup itself as the placeholder's native code: Translate Toolkit keeps a <ph>'s
      // text (and drops an <x/>), CAT tools show it as one protected tag.
      // An empty code has no text to show: folio:data says it is empty (not missing).
      out += `${startTag('ph', [['id', part.id], ['equiv-text', part.equiv], ['folio:data', part.data === '' ? '' : undefined]])}${escapeText(part.data)}</ph>`;
    } else if (role?.partner !== undefined) {
      // A pair (nested or crossing another): its markup as the native codes of <bpt>/<ept>.
      const tag = part.kind === 'open' ? 'bpt' : 'ept';
      out += `${startTag(tag, [['id', part.id], ['rid', part.id], ['ctype', part.kind === 'open' ? ctypeOf(part.data) : undefined], ['equiv-text', part.equiv], ['folio:data', part.data === '' ? '' : undefined]])}${escapeText(part.data)}</${tag}>`;
    } else {
      // A code whose partner is not in the segment: an isolated tag with its markup.
      out += `${startTag('it', [['id', part.id], ['pos', part.kind], ['equiv-text', part.equiv], ['folio:data', part.data === '' ? '' : undefined]])}${escapeText(part.data)}</it>`;
    }
  });
  return out;
}

/** A hint for tools that style `<g>` (XLIFF 1.2 §4.3.1 ctype); the data itself travels apart. */
function ctypeOf(data: string): string {
  if (data === '**' || data === '__') return 'bold';
  if (data === '*' || data === '_') return 'italic';
  if (data.startsWith('[')) return 'link';
  return 'x-folio';
}

/** The content of an XLIFF 1.2 `<source>`, `<target>` or `<seg-source>`, codes included. */
export function readXliff12Content(element: XmlElement, context: Xliff12InlineContext): Content {
  const out: Content = [];
  let unnamed = 0;
  const idOf = (el: XmlElement, pairing = false): string =>
    (pairing ? attribute(el, 'rid') : undefined) ?? attribute(el, 'id') ?? `x-${++unnamed}`;
  const code = (kind: InlineCode['kind'], id: string, data: string, equiv: string | undefined): InlineCode =>
    equiv === undefined ? { kind, id, data } : { kind, id, data, equiv };

  const walk = (parent: XmlElement): void => {
    for (const node of parent.children) {
      if (node.kind === 'text') {
        out.push(node.text);
        continue;
      }
      if (node.uri !== XLIFF12_NAMESPACE && node.uri !== '') {
        walk(node); // another namespace's element: keep its text
        continue;
      }
      const equiv = attribute(node, 'equiv-text');
      const folioData = attribute(node, 'data', FOLIO_NAMESPACE);
      switch (node.local) {
        case 'g': {
          const id = idOf(node);
          const defined = context.tagDefinitions.get(id);
          out.push(code('open', id, attribute(node, 'open', FOLIO_NAMESPACE) ?? defined?.open ?? '', attribute(node, 'open-equiv', FOLIO_NAMESPACE)));
          walk(node);
          out.push(code('close', id, attribute(node, 'close', FOLIO_NAMESPACE) ?? defined?.close ?? '', attribute(node, 'close-equiv', FOLIO_NAMESPACE)));
          break;
        }
        case 'x': {
          const id = idOf(node);
          out.push(code('standalone', id, folioData ?? context.tagDefinitions.get(id)?.standalone ?? equiv ?? '', equiv));
          break;
        }
        case 'bx':
        case 'ex': {
          const id = idOf(node, true);
          const defined = context.tagDefinitions.get(id);
          const native = node.local === 'bx' ? defined?.open : defined?.close;
          out.push(code(node.local === 'bx' ? 'open' : 'close', id, folioData ?? native ?? equiv ?? '', equiv));
          break;
        }
        case 'ph':
          out.push(code('standalone', idOf(node), folioData ?? (textContent(node) || (equiv ?? '')), equiv));
          break;
        case 'bpt':
        case 'ept':
          out.push(code(node.local === 'bpt' ? 'open' : 'close', idOf(node, true), textContent(node) || (equiv ?? ''), equiv));
          break;
        case 'it':
          out.push(code(attribute(node, 'pos') === 'close' ? 'close' : 'open', idOf(node, true), textContent(node) || (equiv ?? ''), equiv));
          break;
        case 'mrk': {
          const mtype = attribute(node, 'mtype');
          if (mtype === 'x-sdl-deleted') break;
          if (mtype === 'protected') out.push(code('standalone', attribute(node, 'mid') ?? `mrk-${++unnamed}`, textContent(node), undefined));
          else walk(node);
          break;
        }
        default:
          walk(node);
      }
    }
  };
  walk(element);
  return normaliseContent(out);
}

/** Trados's `<tag-defs>` (in a file's `<header>`): the native data behind `<g>`/`<x>` ids. */
export function readTagDefinitions(header: XmlElement | undefined): Map<string, TagDefinition> {
  const definitions = new Map<string, TagDefinition>();
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      if (child.uri === SDL_NAMESPACE && child.local === 'tag') {
        const id = attribute(child, 'id');
        if (id === undefined) continue;
        const definition: TagDefinition = {};
        for (const part of child.children) {
          if (part.kind !== 'element') continue;
          if (part.local === 'bpt') definition.open = textContent(part);
          else if (part.local === 'ept') definition.close = textContent(part);
          else if (part.local === 'ph' || part.local === 'st') definition.standalone = textContent(part);
        }
        definitions.set(id, definition);
      } else visit(child);
    }
  };
  if (header) visit(header);
  return definitions;
}
