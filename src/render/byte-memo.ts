/**
 * Work on large byte strings done once per process. The documents of a build embed the same
 * font subsets and logos again and again (letters, forms and packs of one language share
 * them), and deflating them was a measurable part of a cold build: large inputs are found
 * again by their SHA-1 and given the result computed the first time. Only pure work belongs
 * here (the result depends on the bytes alone), so the output is the same with or without it.
 */
import { createHash } from 'node:crypto';

/** By default, inputs smaller than this are not worth the hash. */
const REMEMBER_FROM = 16 * 1024;
/** By default, bytes of results kept per memo. */
const KEPT_BYTES = 48 * 1024 * 1024;

export class ByteMemo<T> {
  private readonly kept = new Map<string, { result: T; size: number }>();
  private keptBytes = 0;

  constructor(
    /** Bytes held by a result (an estimate will do), given the input too. */
    private readonly sizeOf: (result: T, data: Uint8Array) => number,
    /** Inputs smaller than this are not worth the hash. */
    private readonly from = REMEMBER_FROM,
    /** Bytes of results kept; the oldest go first. */
    private readonly keep = KEPT_BYTES,
  ) {}

  /** `make(data)`, or the result it gave for the same bytes before. */
  get(data: Uint8Array, make: (data: Uint8Array) => T): T {
    if (data.length < this.from) return make(data);
    const key = `${data.length}:${createHash('sha1').update(data).digest('base64')}`;
    const known = this.kept.get(key);
    if (known !== undefined) return known.result;
    const made = make(data);
    const size = this.sizeOf(made, data);
    this.kept.set(key, { result: made, size });
    this.keptBytes += size;
    for (const [old, value] of this.kept) {
      if (this.keptBytes <= this.keep || old === key) break;
      this.kept.delete(old);
      this.keptBytes -= value.size;
    }
    return made;
  }
}
