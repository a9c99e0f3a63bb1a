/**
 * Which characters an embedded face keeps: those the document prints (its text, header and
 * footer), with printable ASCII and Latin-1 for small edits, and — for a face of a
 * right-to-left script — the letters of the Arabic block. Faces whose script the document
 * never uses are not embedded.
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

export async function subsetFaces(model: DocumentModel, faces: readonly EmbeddedFace[]): Promise<EmbeddedFace[]> {
  if (faces.length === 0) return [];
  const text = textOf(model);
  const used = new Set<number>();
  for (const ch of text) used.add(ch.codePointAt(0)!);
  for (let cp = 0x20; cp <= 0x7e; cp++) used.add(cp);
  for (let cp = 0xa0; cp <= 0xff; cp++) used.add(cp);
  const arabic = [...used].some((cp) => cp >= 0x0600 && cp <= 0x06ff);
  if (arabic) for (let cp = 0x0621; cp <= 0x0652; cp++) used.add(cp);
  const out: EmbeddedFace[] = [];
  for (const face of faces) {
    if (face.script === 'arabic' && !arabic) continue;
    out.push({ ...face, bytes: await subsetFont(face.bytes, used) });
  }
  return out;
}
