/** The parts of an OPC package by path, with text access for the XML ones. */
export type Parts = Map<string, Uint8Array>;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function readPart(parts: Parts, path: string): string | undefined {
  const data = parts.get(path);
  return data === undefined ? undefined : decoder.decode(data);
}

export function writePart(parts: Parts, path: string, text: string): void {
  parts.set(path, encoder.encode(text));
}

/** The relationships part of a part (`word/document.xml` → `word/_rels/document.xml.rels`), OPC §9.3.2. */
export function relationshipsPath(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** The part a relationships part belongs to (the inverse of `relationshipsPath`). */
export function sourcePartPath(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
}
