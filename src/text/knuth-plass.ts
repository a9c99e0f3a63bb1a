/**
 * Knuth and Plass's total-fit line breaking ("Breaking paragraphs into lines", 1981), as TeX
 * does it: the breaks of a whole paragraph are chosen together to keep the sum of demerits
 * least, where a line's demerits grow with the cube of how far its spaces stretch or shrink,
 * and extra demerits go to consecutive hyphenated lines, a hyphen on the next-to-last line and
 * a loose line next to a tight one (fitness classes).
 *
 * Pure, on numbers only: the paragraph comes as a row of break candidates, each preceded by
 * the box (the text) since the previous one. Bounded: the active list is capped, so time stays
 * linear in the candidates even on input no paragraph has.
 */

export const BreakKind = {
  /** Interword glue: the line may end here, the glue is then dropped. */
  Glue: 0,
  /** A penalty: a break with no glue (after a dash or slash), or a hyphen if flagged. */
  Penalty: 1,
  /** A forced break: the line before it is set loose (no stretching), like the last one. */
  Forced: 2,
} as const;

export interface BreakCandidates {
  /** Width of the text between the previous candidate and this one, and how far it stretches and shrinks (no-break spaces, kashida). */
  box: Float64Array;
  boxStretch: Float64Array;
  boxShrink: Float64Array;
  kind: Uint8Array;
  /** Glue at this candidate: width, stretch and shrink (0 for penalties). */
  glue: Float64Array;
  stretch: Float64Array;
  shrink: Float64Array;
  /** Penalty: width added when the line ends here (a hyphen), and its cost. */
  penaltyWidth: Float64Array;
  penalty: Float64Array;
  /** A hyphen break. */
  flagged: Uint8Array;
  length: number;
}

export interface KnuthPlassOptions {
  /** Line width, pt, and the first line's (after its indent). */
  width: number;
  firstWidth: number;
  /** Greatest adjustment ratio allowed (TeX's tolerance 200 is a ratio of about 1.26). */
  maxRatio: number;
}

/** TeX's values (plain.tex): \linepenalty, \doublehyphendemerits, \finalhyphendemerits, \adjdemerits. */
const LINE_PENALTY = 10;
const DOUBLE_HYPHEN_DEMERITS = 10_000;
const FINAL_HYPHEN_DEMERITS = 5_000;
const ADJ_DEMERITS = 10_000;
/** Never more than two hyphenated lines in a row. */
const MAX_HYPHENS_IN_A_ROW = 2;
/** Active nodes kept at most; past that, the worst are dropped. */
const MAX_ACTIVE = 200;

interface Node {
  /** Candidate index (-1: the paragraph's start). */
  at: number;
  line: number;
  fitness: number;
  /** Consecutive hyphenated lines ending here. */
  hyphens: number;
  total: number;
  prev: Node | undefined;
}

/**
 * The candidate indices to break at (the last is the paragraph's end), or undefined when no
 * set of breaks keeps every line within `maxRatio` and no line shrinks past its glue's shrink:
 * the caller then fills lines greedily.
 */
export function knuthPlass(c: BreakCandidates, o: KnuthPlassOptions): number[] | undefined {
  const n = c.length;
  // Running sums of widths (boxes and glue), stretch and shrink, up to and with candidate k.
  const sumW = new Float64Array(n + 1);
  const sumY = new Float64Array(n + 1);
  const sumZ = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    sumW[k + 1] = sumW[k]! + c.box[k]! + c.glue[k]!;
    sumY[k + 1] = sumY[k]! + c.boxStretch[k]! + c.stretch[k]!;
    sumZ[k + 1] = sumZ[k]! + c.boxShrink[k]! + c.shrink[k]!;
  }
  let active: Node[] = [{ at: -1, line: 0, fitness: 1, hyphens: 0, total: 0, prev: undefined }];
  for (let b = 0; b < n; b++) {
    const kind = c.kind[b]!;
    const forced = kind === BreakKind.Forced || b === n - 1;
    if (!forced && c.penalty[b]! >= 10_000) continue;
    const flagged = c.flagged[b] === 1;
    const best: (Node | undefined)[] = [undefined, undefined, undefined, undefined];
    const next: Node[] = [];
    for (const a of active) {
      // Width, stretch and shrink of the line from after a to b: a's glue and b's glue are left out.
      const from = a.at + 1;
      const width = sumW[b + 1]! - c.glue[b]! - sumW[from]! + c.penaltyWidth[b]!;
      const stretch = sumY[b + 1]! - c.stretch[b]! - sumY[from]!;
      const shrink = sumZ[b + 1]! - c.shrink[b]! - sumZ[from]!;
      const target = a.line === 0 ? o.firstWidth : o.width;
      let ratio: number;
      // A line before a forced break (or the last) is set at its natural width: it must fit as it is.
      if (forced) ratio = width <= target + 1e-6 ? 0 : -Infinity;
      else if (width < target) ratio = stretch > 0 ? (target - width) / stretch : Infinity;
      else ratio = width === target ? 0 : shrink > 0 ? (target - width) / shrink : -Infinity;
      if (ratio < -1) continue; // too tight for a: so are all later b; a is dropped
      next.push(a);
      if (ratio > o.maxRatio) continue;
      const hyphens = flagged ? a.hyphens + 1 : 0;
      if (hyphens > MAX_HYPHENS_IN_A_ROW) continue;
      // Not capped at TeX's 10 000: in the last pass (any ratio) a capped badness makes every very
      // loose line equally bad, and the breaker chose a line of four words spread across the column
      // next to a tight one. Within a first pass's ratio (at most 2) the cap never applies anyway.
      const badness = ratio === Infinity ? 1e12 : 100 * Math.abs(ratio) ** 3;
      const penalty = kind === BreakKind.Forced ? 0 : c.penalty[b]!;
      let demerits = (LINE_PENALTY + badness) ** 2;
      if (penalty > 0) demerits += penalty * penalty;
      else if (penalty < 0 && penalty > -10_000) demerits -= penalty * penalty;
      if (flagged && a.hyphens > 0) demerits += DOUBLE_HYPHEN_DEMERITS;
      if (b === n - 1 && a.hyphens > 0) demerits += FINAL_HYPHEN_DEMERITS;
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
      if (Math.abs(fitness - a.fitness) > 1) demerits += ADJ_DEMERITS;
      const total = a.total + demerits;
      const slot = best[fitness];
      if (!slot || total < slot.total) best[fitness] = { at: b, line: a.line + 1, fitness, hyphens, total, prev: a };
    }
    if (forced) {
      // Every line must end here: only the best way to reach it goes on.
      let winner: Node | undefined;
      for (const node of best) if (node && (!winner || node.total < winner.total)) winner = node;
      if (!winner) return undefined;
      if (b === n - 1) return breaksOf(winner);
      active = [{ ...winner, line: winner.line, fitness: 1, hyphens: 0 }];
      continue;
    }
    for (const node of best) if (node) next.push(node);
    if (next.length === 0) return undefined;
    active = next.length > MAX_ACTIVE ? next.sort((x, y) => x.total - y.total).slice(0, MAX_ACTIVE) : next;
  }
  return undefined;
}

function breaksOf(node: Node): number[] {
  const out: number[] = [];
  for (let at: Node | undefined = node; at && at.at >= 0; at = at.prev) out.push(at.at);
  return out.reverse();
}
