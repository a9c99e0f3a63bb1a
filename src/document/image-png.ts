/**
 * Checks a PNG file completely without decoding its pixels, and rewrites it with only the
 * chunks that pdf-lib's decoder (UPNG) reads safely.
 *
 * Follows the PNG specification (W3C, 2nd edition = ISO/IEC 15948): the signature (§5.2),
 * chunk layout and CRCs (§5.3, §5.5), chunk order (§5.6), IHDR and the allowed bit depth /
 * colour type pairs (§11.2.2), PLTE (§11.2.3), tRNS (§11.3.2.1), the zlib stream of the
 * concatenated IDAT chunks (§10) and its exact length: one filter-type byte (0–4, §9.2)
 * per scanline of the image or of each Adam7 pass (§8.2).
 *
 * Why rewrite: UPNG trusts the file. Text chunks without a NUL make it loop forever, an APNG
 * frame header makes it allocate whatever the frame declares, `hIST` before `PLTE` throws,
 * and it mis-sizes interlaced images (image-png-adam7.ts). The rewritten file keeps IHDR,
 * PLTE, tRNS, the image data (de-interlaced) and IEND, which is all pdf-lib uses; DOCX gets
 * the same bytes.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { ADAM7, deinterlace, passSize } from './image-png-adam7.js';
import { checkDimensions, concatBytes, problem, type ImageCheck, type ImageLimits, type ImageProblem } from './image-check.js';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Channels per colour type (§11.2.2, Table 11.1); undefined for types that do not exist. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The bit depths allowed for each colour type (§11.2.2, Table 11.1). */
const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const COLOUR_TYPE_NAMES: Record<number, string> = { 0: 'greyscale', 2: 'truecolour', 3: 'indexed-colour', 4: 'greyscale with alpha', 6: 'truecolour with alpha' };

const EXPORT_AGAIN = 'Open it in an image editor and export it again as PNG.';

interface Header {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlace: number;
}

export function checkPng(bytes: Uint8Array, limits: ImageLimits): ImageCheck {
  const corrupt = (detail: string) => problem('image/corrupt', `it is a damaged PNG (${detail}). ${EXPORT_AGAIN}`);
  for (let i = 0; i < PNG_SIGNATURE.length; i++) {
    if (bytes[i] !== PNG_SIGNATURE[i]) return corrupt(bytes.length < PNG_SIGNATURE.length ? 'the file ends inside the signature' : 'its signature is altered, as by a transfer in text mode');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatDone = false;
  let ended = false;
  let offset = PNG_SIGNATURE.length;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) return corrupt('the file ends inside a chunk header: it is truncated');
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) return corrupt(`a chunk at byte ${offset} has no valid type`);
    if (length > 0x7fffffff || offset + 12 + length > bytes.length) return corrupt(`the chunk ${type} ends after the end of the file: it is truncated`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      return corrupt(`the checksum of the chunk ${type} is wrong`);
    }
    offset += 12 + length;
    if (!header && type !== 'IHDR') return corrupt('it does not start with an IHDR chunk');
    if (idat.length > 0 && type !== 'IDAT') idatDone = true;
    switch (type) {
      case 'IHDR': {
        if (header) return corrupt('it has two IHDR chunks');
        if (length !== 13) return corrupt(`its IHDR chunk is ${length} bytes long instead of 13`);
        const read = readHeader(data, limits);
        if ('problem' in read) return read;
        header = read;
        break;
      }
      case 'PLTE':
        if (palette || idat.length > 0) return corrupt('its palette (PLTE) is repeated or comes after the image data');
        if (length === 0 || length % 3 !== 0 || length > 256 * 3) return corrupt(`its palette is ${length} bytes long, not 3 bytes for each of 1 to 256 colours`);
        if (header!.colourType === 0 || header!.colourType === 4) return corrupt('it is a greyscale image with a palette');
        palette = data;
        break;
      case 'tRNS': {
        if (idat.length > 0) return corrupt('its transparency (tRNS) comes after the image data');
        const expected = header!.colourType === 0 ? 2 : header!.colourType === 2 ? 6 : undefined;
        if (header!.colourType === 3) {
          if (!palette || length > palette.length / 3) return corrupt('its transparency (tRNS) has more entries than its palette, or comes before it');
        } else if (expected === undefined) {
          break; // not allowed with an alpha channel (§11.3.2.1); nothing reads it, leave it out
        } else if (length !== expected) {
          return corrupt(`its transparency (tRNS) is ${length} bytes long instead of ${expected}`);
        }
        transparency = data;
        break;
      }
      case 'IDAT':
        if (idatDone) return corrupt('its image data (IDAT) is split by other chunks');
        idat.push(data);
        break;
      case 'IEND':
        ended = true;
        break;
      case 'acTL':
      case 'fcTL':
      case 'fdAT':
        return problem('image/format', 'it is an animated PNG (APNG); folio prints still images only. Export the frame you want as a PNG.');
      default:
        // Bit 5 of the first byte clear: a critical chunk, which a decoder must understand (§5.4).
        if ((type.charCodeAt(0) & 0x20) === 0) {
          return problem('image/format', `it holds the chunk ${type}, which is not part of PNG: it is not a standard PNG. ${EXPORT_AGAIN}`);
        }
        break; // ancillary chunks (text, colour profile, resolution…) are left out
    }
    if (ended) break;
  }
  if (!header) return corrupt('it has no IHDR chunk');
  if (header.colourType === 3 && !palette) return corrupt('it is an indexed-colour image without a palette (PLTE)');
  if (idat.length === 0) return corrupt('it has no image data (IDAT): it is truncated');
  if (!ended) return corrupt('it has no IEND chunk: it is truncated');

  const compressed = concatBytes(idat);
  const raw = inflateImageData(compressed, header);
  if ('problem' in raw) return raw;
  const ihdr = bytes.slice(PNG_SIGNATURE.length + 8, PNG_SIGNATURE.length + 8 + 13);
  let data = compressed;
  if (header.interlace === 1) {
    ihdr[12] = 0;
    data = new Uint8Array(deflateSync(deinterlace(raw.raw, header.width, header.height, CHANNELS[header.colourType]! * header.depth)));
  }
  return {
    image: {
      data: rebuild(ihdr, palette, transparency, data),
      format: 'png',
      width: header.width,
      height: header.height,
    },
  };
}

