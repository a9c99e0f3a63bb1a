/**
 * A budget on what pdf-lib's stream decoders may allocate while a returned form is read.
 * pdf-lib decodes object streams and cross-reference streams while it parses, with any filter
 * (Flate, LZW, RunLength, ASCII85, ASCIIHex, chained); their output buffers are typed arrays,
 * outside the JavaScript heap that the reader thread's memory limit bounds. Every decoder
 * grows its buffer through `DecodeStream.prototype.ensureBuffer` (a port of pdf.js's), so a
 * wrapper on that one method stops them all at the budget. Outside `withDecodeBudget` the
 * wrapper does nothing. The scan of scan-pdf.ts comes first; this is the backstop for what it
 * does not measure (other filters, streams it walked differently).
 */
import { createRequire } from 'node:module';

/** Thrown by pdf-lib's decoders, through the wrapper, when the budget is spent. */
export class DecodeBudgetError extends Error {
  constructor(budget: number) {
    super(`PDF streams decode to more than ${budget} bytes`);
    this.name = 'DecodeBudgetError';
  }
}

interface DecodeStreamLike {
  buffer: Uint8Array;
  minBufferLength: number;
  ensureBuffer(requested: number): Uint8Array;
}

let active: { budget: number; remaining: number } | undefined;

/** Whether the wrapper is in place (false if pdf-lib's layout is not the one known here). */
export const decodeBudgetInstalled: boolean = install();

function install(): boolean {
  try {
    const require = createRequire(import.meta.url);
    const DecodeStream = (require('pdf-lib/cjs/core/streams/DecodeStream.js') as { default?: { prototype: DecodeStreamLike } }).default;
    const original = DecodeStream?.prototype.ensureBuffer;
    if (!DecodeStream || typeof original !== 'function') return false;
    DecodeStream.prototype.ensureBuffer = function ensureBuffer(this: DecodeStreamLike, requested: number): Uint8Array {
      const capacity = this.buffer?.byteLength ?? 0;
      if (active && requested > capacity) {
        // The size the original is about to allocate (it doubles from minBufferLength): charged before it does.
        let size = Math.max(1, this.minBufferLength || 512);
        while (size < requested) size *= 2;
        active.remaining -= size - capacity;
        if (active.remaining < 0) throw new DecodeBudgetError(active.budget);
      }
      return original.call(this, requested);
    };
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with pdf-lib's decoders allowed `budget` bytes in all (one read at a time). Throws
 * DecodeBudgetError when they asked for more, even if `fn` went on: pdf-lib's parser catches
 * the error of a failing object and carries on with the next, but every decoder fails from
 * then on.
 */
export async function withDecodeBudget<T>(budget: number, fn: () => Promise<T>): Promise<T> {
  const previous = active;
  const mine = { budget, remaining: budget };
  active = mine;
  try {
    const value = await fn().catch((error: unknown) => {
      if (mine.remaining < 0) throw new DecodeBudgetError(budget);
      throw error;
    });
    if (mine.remaining < 0) throw new DecodeBudgetError(budget);
    return value;
  } finally {
    active = previous;
  }
}
