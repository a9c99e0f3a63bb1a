import { statSync } from 'node:fs';
import path from 'node:path';
import { isWithin, realPathOf } from '../input/confine.js';
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

/** The project folder: it must exist and be a folder (exit 2 otherwise). */
export function resolveRoot(root: string | undefined): string {
  const resolved = path.resolve(root ?? process.cwd());
  const info = statSync(resolved, { throwIfNoEntry: false });
  if (!info) throw new UsageError(`--root ${root ?? '.'}: no such folder. Give the kit's folder (the one holding sources/ and templates/).`);
  if (!info.isDirectory()) throw new UsageError(`--root ${root ?? '.'} is a file, not a folder: give the kit's folder (the one holding sources/ and templates/).`);
  return resolved;
}

/** The project's own folders, which no output folder may be, hold or sit in. */
const PROJECT_FOLDERS = ['sources', 'templates', 'translations', 'assets'];

/**
 * The output folder (`--out`, default `<root>/out`), checked on real paths: it may not be the
 * project itself, one of its sources/, templates/, translations/ or assets/ folders or a folder inside
 * them, nor a folder that holds the project (a build removes outputs it no longer makes); and
 * it must be a folder if it exists.
 */
export function resolveOutDir(root: string, out: string | undefined): string {
  const outDir = out ? path.resolve(out) : path.join(root, 'out');
  const shown = out ?? 'out';
  const real = realPathOf(outDir);
  const realRoot = realPathOf(root);
  if (isWithin(real, realRoot)) {
    throw new UsageError(`--out ${shown} is ${real === realRoot ? 'the project folder itself' : 'a folder that holds the project'}: give a folder of its own for the outputs, e.g. --out out.`);
  }
  for (const folder of PROJECT_FOLDERS) {
    const inside = realPathOf(path.join(root, folder));
    if (isWithin(inside, real)) throw new UsageError(`--out ${shown} is inside the project's ${folder}/ folder: give a folder of its own for the outputs, e.g. --out out.`);
  }
  const info = statSync(outDir, { throwIfNoEntry: false });
  if (info && !info.isDirectory()) throw new UsageError(`--out ${shown} is a file, not a folder: give a folder for the outputs (it is created if it does not exist).`);
  return outDir;
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
