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
 */
import {
  AL,
  AN,
  B,
  bidiClass,
  BN,
  canonicalBracketOf,
  closingBracketOf,
  CS,
  EN,
  ES,
  ET,
  FSI,
  ISOLATE_INITIATOR,
  L,
  LRE,
  LRI,
  LRO,
  NEUTRAL_OR_ISOLATE,
  NSM,
  ON,
  openingBracketOf,
  PDF,
  PDI,
  R,
  REMOVED_BY_X9,
  RLE,
  RLI,
  RLO,
  S,
  STRONG,
  TRAILING,
  WS,
} from './bidi-classes.js';

/** Deepest explicit embedding level (BD2). */
const MAX_DEPTH = 125;
/** Bracket pairs nest at most this deep (BD16). */
const MAX_BRACKET_DEPTH = 63;

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

/** X1–X8: explicit embedding levels; overrides change `types`, valid isolates fill `isolatePair`. */
function explicitLevels(
  text: string,
  types: Uint32Array,
  levels: Uint8Array,
  baseLevel: number,
  isolatePair: Int32Array,
  firstStrongLevel: (start: number, inIsolate: boolean) => number,
): void {
  interface Status {
    level: number;
    /** 0, or the class it forces: L or R. */
    override: number;
    isolate: boolean;
    initiator: number;
  }
  const stack: Status[] = [{ level: baseLevel, override: 0, isolate: false, initiator: -1 }];
  let overflowIsolates = 0;
  let overflowEmbeddings = 0;
  let validIsolates = 0;
  const nextOdd = (l: number) => l + (l & 1 ? 2 : 1);
  const nextEven = (l: number) => l + (l & 1 ? 1 : 2);
  for (let i = 0; i < text.length; i++) {
    let t = types[i]!;
    let top = stack[stack.length - 1]!;
    if (t & (RLE | LRE | RLO | LRO)) {
      // X2–X5
      levels[i] = top.level;
      const level = (t & (RLE | RLO) ? nextOdd : nextEven)(top.level);
      if (level <= MAX_DEPTH && overflowIsolates === 0 && overflowEmbeddings === 0) {
        stack.push({ level, override: t & RLO ? R : t & LRO ? L : 0, isolate: false, initiator: -1 });
      } else if (overflowIsolates === 0) {
        overflowEmbeddings++;
      }
    } else if (t & ISOLATE_INITIATOR) {
      // X5a–X5c
      if (t === FSI) t = firstStrongLevel(i + 1, true) === 1 ? RLI : LRI;
      levels[i] = top.level;
      if (top.override) types[i] = top.override;
      const level = (t === RLI ? nextOdd : nextEven)(top.level);
      if (level <= MAX_DEPTH && overflowIsolates === 0 && overflowEmbeddings === 0) {
        validIsolates++;
        stack.push({ level, override: 0, isolate: true, initiator: i });
      } else {
        overflowIsolates++;
      }
    } else if (t === PDI) {
      // X6a
      if (overflowIsolates > 0) {
        overflowIsolates--;
      } else if (validIsolates > 0) {
        overflowEmbeddings = 0;
        while (!stack[stack.length - 1]!.isolate) stack.pop();
        const initiator = stack.pop()!.initiator;
        isolatePair[initiator] = i;
        isolatePair[i] = initiator;
        validIsolates--;
      }
      top = stack[stack.length - 1]!;
      levels[i] = top.level;
      if (top.override) types[i] = top.override;
    } else if (t === PDF) {
      // X7
      if (overflowIsolates === 0) {
        if (overflowEmbeddings > 0) overflowEmbeddings--;
        else if (!top.isolate && stack.length > 1) {
          stack.pop();
          top = stack[stack.length - 1]!;
        }
      }
      levels[i] = top.level;
    } else {
      // X6 (BN keeps its class, as bidi-js does to pass the conformance tests)
      levels[i] = top.level;
      if (top.override && t !== BN) types[i] = top.override;
    }
  }
}

