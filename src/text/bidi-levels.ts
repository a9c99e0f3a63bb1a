/**
 * Embedding levels of one paragraph by the Unicode Bidirectional Algorithm
 * (UAX #9: P2–P3, X1–X10, W1–W7, N0–N2, I1–I2, L1), in time linear in the
 * length of the text.
 *
 * Ported from bidi-js 1.1.0 `getEmbeddingLevels` (Copyright (c) 2021 Jason
 * Johnston, MIT License, see node_modules/bidi-js/LICENSE.txt), which passes
 * the UAX #9 conformance tests. Its look-ups that scan the text made some
 * legal inputs quadratic (a long number in right-to-left text took seconds
 * per 40 000 characters, minutes per 200 000); they are replaced here:
 * W1 and W2 run as forward passes, FSI directions (X5c) and the isolating run
 * sequences (BD13) use isolate pairs found once, and L1's look-back over
 * trailing whitespace stops where the previous look-back reset. The levels
 * equal bidi-js's (tests/text/bidi-levels.test.ts compares them on random
 * text), with one deliberate difference: a folio paragraph is one bidi
 * paragraph, so paragraph separators (class B: `\n`, U+2029…) are resolved
 * as whitespace, like U+2028 LINE SEPARATOR.
 *
 * Here: P2–P3, X10 and I1–L1; X1–X8 are in bidi-explicit.ts, W1–N2 in
 * bidi-implicit.ts, the classes in bidi-classes.ts.
 */
import {
  AL,
  AN,
  B,
  bidiClass,
  EN,
  ISOLATE_INITIATOR,
  L,
  PDI,
  R,
  REMOVED_BY_X9,
  S,
  TRAILING,
  WS,
} from './bidi-classes.js';
import { explicitLevels } from './bidi-explicit.js';
import { resolveNeutralTypes, resolveWeakTypes } from './bidi-implicit.js';

interface LevelRun {
  start: number;
  end: number;
  level: number;
  startsWithPdi: boolean;
  endsWithIsolateInitiator: boolean;
}

/** Levels (one per UTF-16 code unit) and the paragraph level (0 or 1). */
export function embeddingLevels(text: string, direction: 'ltr' | 'rtl' | 'auto'): { levels: Uint8Array; baseLevel: number } {
  const n = text.length;
  const original = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = bidiClass(text[i]!);
    original[i] = t === B ? WS : t;
  }
  const types = original.slice();
  const levels = new Uint8Array(n);
  if (n === 0) return { levels, baseLevel: direction === 'rtl' ? 1 : 0 };

  // BD9: the PDI matching each isolate initiator, -1 when none.
  const matchingPdi = new Int32Array(n).fill(-1);
  {
    const open: number[] = [];
    for (let i = 0; i < n; i++) {
      if (types[i]! & ISOLATE_INITIATOR) open.push(i);
      else if (types[i] === PDI && open.length > 0) matchingPdi[open.pop()!] = i;
    }
  }
  /** P2–P3: 1 if the first strong character from `start` (skipping isolates) is R or AL. */
  const firstStrongLevel = (start: number, inIsolate: boolean): number => {
    for (let i = start; i < n; i++) {
      const t = types[i]!;
      if (t & (R | AL)) return 1;
      if (t & L || (inIsolate && t === PDI)) return 0;
      if (t & ISOLATE_INITIATOR) {
        const pdi = matchingPdi[i]!;
        i = pdi < 0 ? n : pdi;
      }
    }
    return 0;
  };
  const baseLevel = direction === 'rtl' ? 1 : direction === 'ltr' ? 0 : firstStrongLevel(0, false);

  // === X1–X8: explicit levels and directions ===
  // For each valid isolate, the initiator's PDI and the PDI's initiator.
  const isolatePair = new Int32Array(n).fill(-1);
  explicitLevels(text, types, levels, baseLevel, isolatePair, firstStrongLevel);

  // === X10 (BD13): isolating run sequences ===
  const runs: LevelRun[] = [];
  const runAt = new Map<number, number>();
  let current: LevelRun | undefined;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t & REMOVED_BY_X9) continue;
    const isInitiator = (t & ISOLATE_INITIATOR) !== 0;
    if (current && levels[i] === current.level) {
      current.end = i;
      current.endsWithIsolateInitiator = isInitiator;
    } else {
      current = { start: i, end: i, level: levels[i]!, startsWithPdi: t === PDI, endsWithIsolateInitiator: isInitiator };
      runAt.set(i, runs.length);
      runs.push(current);
    }
  }
  // sos and eos of every sequence first: resolving a sequence changes the
  // classes the look-arounds of the others skip.
  const sequences: { indices: number[]; sos: number; eos: number }[] = [];
  for (const run of runs) {
    if (run.startsWithPdi && isolatePair[run.start]! >= 0) continue;
    const indices: number[] = [];
    for (let r: LevelRun | undefined = run; r; ) {
      for (let j = r.start; j <= r.end; j++) indices.push(j);
      const pdi: number = r.endsWithIsolateInitiator ? isolatePair[r.end]! : -1;
      const next: number | undefined = pdi >= 0 ? runAt.get(pdi) : undefined;
      r = next === undefined ? undefined : runs[next];
    }
    // The higher of the sequence's level and the level next to it.
    const first = indices[0]!;
    const last = indices[indices.length - 1]!;
    let before = baseLevel;
    for (let i = first - 1; i >= 0; i--) {
      if (!(types[i]! & REMOVED_BY_X9)) {
        before = levels[i]!;
        break;
      }
    }
    let after = baseLevel;
    if (!(types[last]! & ISOLATE_INITIATOR)) {
      for (let i = last + 1; i < n; i++) {
        if (!(types[i]! & REMOVED_BY_X9)) {
          after = levels[i]!;
          break;
        }
      }
    }
    sequences.push({ indices, sos: Math.max(before, levels[first]!) & 1 ? R : L, eos: Math.max(after, levels[last]!) & 1 ? R : L });
  }
  for (const { indices, sos, eos } of sequences) {
    resolveWeakTypes(types, indices, sos);
    resolveNeutralTypes(text, types, levels, indices, sos, eos);
  }

  // === I1–I2, X9 (§5.2) and L1 ===
  // [resetFrom, resetTo]: the last run of trailing characters L1 reset.
  let resetFrom = -1;
  let resetTo = -2;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (levels[i]! & 1) {
      if (t & (L | EN | AN)) levels[i]!++;
    } else if (t & R) {
      levels[i]!++;
    } else if (t & (AN | EN)) {
      levels[i]! += 2;
    }
    // §5.2: characters removed by X9 take the level of the character before them.
    if (t & REMOVED_BY_X9) levels[i] = i === 0 ? baseLevel : levels[i - 1]!;
    // L1: segment separators, and the whitespace and isolate controls before
    // them or the end of the paragraph, go to the paragraph level.
    if (i === n - 1 || original[i]! & S) {
      let j = i;
      for (; j >= 0 && original[j]! & TRAILING; j--) {
        if (j === resetTo) {
          // Already reset, and the character before that run is not trailing.
          j = resetFrom - 1;
          break;
        }
        levels[j] = baseLevel;
      }
      if (j < i) {
        resetFrom = j + 1;
        resetTo = i;
      }
    }
  }
  return { levels, baseLevel };
}
