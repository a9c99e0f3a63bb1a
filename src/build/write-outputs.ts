import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';
import { isWithin, realPathOf } from '../input/confine.js';
import { sha256, type ManifestEntry } from './manifest.js';

/** File-system refusals that are the folder's state, not a bug: said as such, with the path. */
const USER_CODES = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST', 'ENOTEMPTY', 'ELOOP']);

function asUserError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !USER_CODES.has(code)) return error;
  return new UsageError(`cannot write ${file} (${code}): check that the output folder is writable and that nothing else (a folder, a read-only file) stands in its place, then build again (the manifest is written last, so the next build redoes what this one did not finish).`);
}

/** The marker in the names of temporary files (`<target>.folio-tmp-<pid>`). */
export const TEMPORARY_MARK = '.folio-tmp-';

/**
 * Writes files atomically: each goes to a temporary file beside its target, then is renamed
 * over it, so an interrupted build never leaves a truncated file. All temporary files are
 * written first; only when every one succeeded are they renamed. When a step fails, no
 * temporary file stays behind.
 *
 * With `within`, every file must land inside that folder once `..` and symbolic links are
 * resolved: a folder on the way that is a link leading elsewhere (planted in a cached output
 * folder) stops the write before anything is written there. The target itself being a link
 * is harmless: rename replaces the link, never what it points at.
 */
export async function writeAtomically(files: { path: string; bytes: Uint8Array }[], options: { within?: string } = {}): Promise<void> {
  const staged: { tmp: string; final: string }[] = [];
  const cleanUp = () => Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
  const within = options.within === undefined ? undefined : realPathOf(options.within);
  for (const file of files) {
    const tmp = `${file.path}${TEMPORARY_MARK}${process.pid}`;
    try {
      // A path that leaves the folder lexically is refused before any folder is made for it.
      if (within !== undefined && !isWithin(path.resolve(options.within!), path.resolve(file.path))) {
        throw new UsageError(`cannot write ${file.path}: it lies outside ${options.within}.`);
      }
      await makeFolder(path.dirname(file.path));
      if (within !== undefined && !isWithin(within, realPathOf(path.dirname(file.path)))) {
        throw new UsageError(`cannot write ${file.path}: a folder on its way is a symbolic link that leads outside the output folder (to ${realPathOf(path.dirname(file.path))}). Remove that link from the output folder, then build again.`);
      }
      staged.push({ tmp, final: file.path });
      // O_EXCL|O_NOFOLLOW: a link planted under the temporary name is never written through.
      const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        await rm(tmp, { force: true });
        return open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      });
      try {
        await handle.writeFile(file.bytes);
      } finally {
        await handle.close();
      }
    } catch (error) {
      await cleanUp();
      throw asUserError(error, file.path);
    }
  }
  for (const s of staged) {
    try {
      await rename(s.tmp, s.final);
    } catch (error) {
      await cleanUp();
      throw asUserError(error, s.final);
    }
  }
}

/**
 * Whether an output the manifest lists may be removed: a regular file (not a link), inside
 * the output folder once links are resolved, holding the bytes the manifest says folio wrote.
 */
export async function removable(outDir: string, file: string, entry: ManifestEntry): Promise<boolean> {
  const full = path.join(outDir, file);
  if (!isWithin(realPathOf(outDir), realPathOf(path.dirname(full)))) return false;
  const info = await lstat(full).catch(() => undefined);
  if (!info) return true; // already gone: nothing to remove, nothing at risk
  if (!info.isFile()) return false;
  let handle;
  try {
    handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    return sha256(new Uint8Array(await handle.readFile())) === entry.sha256;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Removes the temporary files a killed build left in `dir` (and below, not following links).
 * Called under the build's lock, so no other build is writing them.
 */
export async function removeTemporaryFiles(dir: string, depth = 4): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) await removeTemporaryFiles(full, depth - 1);
    else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.includes(TEMPORARY_MARK)) await rm(full, { force: true });
  }
}

/**
 * Creates a folder and its missing parents one level at a time, returning the first folder it
 * made (like `mkdir -p`). Node's own recursive mkdir never returns for a path under /proc, and
 * its errors name no folder: here every refusal is a UsageError naming the folder.
 */
export async function makeFolder(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const info = await lstat(at).catch(() => undefined);
    if (info) {
      if (!info.isDirectory() && !(info.isSymbolicLink() && (await stat(at).catch(() => undefined))?.isDirectory())) {
        throw new UsageError(`cannot create the folder ${dir}: ${at} is a file, not a folder.`);
      }
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new UsageError(`cannot create the folder ${folder} (${code ?? String(error)}): check that the output folder's place exists and can be written, or give another with --out.`);
    }
  }
  return missing[0];
}

/** Writes files into the project itself (stores, participants.yaml): atomic, and inside `root`. */
export async function writeInProject(root: string, files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  await writeAtomically(files, { within: root });
}
