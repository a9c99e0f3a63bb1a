/**
 * pdf-lib reports what it works around in a damaged file ("Trying to parse invalid object …")
 * with console.warn (and one console.log). While a returned form is read those calls are
 * caught instead of printed, and become at most a few warnings on that file
 * (`nominations/pdf-warning`), the same text once.
 */
import { format } from 'node:util';
import { printable } from './printable.js';

const METHODS = ['warn', 'log', 'error', 'info', 'debug', 'trace'] as const;
/** Distinct texts kept while reading (a hostile file can make pdf-lib warn once per object). */
const KEPT = 100;

export interface CapturedWarnings {
  /** Distinct texts, in the order first seen. */
  texts: string[];
  /** All calls, repeats included. */
  count: number;
}

/** Runs `fn` with the console's printing methods caught; restores them afterwards. */
export async function captureWarnings<T>(fn: () => Promise<T>): Promise<{ result: { value: T } | { error: unknown }; warnings: CapturedWarnings }> {
  const saved = METHODS.map((m) => console[m]);
  const seen = new Set<string>();
  const warnings: CapturedWarnings = { texts: [], count: 0 };
  const catcher = (...args: unknown[]) => {
    warnings.count++;
    if (seen.size >= KEPT) return;
    const text = format(...args).slice(0, 1000).trim();
    if (!seen.has(text)) {
      seen.add(text);
      warnings.texts.push(text);
    }
  };
  for (const m of METHODS) console[m] = catcher;
  try {
    return { result: { value: await fn() }, warnings };
  } catch (error) {
    return { result: { error }, warnings };
  } finally {
    METHODS.forEach((m, i) => { console[m] = saved[i]!; });
  }
}

/** The messages of the warnings to report: the first `max` distinct ones, then how many more. */
export function warningMessages(warnings: CapturedWarnings, max: number): string[] {
  const shown = warnings.texts.slice(0, max).map((text) => `the PDF reader warned: “${printable(text, 160)}”; the file is damaged or unusual: check what was collected from it.`);
  const more = warnings.count - Math.min(max, warnings.texts.length);
  if (more > 0 && shown.length > 0) shown.push(`the PDF reader warned ${more} more time${more === 1 ? '' : 's'} (not shown).`);
  return shown;
}
