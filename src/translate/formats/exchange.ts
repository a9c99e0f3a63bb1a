/**
 * What folio exchanges with translators' tools, independent of the file format.
 */
import type { Content } from '../content.js';

/** Translation states, a common denominator of XLIFF 1.2 `state`, XLIFF 2 `state`, sdl:conf and PO flags. */
export type UnitState = 'new' | 'needs-translation' | 'needs-review' | 'translated' | 'final';

export interface ExchangeUnit {
  /** folio's unit id (stable; see segments). Foreign files: their own id. */
  id: string;
  /** The context (PO msgctxt; XLIFF resname or context-group). */
  context?: string;
  source: Content;
  target?: Content;
  state?: UnitState;
  /** Notes for translators (PO extracted comments, XLIFF notes). */
  notes?: string[];
  /** Where the unit sits in the exchange file (for messages), 1-based. */
  line?: number;
  column?: number;
  /** The target began as folio's copy of the source (XLIFF 1.2 `folio:copy="source"`) and a tool changed it without changing its state. */
  sourceCopy?: boolean;
  /** Where the tool says the unit comes from (XLIFF 1.2 location context groups): po2xliff puts a PO's `#:` references there. */
  references?: string[];
  /** Match proposals carried in the file (XLIFF 1.2 alt-trans), with their score 0–100. */
  alternatives?: { source?: Content; target: Content; quality?: number; origin?: string }[];
}

export interface ExchangeFile {
  sourceLang: string;
  targetLang: string;
  /** The original document the units come from (XLIFF `original`), when known. */
  original?: string;
  units: ExchangeUnit[];
}

/** A translation memory entry: the same segment in several languages (TMX `tu`). */
export interface MemoryEntry {
  /** Language code (as written in the file, e.g. `fr-FR`) → segment. */
  variants: Map<string, Content>;
  /** TMX `tuid`, when present. */
  id?: string;
  /** Properties (`prop type=…`) and notes, kept for round trips. */
  props?: { type: string; value: string }[];
  notes?: string[];
  changedate?: string;
  /** Where the `tu` sits in the file (for messages), 1-based. */
  line?: number;
  column?: number;
}

export interface Memory {
  /** Header `srclang` (may be `*all*`). */
  sourceLang: string;
  entries: MemoryEntry[];
}

/** A problem in an imported file: file, line and column, and what to do. */
export interface FormatProblem {
  line: number;
  column: number;
  message: string;
  rule: string;
}
