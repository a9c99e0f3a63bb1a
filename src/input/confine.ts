/**
 * Where folio may read and write. Every path it writes or deletes must be inside the output
 * folder, and every file it reads inside the project (or a folder the configuration allows),
 * both checked on real paths: `..` and symbolic links resolved.
 */
import { realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether `child` is `parent` or below it (both absolute and already resolved). */
export function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * The real path of `file`, resolving symbolic links; for a path that does not exist yet, the
 * real path of its deepest existing ancestor with the rest appended.
 */
export function realPathOf(file: string): string {
  const parts: string[] = [];
  let at = path.resolve(file);
  for (;;) {
    try {
      return path.join(realpathSync(at), ...parts.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.join(at, ...parts.reverse());
      parts.push(path.basename(at));
      at = parent;
    }
  }
}

/** Whether the real path of `file` lies inside the real path of one of `dirs`. */
export function resolvesInside(file: string, dirs: readonly string[]): boolean {
  const real = realPathOf(file);
  return dirs.some((dir) => isWithin(realPathOf(dir), real));
}

/** The same, asynchronously, for a file that must exist (false when it does not). */
export async function existsInside(file: string, dirs: readonly string[]): Promise<boolean> {
  const real = await realpath(file).catch(() => undefined);
  return real !== undefined && dirs.some((dir) => isWithin(realPathOf(dir), real));
}

/** folio's own installation (its fonts come from its node_modules): files there may be read. */
export const FOLIO_HOME = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A path relative to the output folder as folio writes them: forward slashes, one to four
 * names of letters, digits, `.`, `_` and `-` that do not start with a dot (so no `..`, no
 * hidden files), ending in `.pdf`, `.docx` or `.txt`.
 */
const OUTPUT_PATH = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,127}\/){0,3}[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(?:pdf|docx|txt)$/;

export function isOutputPath(file: string): boolean {
  return OUTPUT_PATH.test(file) && !file.split('/').some((part) => part.includes('..'));
}

/** Whether a path a user wrote starts with a URL scheme (`https:`, `file:`, `data:`…): folio never downloads. */
export function hasUrlScheme(written: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(written);
}