function readHeader(data: Uint8Array, limits: ImageLimits): Header | { problem: ImageProblem } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const [depth, colourType, compression, filter, interlace] = [data[8]!, data[9]!, data[10]!, data[11]!, data[12]!];
  if (width > 0x7fffffff || height > 0x7fffffff) return problem('image/corrupt', `it is a damaged PNG (its header declares ${width} × ${height} pixels, more than PNG allows). ${EXPORT_AGAIN}`);
  const size = checkDimensions('PNG', width, height, limits);
  if (size) return size;
  const depths = DEPTHS[colourType];
  if (!depths) return problem('image/format', `it is a PNG of colour type ${colourType}, which does not exist (0, 2, 3, 4 and 6 do). ${EXPORT_AGAIN}`);
  if (!depths.includes(depth)) {
    return problem('image/format', `it is a ${COLOUR_TYPE_NAMES[colourType]} PNG with ${depth} bits per sample; that kind of PNG has ${depths.join(', ')}. ${EXPORT_AGAIN}`);
  }
  if (compression !== 0 || filter !== 0) return problem('image/format', `it is a PNG with compression method ${compression} and filter method ${filter}; only 0 and 0 exist. ${EXPORT_AGAIN}`);
  if (interlace > 1) return problem('image/format', `it is a PNG with interlace method ${interlace}; only 0 (none) and 1 (Adam7) exist. ${EXPORT_AGAIN}`);
  return { width, height, depth, colourType, interlace };
}

/** The scanlines of the image (one, or seven passes for Adam7): [width, height] of each non-empty one. */
function passes(header: Header): [number, number][] {
  if (header.interlace === 0) return [[header.width, header.height]];
  return ADAM7.map((pass) => passSize(header.width, header.height, pass)).filter(([w, h]) => w > 0 && h > 0);
}

/**
 * The zlib stream must inflate to exactly the bytes the header implies (a filter byte and
 * the packed samples of every scanline). Inflating stops at that size, so a small file that
 * would inflate to gigabytes (a "zip bomb") costs no more memory than an honest one.
 */
function inflateImageData(compressed: Uint8Array, header: Header): { raw: Uint8Array } | { problem: ImageProblem } {
  const bitsPerPixel = CHANNELS[header.colourType]! * header.depth;
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8);
  const lines = passes(header);
  const expected = lines.reduce((sum, [w, h]) => sum + h * (1 + rowBytes(w)), 0);
  let raw: Buffer;
  try {
    raw = inflateSync(compressed, { maxOutputLength: expected });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return problem('image/corrupt', `it is a damaged PNG (its image data decompresses to more than the ${expected} bytes its header declares). ${EXPORT_AGAIN}`);
    }
    const detail = code === 'Z_BUF_ERROR' ? 'its image data ends too early: the file is truncated' : 'its compressed image data is damaged';
    return problem('image/corrupt', `it is a damaged PNG (${detail}). ${EXPORT_AGAIN}`);
  }
  if (raw.length !== expected) {
    return problem('image/corrupt', `it is a damaged PNG (its image data decompresses to ${raw.length} bytes, its header needs ${expected}: it is truncated). ${EXPORT_AGAIN}`);
  }
  let at = 0;
  for (const [w, h] of lines) {
    const stride = 1 + rowBytes(w);
    for (let y = 0; y < h; y++, at += stride) {
      if (raw[at]! > 4) return problem('image/corrupt', `it is a damaged PNG (a scanline has the filter type ${raw[at]}, which does not exist). ${EXPORT_AGAIN}`);
    }
  }
  return { raw };
}

function rebuild(ihdr: Uint8Array, palette: Uint8Array | undefined, transparency: Uint8Array | undefined, idat: Uint8Array): Uint8Array {
  const chunks = [chunk('IHDR', ihdr), ...(palette ? [chunk('PLTE', palette)] : []), ...(transparency ? [chunk('tRNS', transparency)] : []), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  return concatBytes([PNG_SIGNATURE, ...chunks]);
}

/** A chunk: length, type, data, CRC of type and data (§5.3). */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}


let crcTable: Uint32Array | undefined;

/** CRC-32 as PNG computes it (ISO 3309, PNG spec Annex D). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
