/** Shared by the exchange-format tests: bytes in the encodings tools write, and models without places. */
import type { ExchangeFile, Memory } from '../../../src/translate/formats/exchange.js';

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function utf8WithBom(text: string): Uint8Array {
  return utf8(`\uFEFF${text}`);
}

/** UTF-16 little-endian, with a byte order mark unless told otherwise (Windows tools). */
export function utf16le(text: string, bom = true): Uint8Array {
  const body = bom ? `\uFEFF${text}` : text;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    out[2 * i] = body.charCodeAt(i) & 0xff;
    out[2 * i + 1] = body.charCodeAt(i) >> 8;
  }
  return out;
}

export function utf16be(text: string, bom = true): Uint8Array {
  const le = utf16le(text, bom);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1]!;
    out[i + 1] = le[i]!;
  }
  return out;
}

/** The file as read, less the places readers add (they are not part of what was written). */
export function withoutPlaces(file: ExchangeFile | undefined): ExchangeFile | undefined {
  if (!file) return file;
  return { ...file, units: file.units.map(({ line: _line, column: _column, ...unit }) => unit) };
}

export function memoryWithoutPlaces(memory: Memory | undefined): Memory | undefined {
  if (!memory) return memory;
  return { ...memory, entries: memory.entries.map(({ line: _line, column: _column, ...entry }) => entry) };
}
