/**
 * A minimal ZIP reader and a deterministic ZIP writer, enough for OPC packages (DOCX).
 *
 * Follows the PKWARE APPNOTE 6.3.x: local file header (4.3.7), central directory
 * file header (4.3.12), end of central directory record (4.3.16); methods 0 (stored)
 * and 8 (deflated) only, no ZIP64, no encryption, no data descriptors.
 *
 * Written here rather than taken from a package because docx 9.15 zips with fflate,
 * which stamps every entry with the current time, and folio must give the same bytes
 * for the same document.
 */
import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import { ByteMemo } from '../byte-memo.js';

/** One file in a ZIP archive. */
export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

/** Fixed options for every deflated entry, so the bytes depend on the content alone. */
const DEFLATE_OPTIONS = {
  level: 6, // zlib's default: within 2 % of level 9 on DOCX XML, at half the time
  windowBits: 15,
  memLevel: 8,
  strategy: constants.Z_DEFAULT_STRATEGY,
} as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 11 of the general purpose flag: file names are UTF-8 (APPNOTE 4.4.4). */
const UTF8_FLAG = 0x0800;
/** "version needed to extract": 2.0, for deflate (APPNOTE 4.4.3). */
const VERSION = 20;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as APPNOTE 4.4.7 requires). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * MS-DOS date and time (APPNOTE 4.4.6) of a date, read in UTC so that the result does
 * not depend on the machine's time zone. Clamped to the DOS range 1980–2107.
 */
export function dosDateTime(date: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const clampedLow = date.getUTCFullYear() < 1980;
  const month = clampedLow ? 1 : date.getUTCMonth() + 1;
  const day = clampedLow ? 1 : date.getUTCDate();
  const hours = clampedLow ? 0 : date.getUTCHours();
  const minutes = clampedLow ? 0 : date.getUTCMinutes();
  const seconds = clampedLow ? 0 : date.getUTCSeconds();
  return {
    date: ((year - 1980) << 9) | (month << 5) | day,
    time: (hours << 11) | (minutes << 5) | (seconds >> 1),
  };
}

/**
 * An entry's deflated bytes and CRC, computed once per process for large entries: the
 * documents of a build embed the same font subsets again and again.
 */
const deflatedEntries = new ByteMemo<{ deflated: Uint8Array; crc: number }>((r) => r.deflated.length);

function compressed(data: Uint8Array): { deflated: Uint8Array; crc: number } {
  return deflatedEntries.get(data, (bytes) => {
    const out = deflateRawSync(bytes, DEFLATE_OPTIONS);
    return { deflated: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), crc: crc32(bytes) };
  });
}

/**
 * Writes a ZIP archive with the entries in the order given, every entry stamped with
 * `modified`, each deflated with fixed options (or stored when deflating does not make
 * it smaller). The same entries and date always give the same bytes.
 */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  const { date, time } = dosDateTime(modified);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const { deflated, crc } = compressed(entry.data);
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const method = stored ? 0 : 8;

    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, VERSION, true);
    lv.setUint16(6, UTF8_FLAG, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, VERSION, true); // version made by: MS-DOS, 2.0
    cv.setUint16(6, VERSION, true);
    cv.setUint16(8, UTF8_FLAG, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, entry.data.length, true);
    cv.setUint16(28, name.length, true);
    // extra length, comment length, disk number, internal and external attributes: 0
    cv.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_OF_CENTRAL, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/** Reads every file of a ZIP archive (stored or deflated entries), in central directory order. */
export function readZip(zip: Uint8Array): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = findEndOfCentralDirectory(view);
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`Corrupt ZIP: no central directory header at byte ${at}`);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const path = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/')) continue;

    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const body = zip.subarray(dataAt, dataAt + compressedSize);
    let data: Uint8Array;
    if (method === 0) data = body.slice();
    else if (method === 8) data = new Uint8Array(inflateRawSync(body));
    else throw new Error(`Unsupported ZIP compression method ${method} for ${path}`);
    if (data.length !== size) throw new Error(`Corrupt ZIP: ${path} is ${data.length} bytes, the directory says ${size}`);
    entries.push({ path, data });
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL) return at;
  }
  throw new Error('Not a ZIP archive: no end of central directory record');
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
