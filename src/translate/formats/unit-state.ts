/**
 * Translation states to and from each format's vocabulary. folio's `UnitState` is ordered
 * from least to most advanced; a unit a tool split into segments takes the least advanced
 * state of its segments.
 */
import type { UnitState } from './exchange.js';

const ORDER: readonly UnitState[] = ['new', 'needs-translation', 'needs-review', 'translated', 'final'];

/** The least advanced of several states (`undefined` for none). */
export function leastAdvanced(states: readonly UnitState[]): UnitState | undefined {
  let best: UnitState | undefined;
  for (const state of states) if (best === undefined || ORDER.indexOf(state) < ORDER.indexOf(best)) best = state;
  return best;
}

/** A state where the file gives none: translated when there is a target, new otherwise. */
export function impliedState(hasTarget: boolean): UnitState {
  return hasTarget ? 'translated' : 'new';
}

/** XLIFF 1.2 §2.4.4 `state` values (and `x-…` extensions, which say nothing folio knows). */
export function stateFromXliff12(state: string | undefined): UnitState | undefined {
  switch (state) {
    case 'new':
      return 'new';
    case 'needs-translation':
    case 'needs-adaptation':
    case 'needs-l10n':
      return 'needs-translation';
    case 'needs-review-translation':
    case 'needs-review-adaptation':
    case 'needs-review-l10n':
      return 'needs-review';
    case 'translated':
      return 'translated';
    case 'final':
    case 'signed-off':
      return 'final';
    default:
      return undefined;
  }
}

export function stateToXliff12(state: UnitState): string {
  return state === 'needs-review' ? 'needs-review-translation' : state;
}

/**
 * Trados Studio's confirmation levels (`sdl:seg conf`). No `conf` is Studio's "Not
 * Translated"; Draft is an unconfirmed edit, like a PO fuzzy entry.
 */
export function stateFromSdlConf(conf: string | undefined): UnitState {
  switch (conf) {
    case 'Draft':
    case 'RejectedSignOff':
      return 'needs-review';
    case 'RejectedTranslation':
      return 'needs-translation';
    case 'Translated':
      return 'translated';
    case 'ApprovedTranslation':
    case 'ApprovedSignOff':
      return 'final';
    default:
      return 'new';
  }
}

/**
 * XLIFF 2 has four states (2.1 §4.3.1.27): folio's five fit with a `subState` in the
 * `folio:` authority for the two that XLIFF 2 has no word for.
 */
export function stateToXliff2(state: UnitState, hasTarget: boolean): { state: string; subState?: string } {
  switch (state) {
    case 'new':
      // Read back, `initial` with a target is a draft (see `stateFromXliff2`).
      return hasTarget ? { state: 'initial', subState: 'folio:new' } : { state: 'initial' };
    case 'needs-translation':
      return { state: 'initial', subState: 'folio:needs-translation' };
    case 'needs-review':
      return { state: 'translated', subState: 'folio:needs-review' };
    case 'translated':
      return { state: 'translated' };
    case 'final':
      return { state: 'final' };
  }
}

/** `reviewed` counts as final; `initial` with a target is a draft that needs review. */
export function stateFromXliff2(state: string | undefined, subState: string | undefined, hasTarget: boolean): UnitState {
  if (subState === 'folio:new') return 'new';
  if (subState === 'folio:needs-translation') return 'needs-translation';
  if (subState === 'folio:needs-review') return 'needs-review';
  switch (state) {
    case 'translated':
      return 'translated';
    case 'reviewed':
    case 'final':
      return 'final';
    default:
      return hasTarget ? 'needs-review' : 'new';
  }
}
