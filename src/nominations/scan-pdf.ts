/**
 * Measures a returned PDF before pdf-lib parses it: how many objects it has, and how much its
 * Flate-compressed streams (PDF 32000-1:2008 §7.4.4) expand to, decompressed with Node's zlib
 * under a budget (`maxOutputLength`), so that a few kilobytes that inflate to gigabytes cost a
 * few milliseconds and at most the budget in memory. The file is walked the way pdf-lib reads
 * it (object after object from the start, a stream body ending at `/Length` when `endstream`
 * follows, else at the matching `endstream`), so that what is measured is what it would decode.
 * Other filters, and Flate behind them, are left to the decoding budget of decode-budget.ts.
 */
import zlib from 'node:zlib';
import type { FormLimits } from './form-limits.js';
import { FORM_PROBLEMS, type FormProblem } from './form-problems.js';
import { PdfLexer, UNREADABLE, type PdfValue } from './pdf-syntax.js';

export interface PdfMeasure {
  /** Objects pdf-lib would create: indirect objects, plus those of object streams, or the cross-reference stream's entries when more. */
  objects: number;
  /** Bytes the Flate streams expand to, up to the budget. */
  inflated: number;
  /** Whether they expand to more than the budget (measuring stopped there). */
  overBudget: boolean;
}

const HEADER = /(?<![0-9])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
const STREAM_END = /(?:\r\n|\r|\n)?endstream|stream/g;
const STREAM = /stream/g;

/** The limit a form breaks, if any (`nominations/too-complex`, `nominations/too-large`). */
export function scanPdf(bytes: Uint8Array, limits: Pick<FormLimits, 'maxInflatedBytes' | 'maxObjects'>): FormProblem | undefined {
  const measure = measurePdf(bytes, limits.maxInflatedBytes, limits.maxObjects);
  if (measure.objects > limits.maxObjects) return FORM_PROBLEMS.tooComplex(measure.objects, limits.maxObjects);
  if (measure.overBudget) return FORM_PROBLEMS.inflatesTooMuch(limits.maxInflatedBytes);
  return undefined;
}

/**
 * The measure of a PDF. With `maxObjects`, a file with more object headers than that is not
 * walked further (its count is all that is needed to refuse it).
 */
export function measurePdf(bytes: Uint8Array, budget: number, maxObjects = Infinity): PdfMeasure {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');

  // Every object header: where its object starts and where the next header begins (no object
  // is read past it, so that reading every object costs no more than reading the file once),
  // and where each object number is last defined (a later definition wins, §7.5.6).
  const headers: { at: number; start: number }[] = [];
  const defined = new Map<number, number>();
  for (const match of text.matchAll(HEADER)) {
    headers.push({ at: match.index + match[0].length, start: match.index });
    defined.set(Number(match[1]), headers.length - 1);
  }
  if (headers.length > maxObjects) return { objects: headers.length, inflated: 0, overBudget: false };
  const endOf = (k: number) => headers[k + 1]?.start ?? text.length;
  const resolved = new Map<number, PdfValue | undefined>();
  const resolve = (value: PdfValue | undefined, depth = 0): PdfValue | undefined => {
    if (value?.kind !== 'ref' || depth > 8) return value;
    const k = defined.get(value.num);
    if (k === undefined) return undefined;
    if (!resolved.has(k)) {
      resolved.set(k, undefined); // a reference to itself resolves to nothing
      const target = new PdfLexer(text, headers[k]!.at, endOf(k)).value();
      if (target !== UNREADABLE) resolved.set(k, target);
    }
    return resolve(resolved.get(k), depth + 1);
  };

  // Where the keyword `stream` is: an object without one before the next header is no stream, and is not read at all.
  const keywords = Array.from(text.matchAll(STREAM), (m) => m.index);
  let next = 0;

  let packed = 0;
  let xrefEntries = 0;
  let inflated = 0;
  let overBudget = false;
  let cursor = 0;
  for (const [k, { at }] of headers.entries()) {
    if (at < cursor) continue; // inside a stream body already walked
    while (next < keywords.length && keywords[next]! < at) next++;
    if (next >= keywords.length || keywords[next]! >= endOf(k)) continue;
    const lexer = new PdfLexer(text, at, endOf(k));
    const value = lexer.value();
    if (value === UNREADABLE) continue;
    cursor = lexer.pos;
    if (value.kind !== 'dict') continue;
    const start = streamStart(text, lexer);
    if (start === undefined) continue;
    const end = streamEnd(text, start, value.entries.get('Length'));
    cursor = end;

    const type = resolve(value.entries.get('Type'));
    if (type?.kind === 'name' && type.name === 'ObjStm') packed += count(resolve(value.entries.get('N')));
    if (type?.kind === 'name' && type.name === 'XRef') xrefEntries += xrefLength(value.entries, resolve);

    if (overBudget) continue;
    let data: Buffer = buffer.subarray(start, end);
    for (const filter of filters(value.entries.get('Filter'), resolve)) {
      if (filter !== 'FlateDecode') break;
      const remaining = budget - inflated;
      const out = inflate(data, remaining);
      if (out === 'over') {
        overBudget = true;
        break;
      }
      if (out === undefined) break; // not zlib data: pdf-lib's own decoder fails on it too
      inflated += out.length;
      data = out;
    }
  }
  return { objects: Math.max(headers.length + packed, xrefEntries), inflated, overBudget };
}

