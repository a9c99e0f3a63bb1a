/**
 * A unit's text as translators see it in PO: the Markdown of its inline content, with
 * white space folded so that re-wrapping a paragraph does not change its identity.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const parser = unified().use(remarkParse).use(remarkGfm);

/** Folds runs of white space in text nodes (soft line breaks included) into single spaces. */
function folded(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node) => {
    if (node.type === 'text') return { type: 'text', value: node.value.replace(/\s+/g, ' ') };
    if ('children' in node) return { ...node, children: folded(node.children as PhrasingContent[]) } as PhrasingContent;
    return node;
  });
}

/**
 * Text that reads as itself in Markdown: no inline syntax (emphasis, code, links, footnotes,
 * HTML, entities, escapes, strikethrough, autolinks), nothing a block could start with, no
 * line break, no white space at either end. Most units of a kit are such plain sentences;
 * they skip the parser and the serializer, which give them back unchanged (tested on every
 * unit of the sample kit's stores).
 */
export function isPlainText(text: string): boolean {
  return PLAIN.test(text) && !AUTOLINK.test(text);
}
const PLAIN = /^[\p{L}\p{N}"'«»“”„‘’(][^*_`[\]!<>&\\~|#=\n\r\t{}$]*$/u;
const AUTOLINK = /https?:|www\.|mailto:|xmpp:|:\/|@|[Ww]\.[-.\w]|^\d+[.)]|\s$|\s\s/i;

/** Inline mdast → the Markdown string of a unit (no trailing newline, no leading/trailing spaces). */
export function phrasingToMarkdown(nodes: PhrasingContent[]): string {
  if (nodes.length === 1 && nodes[0]!.type === 'text') {
    const value = nodes[0].value.replace(/\s+/g, ' ');
    if (isPlainText(value)) return value;
  }
  const paragraph: Paragraph = { type: 'paragraph', children: folded(nodes) };
  const text = toMarkdown(paragraph, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
  });
  return text.replace(/\n+$/, '').trim();
}

/**
 * A unit's Markdown string → inline mdast. Footnote references (`[^label]`) need their
 * definitions to be recognised, so the labels the source used are declared for the parse.
 * Returns undefined when the text does not read as one paragraph of inline content.
 */
export function markdownToPhrasing(text: string, footnoteLabels: readonly string[] = []): PhrasingContent[] | undefined {
  // The same units are parsed again and again (QA, exchange formats, each build): parse once,
  // hand out copies (callers attach the nodes to trees they change).
  if (isPlainText(text)) return [{ type: 'text', value: text }];
  const key = `${footnoteLabels.join('\u0001')}\u0000${text}`;
  let cached = parsed.get(key);
  if (cached === undefined) {
    cached = parsePhrasing(text, footnoteLabels) ?? null;
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(key, cached);
  }
  return cached === null ? undefined : structuredClone(cached);
}

const parsed = new Map<string, PhrasingContent[] | null>();

function parsePhrasing(text: string, footnoteLabels: readonly string[]): PhrasingContent[] | undefined {
  const definitions = footnoteLabels.map((label) => `[^${label}]: x`).join('\n');
  const tree = parser.parse(definitions ? `${text}\n\n${definitions}\n` : `${text}\n`) as Root;
  const blocks = tree.children.filter((n) => n.type !== 'footnoteDefinition' && n.type !== 'definition');
  if (blocks.length === 0) return [];
  if (blocks.length !== 1 || blocks[0]!.type !== 'paragraph') return undefined;
  return (blocks[0] as Paragraph).children;
}
