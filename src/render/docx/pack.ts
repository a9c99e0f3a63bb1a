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

const encoder = new TextEncoder();

/** docx's compiler: the package's parts by path, before docx zips them (which folio redoes). */
type Compiler = { compile(file: File): Map<string, string | Uint8Array> };

/**
 * The document's parts. docx zips its parts (in JavaScript) and folio would unzip them only to
 * zip them again: the parts are taken from docx's compiler directly when it is there (the same
 * bytes), else from docx's zip.
 */
async function partsOf(document: File): Promise<Parts> {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  if (compiler && typeof compiler.compile === 'function') {
    const compiled = (compiler as Compiler).compile(document);
    return new Map([...compiled].map(([path, data]) => [path, typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)]));
  }
  return new Map(readZip(await Packer.toBuffer(document)).map((entry) => [entry.path, entry.data]));
}

export async function packDocx(document: File, options: PackOptions): Promise<Uint8Array> {
  const parts = await partsOf(document);
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
