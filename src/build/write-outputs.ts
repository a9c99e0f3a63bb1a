import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';

/** File-system refusals that are the folder's state, not a bug: said as such, with the path. */
const USER_CODES = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST', 'ENOTEMPTY']);

function asUserError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !USER_CODES.has(code)) return error;
  return new UsageError(`cannot write ${file} (${code}): check that the output folder is writable and that nothing else (a folder, a read-only file) stands in its place, then build again (the manifest is written last, so the next build redoes what this one did not finish).`);
}

/**
 * Writes files atomically: each goes to a temporary file beside its target, then is renamed
 * over it, so an interrupted build never leaves a truncated file. All temporary files are
 * written first; only when every one succeeded are they renamed. When a step fails, no
 * temporary file stays behind.
 */
export async function writeAtomically(files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  const staged: { tmp: string; final: string }[] = [];
  const cleanUp = () => Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
  for (const file of files) {
    const tmp = `${file.path}.folio-tmp-${process.pid}`;
    try {
      await mkdir(path.dirname(file.path), { recursive: true });
      staged.push({ tmp, final: file.path });
      await writeFile(tmp, file.bytes);
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
