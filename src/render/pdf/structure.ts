/**
 * The logical structure of a laid-out document (PDF 32000-1:2008 §14.7–14.8, tagged PDF; the
 * standard structure types of §14.8.4): a tree of elements built while blocks become boxes, in
 * reading order, and referenced by the draw items that show them. Anything drawn without an
 * element (running headers and footers, page numbers, rules, fills, leaders) is page furniture,
 * written as an artifact. Pure data: the PDF objects are made by tagging.ts.
 */

export type StructRole =
  | 'Document' | 'Part' | 'Sect' | 'Div'
  | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'BlockQuote' | 'Code'
  | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD'
  | 'Figure' | 'Note' | 'Reference' | 'Link' | 'Span'
  | 'TOC' | 'TOCI' | 'Form';

export interface StructNode {
  role: StructRole;
  children: StructNode[];
  /** Alternative text (a figure's, PDF 32000-1 §14.9.3). */
  alt?: string;
  /** Language, when it differs from the document's (a BCP 47 tag). */
  lang?: string;
  /** A header cell's scope (§14.8.5.7, the Table attribute owner). */
  scope?: 'Column' | 'Row';
  /** For a link element made by the writer: the annotation it holds. */
  url?: string;
}

export function structNode(role: StructRole, extra: Partial<Omit<StructNode, 'role' | 'children'>> = {}): StructNode {
  return { role, children: [], ...extra };
}

/** A new element under `parent` (none without a parent: the caller lays out untagged). */
export function childNode(parent: StructNode | undefined, role: StructRole, extra: Partial<Omit<StructNode, 'role' | 'children'>> = {}): StructNode | undefined {
  if (!parent) return undefined;
  const node = structNode(role, extra);
  parent.children.push(node);
  return node;
}

/** Every element of the trees, for telling content of the document from stray tags. */
export function allNodes(roots: readonly StructNode[]): Set<StructNode> {
  const out = new Set<StructNode>();
  const walk = (n: StructNode) => { out.add(n); n.children.forEach(walk); };
  roots.forEach(walk);
  return out;
}
