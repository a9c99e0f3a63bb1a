/**
 * Bytes → text for XML files, following XML 1.0 Appendix F (autodetection of character
 * encodings): a byte order mark wins; without one, the first bytes tell UTF-16 from the
 * ASCII-compatible encodings, and the `encoding` of the XML declaration names the latter
 * (UTF-8 when absent). TMX files exported by Windows tools are often UTF-16 LE with a BOM.
 */
import type { FormatProblem } from './exchange.js';
import { FORMAT_RULES, formatProblem } from './format-rules.js';
import { placeFinder } from './text-place.js';

export type DecodedXml = { text: string; problem?: undefined } | { text?: undefined; problem: FormatProblem };

const RESAVE = 'Save the file as UTF-8 (or UTF-16 with a byte order mark) and import it again.';

export function decodeXmlBytes(bytes: Uint8Array): DecodedXml {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if ((b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) || (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00)) {
    return unsupported('UTF-32');
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'be');
  // `<` as UTF-16 without a byte order mark (Appendix F.1 names `<?`; a missing declaration is forgiven).
  if (b0 === 0x3c && b1 === 0x00 && b2 !== undefined && b3 === 0x00) return decodeUtf16(bytes, 'le');
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 !== undefined) return decodeUtf16(bytes, 'be');

  const declared = declaredEncoding(bytes);
  if (declared === undefined || /^utf-?8$/i.test(declared) || /^utf-?16/i.test(declared)) {
    // A UTF-16 label on bytes that are plainly not UTF-16 is a common mislabel: read them as UTF-8.
    return decodeUtf8(bytes);
  }
  if (/^(us-)?ascii$/i.test(declared)) return decodeUtf8(bytes);
  if (WINDOWS_1252_LABELS.test(declared)) return { text: decodeWindows1252(bytes) };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    return unsupported(declared);
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return {
      problem: formatProblem({ line: 1, column: 1 }, FORMAT_RULES.malformed, `The file is not valid ${declared}, the encoding its XML declaration names. ${RESAVE}`),
    };
  }
}

/** The `encoding="…"` of an XML declaration at the very start of ASCII-compatible bytes. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  return /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1];
}

/**
 * Labels the Encoding Standard (WHATWG, §4.2) maps to windows-1252. Decoded here: some Node
 * versions' TextDecoder reads them as ISO-8859-1, turning € ’ “ ” into C1 controls.
 */
const WINDOWS_1252_LABELS = /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|iso-ir-100|latin1|l1|ibm819|cp819|csisolatin1)$/i;

const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b));
    text += String.fromCharCode(...chunk);
  }
  return text;
}

function decodeUtf8(bytes: Uint8Array): DecodedXml {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, offset));
    const place = placeFinder(before)(before.length);
    return {
      problem: formatProblem(
        place,
        FORMAT_RULES.malformed,
        `The byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} here is not valid UTF-8, the encoding this file declares (or defaults to). ` +
          `The file was probably saved in another encoding (Windows-1252, Latin-1…) without saying so: ${RESAVE}`,
      ),
    };
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): DecodedXml {
  let le = bytes;
  if (order === 'be') {
    // Swapped by hand: not every Node build's TextDecoder knows utf-16be.
    le = new Uint8Array(bytes.length - (bytes.length % 2));
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      le[i] = bytes[i + 1]!;
      le[i + 1] = bytes[i]!;
    }
  }
  try {
    if (bytes.length % 2 !== 0) throw new Error('odd length');
    return { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le) };
  } catch {
    const lossy = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
    const bad = lossy.indexOf('\uFFFD');
    const place = placeFinder(lossy)(bad < 0 ? lossy.length : bad);
    return {
      problem: formatProblem(place, FORMAT_RULES.malformed, `The file starts as UTF-16 but is not valid UTF-16 here (a lone surrogate or a missing last byte); it may be truncated. ${RESAVE}`),
    };
  }
}

function unsupported(encoding: string): DecodedXml {
  return {
    problem: formatProblem({ line: 1, column: 1 }, FORMAT_RULES.malformed, `folio cannot read XML encoded as ${encoding}. ${RESAVE}`),
  };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 §4), or the length when none does. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
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
