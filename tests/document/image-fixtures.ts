/**
 * Builders of PNG and JPEG files, well-formed or broken on purpose, for the image checks' tests
 * and the security cases (tests/security/cases/*\/setup.ts). PNG: W3C PNG spec §5, §11.2.2;
 * JPEG: ITU-T T.81 Annex B (structure only: the scan data is filler, which is all pdf-lib reads).
 */
import { deflateSync } from 'node:zlib';
import { chunk, PNG_SIGNATURE } from '../../src/document/image-png.js';
import { ADAM7 } from '../../src/document/image-png-adam7.js';

export { chunk as pngChunk };

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface PngSpec {
  width: number;
  height: number;
  depth?: number;
  colourType?: number;
  interlace?: number;
  /** Replaces the IDAT payload (a zlib stream). */
  idat?: Uint8Array;
  /** Chunks put after IHDR (before IDAT), e.g. PLTE, tRNS, tEXt. */
  before?: Uint8Array[];
  /** Chunks put after IDAT, before IEND. */
  after?: Uint8Array[];
  /** Leave out IEND. */
  noEnd?: boolean;
  /** Leave out IDAT. */
  noData?: boolean;
  /** zlib level for the generated data (0: stored blocks). */
  level?: number;
}

export function ihdr(width: number, height: number, depth = 8, colourType = 2, interlace = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([depth, colourType, 0, 0, interlace], 8);
  return chunk('IHDR', data);
}

/** The scanlines a header needs (filter byte 0, samples following a simple pattern). */
export function rawScanlines(width: number, height: number, depth = 8, colourType = 2, interlace = 0): Uint8Array {
  const bpp = CHANNELS[colourType]! * depth;
  const passes = interlace === 0
    ? [[width, height]]
    : ADAM7.map(([x0, y0, dx, dy]) => [width > x0 ? Math.ceil((width - x0) / dx) : 0, height > y0 ? Math.ceil((height - y0) / dy) : 0]).filter(([w, h]) => w! > 0 && h! > 0);
  const parts: number[] = [];
  for (const [w, h] of passes) {
    const rowBytes = Math.ceil((w! * bpp) / 8);
    for (let y = 0; y < h!; y++) {
      parts.push(0);
      // Index 0 only for palettes, so that every index is inside a 1-entry palette.
      for (let x = 0; x < rowBytes; x++) parts.push(colourType === 3 ? 0 : (x * 37 + y * 11) & 0xff);
    }
  }
  return Uint8Array.from(parts);
}

export function makePngFile(spec: PngSpec): Uint8Array {
  const depth = spec.depth ?? 8;
  const colourType = spec.colourType ?? 2;
  const interlace = spec.interlace ?? 0;
  const idat = spec.idat ?? new Uint8Array(deflateSync(rawScanlines(spec.width, spec.height, depth, colourType, interlace), { level: spec.level ?? 6 }));
  const parts = [
    PNG_SIGNATURE,
    ihdr(spec.width, spec.height, depth, colourType, interlace),
    ...(spec.before ?? []),
    ...(spec.noData ? [] : [chunk('IDAT', idat)]),
    ...(spec.after ?? []),
    ...(spec.noEnd ? [] : [chunk('IEND', new Uint8Array(0))]),
  ];
  return Buffer.concat(parts);
}

/** A PNG whose header declares `width` × `height` but whose image data is a few bytes: cheap to make at any size. */
export function makeHugePngHeader(width: number, height: number): Uint8Array {
  return makePngFile({ width, height, idat: new Uint8Array(deflateSync(new Uint8Array(16))) });
}

/** A small PNG whose image data inflates to `bytes` bytes (far more than its header needs): a zip bomb. */
export function makeInflateBomb(bytes: number): Uint8Array {
  return makePngFile({ width: 16, height: 16, idat: new Uint8Array(deflateSync(Buffer.alloc(bytes), { level: 9 })) });
}

