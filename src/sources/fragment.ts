import type { RootContent, Nodes } from 'mdast';
import type { SourceDocument } from './load-sources.js';

/**
 * The blocks of a source, ready to be placed inside a document: a deep copy with headings
 * shifted by `shift` levels (clamped to 1–6) and footnote identifiers made unique to the
 * source, so that chapters that each use `[^1]` can share one handbook.
 */
export function sourceFragment(doc: SourceDocument, options: { shift: number }): RootContent[] {
  const copy = structuredClone(doc.tree.children) as RootContent[];
  const prefix = `${doc.id}:`;
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') {
      node.depth = Math.min(6, Math.max(1, node.depth + options.shift)) as typeof node.depth;
    }
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      node.identifier = prefix + node.identifier;
      node.label = prefix + (node.label ?? node.identifier);
    }
    // Remember which file each node came from, for messages and images.
    (node.data ??= {} as never) as Record<string, unknown>;
    (node.data as Record<string, unknown>).folioFile = doc.file;
    (node.data as Record<string, unknown>).folioDir = doc.dir;
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  for (const node of copy) walk(node);
  return copy;
}
