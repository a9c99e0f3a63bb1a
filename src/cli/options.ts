import path from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';

/** Parses a comma-separated list option against the allowed values. */
export function parseList<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${option} needs at least one value: ${allowed.join(', ')}.`);
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      throw new UsageError(`${option} ${item}: unknown value. Allowed values are: ${allowed.join(', ')}.`);
    }
  }
  return [...new Set(items)] as T[];
}

export function parseLangs(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError('--lang needs at least one language code, e.g. --lang en.');
  for (const item of items) {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(item)) throw new UsageError(`--lang ${item}: not a language code (expected e.g. en, fr, ar).`);
  }
  return [...new Set(items)];
}

export function resolveRoot(root: string | undefined): string {
  return path.resolve(root ?? process.cwd());
}

export function parseBoolean(option: string, value: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new UsageError(`${option} ${value}: write true or false (e.g. ${option}=false).`);
}

/** A whole number of threads (`--jobs`): 1 or more. */
export function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`--jobs ${value}: give a whole number of threads, 1 or more (1 renders in one thread).`);
  return Number(value);
}
