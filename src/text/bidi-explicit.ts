/**
 * UAX #9 §3.3.2, rules X1–X8: explicit embedding levels and directions of
 * one paragraph (part of bidi-levels.ts, ported from bidi-js 1.1.0, MIT).
 */
import {
  BN,
  FSI,
  ISOLATE_INITIATOR,
  L,
  LRE,
  LRI,
  LRO,
  PDF,
  PDI,
  R,
  RLE,
  RLI,
  RLO,
} from './bidi-classes.js';

/** Deepest explicit embedding level (BD2). */
const MAX_DEPTH = 125;

/** X1–X8: explicit embedding levels; overrides change `types`, valid isolates fill `isolatePair`. */
export function explicitLevels(
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
