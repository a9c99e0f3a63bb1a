/**
 * Replaces the ids docx draws at random or from process-wide counters with ids that
 * depend on the document alone:
 *
 * - relationship ids of hyperlinks (docx: `rId` + a random nanoid), renumbered after
 *   the part's numbered ones, in the order of its relationships part, and rewritten in
 *   the part that uses them;
 * - bookmark ids (docx: a counter shared by every document of the process), renumbered
 *   from 1 in order of appearance across the document's stories.
 */
import { readPart, sourcePartPath, writePart, type Parts } from './parts.js';

const NUMBERED_ID = /^rId(\d+)$/;

export function stabilizeRelationshipIds(parts: Parts): void {
  for (const relsPath of [...parts.keys()].filter((p) => p.endsWith('.rels')).sort()) {
    const rels = readPart(parts, relsPath)!;
    const ids = [...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]!);
    const taken = new Set(ids.filter((id) => NUMBERED_ID.test(id)));
    const unstable = ids.filter((id) => !NUMBERED_ID.test(id));
    if (unstable.length === 0) continue;

    let next = Math.max(0, ...[...taken].map((id) => Number(NUMBERED_ID.exec(id)![1])));
    const renames = new Map<string, string>();
    for (const id of unstable) {
      do next++;
      while (taken.has(`rId${next}`));
      renames.set(id, `rId${next}`);
    }
    writePart(parts, relsPath, renameQuoted(rels, renames));
    const source = sourcePartPath(relsPath);
    const xml = readPart(parts, source);
    if (xml !== undefined) writePart(parts, source, renameQuoted(xml, renames));
  }
}

/** Parts whose bookmark ids are renumbered, in this order (one numbering for the whole document). */
const STORIES = /^word\/(document|footnotes|endnotes|header\d*|footer\d*|comments)\.xml$/;

export function stabilizeBookmarkIds(parts: Parts): void {
  const renames = new Map<string, string>();
  for (const path of [...parts.keys()].filter((p) => STORIES.test(p)).sort(storyOrder)) {
    const xml = readPart(parts, path)!;
    const out = xml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_all, head: string, id: string, tail: string) => {
      if (!renames.has(id)) renames.set(id, String(renames.size + 1));
      return head + renames.get(id)! + tail;
    });
    if (out !== xml) writePart(parts, path, out);
  }
}

function storyOrder(a: string, b: string): number {
  const rank = (p: string) => (p === 'word/document.xml' ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Replaces each id where it stands as a whole attribute value (`"id"`): random ids never occur as text. */
function renameQuoted(xml: string, renames: ReadonlyMap<string, string>): string {
  return xml.replace(/"([^"<>]*)"/g, (all, value: string) => {
    const renamed = renames.get(value);
    return renamed === undefined ? all : `"${renamed}"`;
  });
}
