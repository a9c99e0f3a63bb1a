/**
 * Turns the image data of an interlaced PNG into that of the same image without interlacing.
 *
 * pdf-lib's PNG decoder (UPNG) inflates an interlaced image into a buffer of
 * (row bytes + 2) × height bytes, which is too small for many sizes: the last pixels come out
 * black, and when the data is in stored (uncompressed) deflate blocks it throws. Without
 * interlacing, its buffer is exactly the right size.
 *
 * PNG spec §8.2 (Adam7 passes), §9.2 (filter types; reversed here), §7.2 (scanlines: samples
 * packed most significant bit first within a byte for depths under 8).
 */

/** Adam7 passes (§8.2): first column, first row, column step, row step. */
export const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

/** The size of a pass in pixels (0 × n when it has no pixels). */
export function passSize(width: number, height: number, pass: readonly [number, number, number, number]): [number, number] {
  const [x0, y0, dx, dy] = pass;
  return [width > x0 ? Math.ceil((width - x0) / dx) : 0, height > y0 ? Math.ceil((height - y0) / dy) : 0];
}

/**
 * `raw`: the inflated data of the seven passes, already checked to have the right length and
 * filter types. Returns the scanlines of the whole image, each with filter type 0.
 */
export function deinterlace(raw: Uint8Array, width: number, height: number, bitsPerPixel: number): Uint8Array {
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const out = new Uint8Array(height * (1 + rowBytes));
  const pixelBytes = Math.max(1, bitsPerPixel >> 3);
  let at = 0;
  for (const pass of ADAM7) {
    const [w, h] = passSize(width, height, pass);
    if (w === 0 || h === 0) continue;
    const [x0, y0, dx, dy] = pass;
    const passRowBytes = Math.ceil((w * bitsPerPixel) / 8);
    let previous: Uint8Array = new Uint8Array(passRowBytes);
    for (let j = 0; j < h; j++) {
      const row = unfilter(raw[at]!, raw.subarray(at + 1, at + 1 + passRowBytes), previous, pixelBytes);
      at += 1 + passRowBytes;
      const target = (y0 + j * dy) * (1 + rowBytes) + 1;
      for (let i = 0; i < w; i++) {
        const x = x0 + i * dx;
        if (bitsPerPixel >= 8) {
          out.set(row.subarray(i * pixelBytes, (i + 1) * pixelBytes), target + x * pixelBytes);
        } else {
          const mask = (1 << bitsPerPixel) - 1;
          const sample = (row[(i * bitsPerPixel) >> 3]! >> (8 - bitsPerPixel - ((i * bitsPerPixel) & 7))) & mask;
          out[target + ((x * bitsPerPixel) >> 3)]! |= sample << (8 - bitsPerPixel - ((x * bitsPerPixel) & 7));
        }
      }
      previous = row;
    }
  }
  return out;
}

/** Reverses one scanline's filter (§9.2): a = left, b = above, c = above left, in bytes. */
function unfilter(type: number, line: Uint8Array, previous: Uint8Array, bpp: number): Uint8Array {
  const row = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = previous[i]!;
    const c = i >= bpp ? previous[i - bpp]! : 0;
    let predictor = 0;
    if (type === 1) predictor = a;
    else if (type === 2) predictor = b;
    else if (type === 3) predictor = (a + b) >> 1;
    else if (type === 4) predictor = paeth(a, b, c);
    row[i] = (line[i]! + predictor) & 0xff;
  }
  return row;
}

/** The Paeth predictor (§9.4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
