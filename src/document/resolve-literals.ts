/**
 * Swaps the tokens a template printed for the data values they stand for, *after*
 * the Markdown was parsed: a value is text, never Markdown. A token alone in a paragraph
 * that stands for a Markdown fragment (a source's content) becomes that fragment's blocks.
 */
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { TOKEN_PATTERN, type LiteralTable } from '../templates/literal-values.js';
import { toString } from 'mdast-util-to-string';

export interface ResolveOptions {
  /**
   * Wrap each value (each line of it) in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9
   * §2.7), so that a Latin address, e-mail or reference in a right-to-left document keeps its
   * own order instead of being reordered with the sentence around it.
   */
  isolate: boolean;
}

const FSI = '\u2068';
const PDI = '\u2069';

export function resolveLiterals(tree: Root, literals: LiteralTable, options: ResolveOptions = { isolate: false }): Root {
  resolveIn(tree, literals, options);
  return tree;
}

function resolveIn(parent: Parent, literals: LiteralTable, options: ResolveOptions): void {
  const out: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'paragraph') {
      const fragment = literals.fragmentAt(toString(child));
      if (fragment && child.children.every((c) => c.type === 'text')) {
        out.push(...(fragment.children as RootContent[]));
        continue;
      }
    }
    if (child.type === 'text') {
      out.push(...splitText(child.value, literals, options));
      continue;
    }
    if (child.type === 'link' || child.type === 'image' || child.type === 'definition') {
      child.url = literals.resolveText(child.url);
      if (child.title) child.title = literals.resolveText(child.title);
    }
    if (child.type === 'image' || child.type === 'imageReference') child.alt = literals.resolveText(child.alt ?? '');
    if (child.type === 'inlineCode' || child.type === 'code' || child.type === 'html') child.value = literals.resolveText(child.value);
    if ('children' in child) resolveIn(child as Parent, literals, options);
    out.push(child);
  }
  (parent as { children: Nodes[] }).children = out;
}

const EMAIL = /^[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:.]{2,}$/u;
const WEB = /^(?:https?:\/\/|www\.)[^\s<>"]+$/iu;

/**
 * The link a value stands for when the whole value is an e-mail address (`mailto:`) or a web
 * address (http, https, or www.): such values are printed as links, in PDF and DOCX.
 */
export function addressUrl(value: string): string | undefined {
  const v = value.trim();
  if (EMAIL.test(v)) return `mailto:${v}`;
  if (WEB.test(v)) return /^www\./i.test(v) ? `https://${v}` : v;
  return undefined;
}

/** A text node with tokens becomes text nodes (and hard breaks for line breaks inside values). */
function splitText(value: string, literals: LiteralTable, options: ResolveOptions): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  let buffer = '';
  const flush = () => {
    if (buffer !== '') nodes.push({ type: 'text', value: buffer });
    buffer = '';
  };
  for (const match of value.matchAll(TOKEN_PATTERN)) {
    buffer += value.slice(last, match.index);
    last = (match.index ?? 0) + match[0].length;
    const literal = literals.get(Number(match[1]));
    if (typeof literal !== 'string') continue; // a fragment inside running text prints nothing
    const lines = literal.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, i) => {
      if (i > 0) {
        flush();
        nodes.push({ type: 'break' });
      }
      const shown = options.isolate && line !== '' ? `${FSI}${line}${PDI}` : line;
      const url = addressUrl(line);
      if (url) {
        flush();
        nodes.push({ type: 'link', url, children: [{ type: 'text', value: shown }] });
      } else {
        buffer += shown;
      }
    });
  }
  buffer += value.slice(last);
  flush();
  return nodes;
}
