/**
 * Subsets a TrueType font to a set of characters with HarfBuzz's subsetter (harfbuzzjs ships
 * it as `harfbuzz-subset.wasm`), keeping what an embedded DOCX font needs (cmap, name, OS/2,
 * layout tables): fontkit's subsets are made for PDF and have no cmap. Deterministic: the same
 * font and characters give the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface SubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;

let exportsPromise: Promise<SubsetExports> | undefined;

function load(): Promise<SubsetExports> {
  exportsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const file = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(file), {
      env: { emscripten_notify_memory_growth: () => undefined },
      wasi_snapshot_preview1: new Proxy({}, { get: () => () => 0 }),
    });
    return instance.exports as unknown as SubsetExports;
  })();
  return exportsPromise;
}

/** The font cut down to `codePoints` (and what they need: composites, ligatures, marks). */
export async function subsetFont(font: Uint8Array, codePoints: Iterable<number>): Promise<Uint8Array> {
  const x = await load();
  const data = x.malloc(font.byteLength);
  new Uint8Array(x.memory.buffer).set(font, data);
  const blob = x.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = x.hb_face_create(blob, 0);
  x.hb_blob_destroy(blob);
  const input = x.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error('HarfBuzz could not make a subset input.');
    const unicodes = x.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) x.hb_set_add(unicodes, cp);
    const subset = x.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('HarfBuzz could not subset the font.');
    const result = x.hb_face_reference_blob(subset);
    const length = x.hb_blob_get_length(result);
    const ptr = x.hb_blob_get_data(result, 0);
    const bytes = new Uint8Array(x.memory.buffer, ptr, length).slice();
    x.hb_blob_destroy(result);
    x.hb_face_destroy(subset);
    return bytes;
  } finally {
    if (input !== 0) x.hb_subset_input_destroy(input);
    x.hb_face_destroy(face);
    x.free(data);
  }
}
