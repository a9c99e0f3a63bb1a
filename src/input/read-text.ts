/**
 * Text files from outside folio (configuration, sources, templates, stores, participants)
 * decoded strictly: bytes that are not valid in the file's encoding are a diagnostic with the
 * line and column of the first bad byte, never U+FFFD characters printed in a document or
 * written back into a store. UTF-8 is expected; a byte-order mark says UTF-16 (read), and a
 * store may declare another charset in its header (read with that charset).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatBytes } from './limits.js';

export type Decoded = { text: string; encoding: string } | { diagnostic: Diagnostic };

const SAVE_AS_UTF8 = 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8), then run again.';

/**
 * Decodes a text file's bytes. `declared` is the charset the file names for itself (a PO
 * header's `charset=`); without one, UTF-8. The BOM, when there is one, wins.
 */
export function decodeText(bytes: Uint8Array, file: string, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith(bytes.subarray(3), file, 'utf-8');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    if (bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0) {
      return { diagnostic: diagnostic({ file }, 'error', 'encoding/unsupported', `The file is encoded in UTF-32, which folio does not read. ${SAVE_AS_UTF8}`) };
    }
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) {
      return { diagnostic: diagnostic({ file }, 'error', 'encoding/invalid', `The file starts with a ${encoding.toUpperCase()} byte-order mark but has an odd number of bytes: it is truncated or not UTF-16. ${SAVE_AS_UTF8}`) };
    }
    return decodeWith(bytes.subarray(2), file, encoding);
  }
  const label = normaliseLabel(declared);
  if (label !== 'utf-8') {
    try {
      new TextDecoder(label);
    } catch {
      return { diagnostic: diagnostic({ file }, 'error', 'encoding/unsupported', `The file declares the charset "${declared}", which folio does not know. Declare charset=UTF-8 and save the file as UTF-8.`) };
    }
  }
  if (label === 'utf-8' || label === 'utf-16le' || label === 'utf-16be') {
    const nul = bytes.indexOf(0);
    if (nul !== -1 && label === 'utf-8') {
      const { line, column } = placeOfByte(bytes, nul);
      const utf16 = looksLikeUtf16(bytes);
      return {
        diagnostic: diagnostic({ file, line, column }, 'error', 'encoding/invalid', utf16
          ? `The file looks like UTF-16 without a byte-order mark (every other byte is 0), which folio cannot tell apart from binary data. ${SAVE_AS_UTF8}`
          : `The file holds a NUL byte at line ${line}, column ${column}: it is not a text file, or it is damaged. ${SAVE_AS_UTF8}`),
      };
    }
  }
  return decodeWith(bytes, file, label);
}

function decodeWith(bytes: Uint8Array, file: string, encoding: string): Decoded {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    if (encoding !== 'utf-8') {
      return { diagnostic: diagnostic({ file }, 'error', 'encoding/invalid', `The file is not valid ${encoding.toUpperCase()}. ${SAVE_AS_UTF8}`) };
    }
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = placeOfByte(bytes, bad);
    const shown = [...bytes.subarray(bad, bad + 1)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    const guess = new TextDecoder('windows-1252').decode(bytes.subarray(bad, bad + 1));
    const hint = /\p{L}/u.test(guess) ? ` (in Latin-1 / Windows-1252 it would be "${guess}": the file was probably saved in that encoding)` : '';
    return {
      diagnostic: diagnostic({ file, line, column }, 'error', 'encoding/invalid',
        `The file is not valid UTF-8: the byte ${shown} at line ${line}, column ${column} is not part of a UTF-8 character${hint}. ${SAVE_AS_UTF8}`),
    };
  }
}

function normaliseLabel(label: string | undefined): string {
  const l = (label ?? 'utf-8').trim().toLowerCase();
  return l === 'utf8' || l === 'utf-8' || l === 'charset' || l === '' ? 'utf-8' : l;
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return n >= 4 && zeros >= n / 3;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; } else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; } else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line, and column in characters, of a byte offset (the text before it being valid UTF-8). */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: [...before].length + 1 };
}

export type FileReading = { bytes: Uint8Array } | { diagnostic: Diagnostic } | { missing: true };

/**
 * Reads a file that must be a regular file of at most `maxBytes`: a folder, FIFO or device is
 * refused without blocking on it (opened non-blocking, then checked), a larger file is refused
 * with the limit named. `shown` is the name printed in messages; `what` says what the file is.
 */
export async function readBoundedFile(file: string, shown: string, maxBytes: number, what = 'file'): Promise<FileReading> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    return { diagnostic: diagnostic({ file: shown }, 'error', 'input/unreadable', `The ${what} ${shown} cannot be read (${code ?? String(error)}): check that it is a file and that it can be read.`) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      return { diagnostic: diagnostic({ file: shown }, 'error', 'input/not-a-file', `The ${what} ${shown} is ${stat.isDirectory() ? 'a folder' : 'not a regular file (a pipe, socket or device)'}: folio only reads regular files. Replace it with the file itself.`) };
    }
    if (stat.size > maxBytes) {
      return { diagnostic: diagnostic({ file: shown }, 'error', 'limit/file-size', `The ${what} ${shown} is ${formatBytes(stat.size)}, over folio's limit of ${formatBytes(maxBytes)} for such a file: split it, or check that it is the right file.`) };
    }
    // Read at most one byte past the limit, in case the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      return { diagnostic: diagnostic({ file: shown }, 'error', 'limit/file-size', `The ${what} ${shown} is over folio's limit of ${formatBytes(maxBytes)} for such a file.`) };
    }
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } finally {
    await handle.close();
  }
}

/** Reads and decodes a bounded text file (see readBoundedFile and decodeText). */
export async function readTextFile(file: string, shown: string, maxBytes: number, what = 'file'): Promise<{ text: string } | { diagnostic: Diagnostic } | { missing: true }> {
  const read = await readBoundedFile(file, shown, maxBytes, what);
  if (!('bytes' in read)) return read;
  const decoded = decodeText(read.bytes, shown);
  return 'text' in decoded ? { text: decoded.text } : decoded;
}