/** W1–W7 on one isolating run sequence. */
function resolveWeakTypes(types: Uint32Array, seq: number[], sos: number): void {
  const len = seq.length;
  // W1: a mark takes the class of the character before it (ON after an
  // isolate initiator or PDI; sos at the start). W2: a European number after
  // Arabic letters (nearest strong class AL) is an Arabic number.
  let prev = sos;
  let strong = sos;
  for (let s = 0; s < len; s++) {
    const i = seq[s]!;
    let t = types[i]!;
    if (t & REMOVED_BY_X9) continue;
    if (t & NSM) {
      t = prev & (ISOLATE_INITIATOR | PDI) ? ON : prev;
      types[i] = t;
    }
    prev = t;
    if (t & EN) {
      if (strong === AL) types[i] = AN;
    } else if (t & STRONG) {
      strong = t;
    }
  }
  // W3
  for (let s = 0; s < len; s++) if (types[seq[s]!]! & AL) types[seq[s]!] = R;
  // W4: a single separator between two numbers of the same kind joins them.
  for (let s = 1; s < len - 1; s++) {
    const i = seq[s]!;
    const t = types[i]!;
    if (!(t & (ES | CS))) continue;
    let before = 0;
    for (let k = s - 1; k >= 0; k--) {
      before = types[seq[k]!]!;
      if (!(before & REMOVED_BY_X9)) break;
    }
    let after = 0;
    for (let k = s + 1; k < len; k++) {
      after = types[seq[k]!]!;
      if (!(after & REMOVED_BY_X9)) break;
    }
    if (before === after && (t === ES ? before === EN : before & (EN | AN))) types[i] = before;
  }
  // W5: terminators next to European numbers become European numbers.
  for (let s = 0; s < len; s++) {
    if (!(types[seq[s]!]! & EN)) continue;
    for (let k = s - 1; k >= 0 && types[seq[k]!]! & (ET | REMOVED_BY_X9); k--) types[seq[k]!] = EN;
    for (s++; s < len && types[seq[s]!]! & (ET | REMOVED_BY_X9 | EN); s++) types[seq[s]!] = EN;
  }
  // W6: other separators and terminators (and the removed characters next to them) become ON.
  for (let s = 0; s < len; s++) {
    if (!(types[seq[s]!]! & (ET | ES | CS))) continue;
    types[seq[s]!] = ON;
    for (let k = s - 1; k >= 0 && types[seq[k]!]! & REMOVED_BY_X9; k--) types[seq[k]!] = ON;
    for (let k = s + 1; k < len && types[seq[k]!]! & REMOVED_BY_X9; k++) types[seq[k]!] = ON;
  }
  // W7: a European number after L (nearest strong class) is L.
  for (let s = 0, last = sos; s < len; s++) {
    const i = seq[s]!;
    const t = types[i]!;
    if (t & EN) {
      if (last === L) types[i] = L;
    } else if (t & STRONG) {
      last = t;
    }
  }
}

/** N0–N2 on one isolating run sequence. */
function resolveNeutralTypes(text: string, types: Uint32Array, levels: Uint8Array, seq: number[], sos: number, eos: number): void {
  const len = seq.length;
  const embedding = levels[seq[0]!]! & 1 ? R : L;
  // Within N0–N2, European and Arabic numbers count as R.
  const AS_R = R | EN | AN;
  const AS_STRONG = AS_R | L;
  const direction = (t: number) => (t & AS_R ? R : L);

  // N0 (BD16): bracket pairs, in the order of their opening brackets.
  const pairs: [open: number, close: number][] = [];
  const openers: { char: string; at: number }[] = [];
  for (let s = 0; s < len; s++) {
    if (!(types[seq[s]!]! & NEUTRAL_OR_ISOLATE)) continue;
    const char = text[seq[s]!]!;
    let opening: string | null;
    if (closingBracketOf(char) !== null) {
      if (openers.length === MAX_BRACKET_DEPTH) break;
      openers.push({ char, at: s });
    } else if ((opening = openingBracketOf(char)) !== null) {
      for (let k = openers.length - 1; k >= 0; k--) {
        const o = openers[k]!.char;
        if (o === opening || o === openingBracketOf(canonicalBracketOf(char) ?? '') || closingBracketOf(canonicalBracketOf(o) ?? '') === char) {
          pairs.push([openers[k]!.at, s]);
          openers.length = k;
          break;
        }
      }
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [open, close] of pairs) {
    let found = false;
    let use = 0;
    for (let s = open + 1; s < close; s++) {
      const t = types[seq[s]!]!;
      if (t & AS_STRONG) {
        found = true;
        if (direction(t) === embedding) {
          use = embedding;
          break;
        }
      }
    }
    if (found && !use) {
      // Only the opposite direction inside: it wins if the context before agrees.
      use = sos;
      for (let s = open - 1; s >= 0; s--) {
        const t = types[seq[s]!]!;
        if (t & AS_STRONG) {
          use = direction(t) !== embedding ? direction(t) : embedding;
          break;
        }
      }
    }
    if (!use) continue;
    types[seq[open]!] = types[seq[close]!] = use;
    if (use === embedding) continue;
    // Marks right after a bracket that changed take its class.
    for (const from of [open, close]) {
      for (let s = from + 1; s < len; s++) {
        if (types[seq[s]!]! & REMOVED_BY_X9) continue;
        if (bidiClass(text[seq[s]!]!) & NSM) types[seq[s]!] = use;
        break;
      }
    }
  }

  // N1–N2: a run of neutrals takes the direction around it when both sides
  // agree, the embedding direction otherwise.
  for (let s = 0; s < len; s++) {
    if (!(types[seq[s]!]! & NEUTRAL_OR_ISOLATE)) continue;
    let runStart = s;
    let runEnd = s;
    let before = sos;
    for (let k = s - 1; k >= 0; k--) {
      const t = types[seq[k]!]!;
      if (t & REMOVED_BY_X9) runStart = k;
      else {
        before = direction(t);
        break;
      }
    }
    let after = eos;
    for (let k = s + 1; k < len; k++) {
      const t = types[seq[k]!]!;
      if (t & (NEUTRAL_OR_ISOLATE | REMOVED_BY_X9)) runEnd = k;
      else {
        after = direction(t);
        break;
      }
    }
    const t = before === after ? before : embedding;
    for (let k = runStart; k <= runEnd; k++) types[seq[k]!] = t;
    s = runEnd;
  }
}