/** After `>>`: `stream` and its end of line, as pdf-lib accepts them (§7.3.8.1 asks for CRLF or LF). */
function streamStart(text: string, lexer: PdfLexer): number | undefined {
  lexer.skipSpace();
  if (!text.startsWith('stream', lexer.pos)) return undefined;
  let pos = lexer.pos + 'stream'.length;
  if (text.startsWith(' \r\n', pos)) pos += 3;
  else if (text.startsWith('\r\n', pos)) pos += 2;
  else if (text[pos] === '\r' || text[pos] === '\n') pos += 1;
  return pos;
}

/** The end of a stream body: `/Length` when `endstream` follows it there, else the matching `endstream` (or the end of the file). */
function streamEnd(text: string, start: number, length: PdfValue | undefined): number {
  if (length?.kind === 'number' && Number.isInteger(length.value) && length.value >= 0 && start + length.value <= text.length) {
    const after = new PdfLexer(text, start + length.value);
    after.skipSpace();
    if (text.startsWith('endstream', after.pos)) return start + length.value;
  }
  let nesting = 1;
  STREAM_END.lastIndex = start;
  for (let match = STREAM_END.exec(text); match; match = STREAM_END.exec(text)) {
    nesting += match[0] === 'stream' ? 1 : -1;
    if (nesting === 0) return match.index;
  }
  return text.length;
}

/** The filter names of a stream, in order (§7.3.8.2 Table 5, Filter). */
function filters(value: PdfValue | undefined, resolve: (v: PdfValue | undefined) => PdfValue | undefined): string[] {
  const filter = resolve(value);
  if (filter?.kind === 'name') return [filter.name];
  if (filter?.kind === 'array') return filter.items.map((item) => resolve(item)).map((item) => (item?.kind === 'name' ? item.name : '?'));
  // A reference this reader cannot resolve: measured as Flate, which zlib refuses at once if it is not.
  if (value?.kind === 'ref') return ['FlateDecode'];
  return [];
}

/** Zlib data inflated to at most `limit` bytes; 'over' beyond it; undefined when it is not zlib data. A cut-off stream counts what it holds. */
function inflate(data: Buffer, limit: number): Buffer | 'over' | undefined {
  try {
    const out = zlib.inflateSync(data, { maxOutputLength: Math.max(1, limit), finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return out.length > limit ? 'over' : out;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
    return undefined;
  }
}

function count(value: PdfValue | undefined): number {
  return value?.kind === 'number' && value.value > 0 ? value.value : 0;
}

/** Entries of a cross-reference stream (§7.5.8.2): the lengths in /Index, else /Size. */
function xrefLength(entries: Map<string, PdfValue>, resolve: (v: PdfValue | undefined) => PdfValue | undefined): number {
  const index = resolve(entries.get('Index'));
  if (index?.kind === 'array') return index.items.filter((_, i) => i % 2 === 1).reduce((sum, item) => sum + count(resolve(item)), 0);
  return count(resolve(entries.get('Size')));
}
