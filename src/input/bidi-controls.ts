/**
 * Bidirectional controls in untrusted text (UAX #9 §2): the characters that can make text
 * display in another order than it is stored — the "Trojan Source" class of attack
 * (CVE-2021-42574). Embeddings and overrides (LRE, RLE, LRO, RLO, PDF) are never expected in
 * folio's inputs; isolates (LRI, RLI, FSI … PDI) are, but only when each one is closed within
 * the same text. Marks (LRM, RLM, ALM) cannot reorder anything and are fine.
 */

export interface BidiControlProblem {
  /** UTF-16 index of the control in the text. */
  index: number;
  /** The control, e.g. `U+202E RIGHT-TO-LEFT OVERRIDE`. */
  name: string;
  /** What is wrong, as the end of a sentence. */
  problem: 'unexpected' | 'unclosed' | 'unopened';
}

const NAMES: Record<number, string> = {
  0x202a: 'U+202A LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'U+202B RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'U+202C POP DIRECTIONAL FORMATTING',
  0x202d: 'U+202D LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'U+202E RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'U+2066 LEFT-TO-RIGHT ISOLATE',
  0x2067: 'U+2067 RIGHT-TO-LEFT ISOLATE',
  0x2068: 'U+2068 FIRST STRONG ISOLATE',
  0x2069: 'U+2069 POP DIRECTIONAL ISOLATE',
};

const ANY_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** Every embedding/override, every isolate left open and every PDI that closes nothing. */
export function findBidiControlProblems(text: string): BidiControlProblem[] {
  if (!ANY_CONTROL.test(text)) return [];
  const problems: BidiControlProblem[] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0x202a && cp <= 0x202e) problems.push({ index: i, name: NAMES[cp]!, problem: 'unexpected' });
    else if (cp >= 0x2066 && cp <= 0x2068) open.push(i);
    else if (cp === 0x2069) {
      if (open.length > 0) open.pop();
      else problems.push({ index: i, name: NAMES[cp]!, problem: 'unopened' });
    }
  }
  for (const i of open) problems.push({ index: i, name: NAMES[text.charCodeAt(i)]!, problem: 'unclosed' });
  return problems.sort((a, b) => a.index - b.index);
}

/** A sentence for one problem, naming the control and saying what to do. */
export function describeBidiProblem(p: BidiControlProblem): string {
  switch (p.problem) {
    case 'unexpected':
      return `the invisible control ${p.name} can make the text around it display in another order than it is written (a "Trojan Source" reordering): delete it`;
    case 'unclosed':
      return `the invisible control ${p.name} is never closed by U+2069 POP DIRECTIONAL ISOLATE, so it would change the order of the text after it: delete it, or close it`;
    case 'unopened':
      return `the invisible control ${p.name} closes no isolate opened before it: delete it`;
  }
}

/** Removes every embedding, override and isolate control (for outputs that express direction otherwise). */
export function stripBidiControls(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/** 1-based line and column of a UTF-16 index in a text. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}
