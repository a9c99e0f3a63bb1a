/**
 * Markdown sources → translation units: the title in the front matter, and every heading,
 * paragraph (in lists, quotes and footnotes too) and table cell. Code blocks, HTML and URLs
 * are not translatable; emphasis, links, inline code and breaks stay in the unit as Markdown.
 * An image's alternative text and a link's or image's title are units of their own, right after
 * the unit they sit in: in XLIFF and TMX the image or link is one code, which tools lock.
 */
import type { Image, Link, Nodes, PhrasingContent, Root } from 'mdast';
import type { SourceDocument } from '../sources/load-sources.js';
import { phrasingToMarkdown } from './inline-markdown.js';
import type { Segment } from './segment.js';

/**
 * Calls `visit` for every node that holds units, in document order, with its Markdown and
 * whether that is a unit itself: a paragraph of images alone is not (nothing in it to translate
 * but their alternative texts, units of their own).
 */
export function forEachUnitNode(tree: Root, visit: (node: Nodes & { children: PhrasingContent[] }, markdown: string, isUnit: boolean) => void): void {
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const markdown = phrasingToMarkdown(node.children);
      if (/[\p{L}\p{N}]/u.test(markdown)) visit(node as Nodes & { children: PhrasingContent[] }, markdown, !imagesAlone(node.children));
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
}

/** Whether inline content is images and white space only. */
function imagesAlone(nodes: readonly PhrasingContent[]): boolean {
  return nodes.every((n) => n.type === 'image' || (n.type === 'text' && n.value.trim() === '') || n.type === 'break') && nodes.some((n) => n.type === 'image');
}

/** A text inside a unit that is a unit of its own: an image's `alt`, a link's or image's `title`. */
export interface InnerText {
  node: Image | Link;
  field: 'alt' | 'title';
  text: string;
}

/** The alternative texts and titles of a unit's inline content, in document order. */
export function innerTexts(nodes: readonly PhrasingContent[]): InnerText[] {
  const out: InnerText[] = [];
  const walk = (list: readonly PhrasingContent[]) => {
    for (const node of list) {
      if (node.type === 'image' && node.alt && /[\p{L}\p{N}]/u.test(node.alt)) out.push({ node, field: 'alt', text: node.alt });
      if ((node.type === 'image' || node.type === 'link') && node.title && /[\p{L}\p{N}]/u.test(node.title)) out.push({ node, field: 'title', text: node.title });
      if ('children' in node) walk(node.children as PhrasingContent[]);
    }
  };
  walk(nodes);
  return out;
}

function footnoteLabels(nodes: PhrasingContent[]): string[] {
  const labels: string[] = [];
  const walk = (list: PhrasingContent[]) => {
    for (const n of list) {
      if (n.type === 'footnoteReference') labels.push(n.label ?? n.identifier);
      else if ('children' in n) walk(n.children as PhrasingContent[]);
    }
  };
  walk(nodes);
  return labels;
}

export function sourceSegments(doc: SourceDocument): Segment[] {
  const segments: Segment[] = [
    { context: doc.id, source: doc.title, kind: 'title', syntax: 'plain', place: { file: doc.file, ...doc.titlePlace }, note: 'Title (front matter)' },
  ];
  forEachUnitNode(doc.tree, (node, markdown, isUnit) => {
    const start = node.position?.start;
    if (isUnit) segments.push({
      context: doc.id,
      source: markdown,
      kind: node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'cell' : 'paragraph',
      syntax: 'markdown',
      place: { file: doc.file, line: start?.line ?? 1, column: start?.column ?? 1 },
      footnoteLabels: footnoteLabels(node.children),
    });
    for (const inner of innerTexts(node.children)) {
      const at = inner.node.position?.start ?? start;
      segments.push({
        context: doc.id,
        source: inner.text,
        kind: inner.field === 'alt' ? 'alt' : 'link-title',
        syntax: 'plain',
        place: { file: doc.file, line: at?.line ?? 1, column: at?.column ?? 1 },
        note: inner.field === 'alt'
          ? `Alternative text of the image ${inner.node.url} (read aloud in its place)`
          : `Title of the ${inner.node.type === 'image' ? 'image' : 'link'} ${inner.node.url} (shown when it is pointed at)`,
      });
    }
  });
  return segments;
}
