/**
 * pdf-lib compresses every stream (page contents, font subsets) with pako, a zlib written in
 * JavaScript: in a build it was the largest single cost of PDF writing, and a large source of
 * garbage. This points pdf-lib's pako `deflate` at Node's own zlib (same format, same default
 * level, 15-bit window), which is several times faster and allocates outside the JS heap.
 * Output stays deterministic for a given Node version (Node bundles its zlib). Large streams
 * are deflated once per process (byte-memo.ts).
 */
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { ByteMemo } from '../byte-memo.js';

interface Pako { deflate: (data: Uint8Array, options?: unknown) => Uint8Array; folioNative?: boolean }

const fromPdfLib = createRequire(createRequire(import.meta.url).resolve('pdf-lib'));
const pako = fromPdfLib('pako') as Pako;

/** Large streams (font subsets, images) recur across the documents of a build: deflated once. */
const deflatedStreams = new ByteMemo<Uint8Array>((bytes) => bytes.length);

if (!pako.folioNative) {
  pako.deflate = (data: Uint8Array, options?: unknown) => {
    if (options !== undefined) throw new Error('internal: pdf-lib asked for deflate options folio does not pass on');
    return deflatedStreams.get(data, (bytes) => {
      const out = deflateSync(bytes);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    });
  };
  pako.folioNative = true;
}
