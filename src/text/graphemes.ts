/**
 * Grapheme cluster boundaries (UAX #29, extended grapheme clusters) through
 * `Intl.Segmenter`, one bounded window at a time.
 *
 * Why windows: V8's segment iterator gets slower the longer the segmented
 * string is (each step costs time in proportion to the string, so a
 * 100 000-character word took tens of seconds). A boundary decision depends
 * on the characters before it back to the previous boundary and on the one
 * character after it (UAX #29 §3.1.1: GB9c, GB11 and GB12–13 look back only),
 * so every boundary found strictly inside a window that starts at a true
 * boundary and does not end inside a surrogate pair is a true boundary; only
 * the window's own end is not. Each window restarts at the last boundary
 * found in the one before.
 */

let segmenter: Intl.Segmenter | undefined;

/** Characters per window: long enough for any ordinary cluster, short enough to stay cheap. */
const WINDOW = 256;

/**
 * Grapheme boundaries of `text[from, to)`, ascending: every boundary `b`
 * with `from < b < to`, then `to` itself. `from` must be a boundary.
 * `window` is for tests.
 */
export function graphemeBounds(text: string, from: number, to: number, window: number = WINDOW): number[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const bounds: number[] = [];
  let pos = from;
  let size = window;
  while (pos < to) {
    let end = Math.min(to, pos + size);
    if (end < to && isHighSurrogate(text.charCodeAt(end - 1)) && end - 1 > pos) end--;
    // A window grown past one huge cluster (a base with thousands of marks) is
    // read only up to that cluster's end: what follows may be many clusters.
    const firstOnly = size > window;
    let found = -1;
    for (const g of segmenter.segment(text.slice(pos, end))) {
      if (g.index === 0) continue;
      found = pos + g.index;
      bounds.push(found);
      if (firstOnly) break;
    }
    if (end === to && !(firstOnly && found >= 0)) break;
    if (found < 0) {
      size *= 2;
    } else {
      pos = found;
      size = window;
    }
  }
  bounds.push(to);
  return bounds;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
