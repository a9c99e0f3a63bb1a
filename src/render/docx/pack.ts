/**
 * Packs a docx `Document` into DOCX bytes, deterministically: docx's own zip is read
 * back, its parts are fixed up (`transforms`), and the package is zipped again with
 * `[Content_Types].xml` and the package relationships first, the other parts sorted by
 * path, every entry dated `modified`, and fixed compression options.
 */
import { Packer, type File } from 'docx';
import type { Parts } from './parts.js';
import { readZip, writeZip } from './zip.js';

export interface PackOptions {
  /** The date every zip entry carries. */
  modified: Date;
  /** Fix-ups applied to the parts, in order. */
  transforms?: readonly ((parts: Parts) => void)[];
}

/** Parts that readers look for first (OPC §10.1.2.2 puts no order on parts; convention does). */
const FIRST = ['[Content_Types].xml', '_rels/.rels'];

export async function packDocx(document: File, options: PackOptions): Promise<Uint8Array> {
  const zipped = await Packer.toBuffer(document);
  const parts: Parts = new Map(readZip(zipped).map((entry) => [entry.path, entry.data]));
  for (const transform of options.transforms ?? []) transform(parts);
  return writeZip(orderParts(parts), options.modified);
}

export function orderParts(parts: Parts): { path: string; data: Uint8Array }[] {
  const rank = (path: string) => {
    const i = FIRST.indexOf(path);
    return i < 0 ? FIRST.length : i;
  };
  return [...parts.entries()]
    .map(([path, data]) => ({ path, data }))
    .sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
