/**
 * Markdown sources → translation units: the title in the front matter, and every heading,
 * paragraph (in lists, quotes and footnotes too) and table cell. Code blocks, HTML and URLs
 * are not translatable; emphasis, links, inline code and breaks stay in the unit as Markdown.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { SourceDocument } from '../sources/load-sources.js';
import { phrasingToMarkdown } from './inline-markdown.js';
import type { Segment } from './segment.js';

/** Calls `visit` for every node that is one unit, in document order, with its Markdown. */
export function forEachUnitNode(tree: Root, visit: (node: Nodes & { children: PhrasingContent[] }, markdown: string) => void): void {
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const markdown = phrasingToMarkdown(node.children);
      if (/[\p{L}\p{N}]/u.test(markdown)) visit(node as Nodes & { children: PhrasingContent[] }, markdown);
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
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
  forEachUnitNode(doc.tree, (node, markdown) => {
    const start = node.position?.start;
    segments.push({
      context: doc.id,
      source: markdown,
      kind: node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'cell' : 'paragraph',
      syntax: 'markdown',
      place: { file: doc.file, line: start?.line ?? 1, column: start?.column ?? 1 },
      footnoteLabels: footnoteLabels(node.children),
    });
  });
  return segments;
}