export interface JpegSpec {
  width: number;
  height: number;
  components?: number;
  /** The frame marker: 0xc0 baseline, 0xc1 extended, 0xc2 progressive, 0xc3 lossless, 0xc9 arithmetic… */
  sof?: number;
  precision?: number;
  /** Fill bytes (0xFF) before each marker after SOI. */
  fill?: number;
  noTables?: boolean;
  noFrame?: boolean;
  noScan?: boolean;
  noEnd?: boolean;
  /** Bytes after EOI. */
  trailer?: Uint8Array;
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

export function makeJpegFile(spec: JpegSpec): Uint8Array {
  const components = spec.components ?? 3;
  const fill = (n: number[]) => [...Array<number>(spec.fill ?? 0).fill(0xff), ...n];
  const bytes: number[] = [0xff, 0xd8];
  bytes.push(...fill(segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])));
  if (!spec.noTables) bytes.push(...fill(segment(0xdb, [0, ...Array<number>(64).fill(1)])));
  if (!spec.noFrame) {
    const frame = [spec.precision ?? 8, spec.height >> 8, spec.height & 0xff, spec.width >> 8, spec.width & 0xff, components];
    for (let c = 0; c < components; c++) frame.push(c + 1, 0x11, 0);
    bytes.push(...fill(segment(spec.sof ?? 0xc0, frame)));
  }
  bytes.push(...fill(segment(0xc4, [0, ...Array<number>(16).fill(0).map((_, i) => (i === 0 ? 1 : 0)), 0])));
  if (!spec.noScan) {
    const scan = [Math.min(components, 4)];
    for (let c = 0; c < Math.min(components, 4); c++) scan.push(c + 1, 0);
    scan.push(0, 63, 0);
    bytes.push(...fill(segment(0xda, scan)));
    // Entropy-coded filler, with a stuffed 0xFF 0x00 to show it is not a marker.
    bytes.push(0x12, 0x34, 0xff, 0x00, 0x56, 0x78);
  }
  if (!spec.noEnd) bytes.push(0xff, 0xd9);
  return Uint8Array.from([...bytes, ...(spec.trailer ?? [])]);
}

/** The packed samples of one scanline (§7.2): 16-bit big-endian, or several samples a byte, most significant bits first. */
function packRow(width: number, depth: number, channels: number, sample: (x: number, channel: number) => number): number[] {
  const bytes = new Array<number>(Math.ceil((width * channels * depth) / 8)).fill(0);
  let bit = 0;
  for (let x = 0; x < width; x++) {
    for (let c = 0; c < channels; c++) {
      const value = sample(x, c) & ((1 << depth) - 1);
      if (depth === 16) { bytes[bit >> 3] = value >> 8; bytes[(bit >> 3) + 1] = value & 0xff; } else if (depth === 8) bytes[bit >> 3] = value;
      else bytes[bit >> 3]! |= value << (8 - depth - (bit & 7));
      bit += depth;
    }
  }
  return bytes;
}

/** Applies filter `type` (§9.2) to a scanline, given the scanline above (both unfiltered). */
function filterRow(type: number, row: number[], previous: number[], bpp: number): number[] {
  return row.map((x, i) => {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = previous[i] ?? 0;
    const c = i >= bpp ? previous[i - bpp] ?? 0 : 0;
    const p = a + b - c;
    const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
    const predictor = [0, a, b, (a + b) >> 1, paeth][type]!;
    return (x - predictor) & 0xff;
  });
}

/**
 * The same picture as a plain PNG and as an interlaced one (Adam7, every filter type in turn),
 * for checking that de-interlacing gives back every pixel.
 */
export function makeInterlacedTwin(width: number, height: number, depth: number, colourType: number): { plain: Uint8Array; interlaced: Uint8Array } {
  const channels = CHANNELS[colourType]!;
  const sample = (x: number, y: number, c: number) => (colourType === 3 ? (x + y) % 2 : x * 37 + y * 11 + c * 101 + ((x * y) << 5));
  const plainRaw: number[] = [];
  for (let y = 0; y < height; y++) plainRaw.push(0, ...packRow(width, depth, channels, (x, c) => sample(x, y, c)));
  const interlacedRaw: number[] = [];
  const bpp = Math.max(1, (channels * depth) >> 3);
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0;
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0;
    if (w === 0 || h === 0) continue;
    let previous: number[] = [];
    for (let j = 0; j < h; j++) {
      const row = packRow(w, depth, channels, (i, c) => sample(x0 + i * dx, y0 + j * dy, c));
      const type = j % 5;
      interlacedRaw.push(type, ...filterRow(type, row, previous, bpp));
      previous = row;
    }
  }
  const before = colourType === 3 ? [chunk('PLTE', Uint8Array.of(0, 0, 0, 255, 255, 255))] : [];
  return {
    plain: makePngFile({ width, height, depth, colourType, before, idat: new Uint8Array(deflateSync(Uint8Array.from(plainRaw))) }),
    interlaced: makePngFile({ width, height, depth, colourType, interlace: 1, before, idat: new Uint8Array(deflateSync(Uint8Array.from(interlacedRaw))) }),
  };
}
