/**
 * Hostile and damaged PDF files, made byte by byte (pdf-lib cannot write most of them): for
 * the tests of `collect`'s limits and for the security cases (tests/security/cases/*).
 */
import zlib from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/**
 * A PDF whose objects 1…n are `objects` (text, or bytes for stream bodies put in by the
 * caller), with a classic cross-reference table; object 1 should be the catalog.
 */
export function rawPdf(objects: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(latin1(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object: dictionary entries, then the body. */
export function streamObject(dict: string, body: Buffer): Buffer {
  return Buffer.concat([latin1(`<< ${dict} /Length ${body.length} >>\nstream\n`), body, latin1('\nendstream')]);
}

/**
 * Zlib data that inflates to `bytes` zero bytes (a multiple of 64 MB, or less), about 1 KB per
 * MB: blocks of a sync-flushed deflate of 64 MB of zeros repeated, which is valid deflate.
 */
export function zeroBomb(bytes: number): Buffer {
  const unit = Math.min(bytes, 64 * 1024 * 1024);
  const chunk = zlib.deflateRawSync(Buffer.alloc(unit), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const copies = Math.max(1, Math.round(bytes / unit));
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((((unit * copies) % 65521) << 16) | 1) >>> 0); // Adler-32 of zeros: a = 1, b = n mod 65521
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(copies).fill(chunk), Buffer.from([0x03, 0x00]), adler]);
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [3 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>';

/** A one-page PDF with an object stream that inflates to `bytes` (pdf-lib decodes object streams while it parses). */
export function objectStreamBomb(bytes: number, filters = '/FlateDecode'): Buffer {
  let body = zeroBomb(bytes);
  if (filters === '[/FlateDecode /FlateDecode]') body = zlib.deflateSync(body, { level: 9 });
  if (filters === '[/ASCIIHexDecode /FlateDecode]') body = Buffer.from(`${body.toString('hex')}>`, 'latin1');
  return rawPdf([CATALOG, PAGES, PAGE, streamObject(`/Type /ObjStm /N 1 /First 4 /Filter ${filters}`, body)]);
}

/** A one-page PDF with a content stream of exactly `inflated` bytes once inflated. */
export function pdfInflatingTo(inflated: number): Buffer {
  const content = Buffer.alloc(inflated, 0x20);
  return rawPdf([CATALOG, PAGES, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', streamObject('/Filter /FlateDecode', zlib.deflateSync(content))]);
}

/** A PDF of `count` indirect objects in all. */
export function pdfWithObjects(count: number): Buffer {
  const objects: string[] = [CATALOG, PAGES, PAGE];
  for (let i = objects.length; i < count; i++) objects.push('null');
  return rawPdf(objects);
}

/**
 * A PDF that stalls pdf-lib: `count` streams without `/Length` nor `endstream`. pdf-lib looks
 * for the end of each one up to the end of the file, gives up, and goes on with the next
 * object: time quadratic in the size.
 */
export function stallingPdf(count: number, padding = 200): Buffer {
  const objects: (string | Buffer)[] = [CATALOG, PAGES, PAGE];
  for (let i = 0; i < count; i++) objects.push(`<< >>\nstream\n${'x'.repeat(padding)}`);
  return rawPdf(objects);
}

/**
 * A PDF that needs far more memory to parse than its size: one array of `count` empty arrays
 * (two bytes each in the file, an object and an array in memory: 8 million fill a 256 MB heap).
 */
export function swellingPdf(count: number): Buffer {
  const arrays = Buffer.concat([latin1('<< /Junk ['), Buffer.alloc(count * 2, '[]'), latin1('] >>')]);
  return rawPdf([CATALOG, PAGES, PAGE, arrays]);
}

/** The form, saved with an encryption dictionary in its trailer (as a password-protected save has). */
export async function encryptedCopy(form: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(form);
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904, O: PDFName.of('x'), U: PDFName.of('x') });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  return doc.save({ useObjectStreams: false });
}

/** The form with its cross-reference table and `startxref` offset garbled (pdf-lib reads objects in order, and needs neither). */
export function brokenXref(form: Uint8Array): Buffer {
  const text = Buffer.from(form).toString('latin1');
  return latin1(text.replace(/\d{10} \d{5} n/g, '9999999999 00000 n').replace(/startxref\s+\d+/g, 'startxref\n123'));
}

/** Deterministic pseudo-random bytes (a linear congruential generator), for garbage files. */
export function garbage(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
