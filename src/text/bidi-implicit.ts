/**
 * UAX #9 §3.3.4–3.3.5, rules W1–W7 and N0–N2, on one isolating run sequence
 * (part of bidi-levels.ts, ported from bidi-js 1.1.0, MIT): weak types, then
 * bracket pairs and other neutrals.
 */
import {
  AL,
  AN,
  bidiClass,
  canonicalBracketOf,
  closingBracketOf,
  CS,
  EN,
  ES,
  ET,
  ISOLATE_INITIATOR,
  L,
  NEUTRAL_OR_ISOLATE,
  NSM,
  ON,
  openingBracketOf,
  PDI,
  R,
  REMOVED_BY_X9,
  STRONG,
} from './bidi-classes.js';

/** Bracket pairs nest at most this deep (BD16). */
const MAX_BRACKET_DEPTH = 63;

/** W1–W7 on one isolating run sequence. */
export function resolveWeakTypes(types: Uint32Array, seq: number[], sos: number): void {
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
export function resolveNeutralTypes(text: string, types: Uint32Array, levels: Uint8Array, seq: number[], sos: number, eos: number): void {
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
