/**
 * One build at a time per output folder: a lock file created exclusively (O_EXCL) holding the
 * process id. A second build waits for it; a lock left by a process that no longer runs is taken over.
 */
import { mkdir, open, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';

export const LOCK_FILE = '.folio-build.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `outDir`, creating the folder if needed; the release function removes the
 * lock, and the folder too when this build created it and wrote nothing (a failed first build
 * leaves no `out/` behind).
 */
export async function acquireLock(outDir: string, waitMs = 120_000): Promise<() => Promise<void>> {
  const created = await mkdir(outDir, { recursive: true }); // the first folder it made, if any
  const file = path.join(outDir, LOCK_FILE);
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
        // Folders this build made, deepest first; rmdir only removes empty ones.
        for (let dir = path.resolve(outDir); created && dir.length >= path.resolve(created).length; dir = path.dirname(dir)) {
          if (!(await rmdir(dir).then(() => true, () => false))) break;
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      await rm(file, { force: true }); // stale: its build no longer runs
      continue;
    }
    if (Date.now() - started > waitMs) {
      throw new UsageError(`another folio build (process ${holder}) is writing ${outDir}; waited ${Math.round(waitMs / 1000)} s. Try again when it has finished, or remove ${file} if no build is running.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
