/**
 * The Unicode Bidirectional Algorithm (UAX #9): levels per paragraph (see
 * bidi-levels.ts), and the line-level reordering (rule L2) of pieces of text.
 */
import { embeddingLevels } from './bidi-levels.js';

export interface BidiLevels {
  /** Embedding level per UTF-16 code unit. */
  levels: Uint8Array;
  /** Paragraph embedding level: 0 (LTR) or 1 (RTL). */
  baseLevel: number;
}

/** Characters that can make any level odd: R/AL letters and explicit bidi controls. */
const RTL_OR_CONTROL = /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udfff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udfff]/;

/**
 * Resolves embedding levels for one paragraph. `auto` takes the direction of
 * the first strong character (rules P2–P3; LTR when there is none). Forced
 * breaks (`\n`) and other paragraph separators are lines of the same bidi
 * paragraph, not new paragraphs: they are resolved as U+2028 LINE SEPARATOR
 * (class WS).
 */
export function resolveLevels(text: string, direction: 'ltr' | 'rtl' | 'auto'): BidiLevels {
  if (direction !== 'rtl' && !RTL_OR_CONTROL.test(text)) {
    // Nothing right-to-left: every level is 0 (the common case, kept cheap).
    return { levels: new Uint8Array(text.length), baseLevel: 0 };
  }
  return embeddingLevels(text, direction);
}

/**
 * Visual order of a line's items from their levels (UAX #9 L2): from the
 * highest level down to the lowest odd level, reverse every maximal run of
 * items at that level or higher. Returns item indices, left to right.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  if (levels.length < 2) return order;
  let max = 0;
  let minOdd = Infinity;
  for (const l of levels) {
    if (l > max) max = l;
    if (l & 1 && l < minOdd) minOdd = l;
  }
  if (minOdd === Infinity) return order;
  const lv = [...levels];
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < lv.length; ) {
      if (lv[i]! >= level) {
        let j = i;
        while (j < lv.length && lv[j]! >= level) j++;
        reverse(order, i, j);
        reverse(lv, i, j);
        i = j;
      } else {
        i++;
      }
    }
  }
  return order;
}

function reverse<T>(a: T[], from: number, to: number): void {
  for (let i = from, j = to - 1; i < j; i++, j--) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
