/**
 * Which characters an embedded face keeps: a base repertoire (Latin, punctuation; the Arabic
 * block in a document with Arabic), so that small edits keep the font, and any other character
 * the document prints (its text, header and footer). Faces whose script the document never
 * uses are not embedded.
 */
import type { Block, DocumentModel, Inline } from '../../document/model.js';
import type { EmbeddedFace } from './font-table.js';
import { subsetFont } from './font-subset.js';

function textOf(model: DocumentModel): string {
  const parts: string[] = [model.header, model.footer, model.continuation ?? '', model.meta.title];
  const inlines = (list: readonly Inline[]) => {
    for (const n of list) {
      if (n.type === 'text' || n.type === 'code') parts.push(n.value);
      else if ('children' in n) inlines(n.children);
    }
  };
  const blocks = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'paragraph' || b.type === 'heading') inlines(b.children);
      else if (b.type === 'list') b.items.forEach(blocks);
      else if (b.type === 'blockquote') blocks(b.children);
      else if (b.type === 'table') for (const row of [b.header, ...b.rows]) for (const cell of row) inlines(cell);
      else if (b.type === 'code') parts.push(b.value);
    }
  };
  blocks(model.blocks);
  for (const note of model.footnotes) blocks(note.children);
  return parts.join('\n');
}

/** What every embedded face keeps: Latin (ASCII, Latin-1, Latin Extended-A), common punctuation, the euro. */
const BASE: readonly [number, number][] = [[0x20, 0x7e], [0xa0, 0x17f], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac]];
/** And, in a document with Arabic, the Arabic block. */
const ARABIC: readonly [number, number][] = [[0x0600, 0x06ff]];

const inRanges = (cp: number, ranges: readonly [number, number][]) => ranges.some(([a, b]) => cp >= a && cp <= b);

/**
 * Subsets are cached per process by face and by the characters the document adds to the base
 * repertoire (usually none): the documents of a build share a handful of subsets.
 */
const cache = new Map<string, Promise<Uint8Array>>();

export async function subsetFaces(model: DocumentModel, faces: readonly EmbeddedFace[]): Promise<EmbeddedFace[]> {
  if (faces.length === 0) return [];
  const used = new Set<number>();
  for (const ch of textOf(model)) used.add(ch.codePointAt(0)!);
  const arabic = [...used].some((cp) => inRanges(cp, ARABIC));
  const ranges = arabic ? [...BASE, ...ARABIC] : BASE;
  const extra = [...used].filter((cp) => cp > 0x20 && !inRanges(cp, ranges)).sort((a, b) => a - b);
  const out: EmbeddedFace[] = [];
  for (const face of faces) {
    if (face.script === 'arabic' && !arabic) continue;
    const key = `${face.name}|${face.style}|${face.bytes.byteLength}|${arabic ? 1 : 0}|${extra.join(',')}`;
    let subset = cache.get(key);
    if (!subset) {
      const set: number[] = [...extra];
      for (const [a, b] of ranges) for (let cp = a; cp <= b; cp++) set.push(cp);
      subset = subsetFont(face.bytes, set);
      cache.set(key, subset);
      subset.catch(() => cache.delete(key));
    }
    out.push({ ...face, bytes: await subset });
  }
  return out;
}
