/**
 * Lock files: created exclusively (O_EXCL) holding the process id and a token. A second
 * process waits for the lock; a lock left by a process that no longer runs is taken over.
 * `acquireLock` is one build at a time per output folder; `acquireFileLock` is the same
 * mechanism for any file (`sources/.folio-participants.lock` serialises nomination collects).
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, rm, rmdir } from 'node:fs/promises';
import { makeFolder } from './write-outputs.js';
import path from 'node:path';
import { UsageError } from '../diagnostics/diagnostic.js';

export const LOCK_FILE = '.folio-build.lock';

/** A lock file that is empty or unreadable this recently is being written, not stale. */
const FRESH_MS = 10_000;
const POLL_MS = 200;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FileLockOptions {
  /** How long to wait for a live holder before giving up (ms). */
  waitMs: number;
  /** The message of the UsageError thrown when the wait is over. */
  busyMessage: (holder: number, waitedSeconds: number) => string;
}

/** Creates `file` only if it does not exist; false when it does. */
async function create(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** A lock file's text, read without following a link or blocking on a FIFO. */
async function readLockText(file: string): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return '';
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The holder of a lock file: its pid, or undefined while it is being written; 'gone' when it vanished. */
async function holderOf(file: string): Promise<{ pid?: number; text: string; ino: number } | 'gone'> {
  try {
    const before = await lstat(file);
    // A lock that is not a regular file (a link planted in a cached folder, a FIFO) is never
    // read through: it is stale, and taken over (rm removes the link, not what it points at).
    if (!before.isFile()) return { pid: -1, text: '', ino: before.ino };
    const text = await readLockText(file);
    const pid = Number(text.split('\n')[0]!.trim());
    if (Number.isInteger(pid) && pid > 0) return { pid, text, ino: before.ino };
    // Empty: its creator is between open and write. Old and empty: its creator died there.
    return Date.now() - before.mtimeMs < FRESH_MS ? { text, ino: before.ino } : { pid: -1, text, ino: before.ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/**
 * Removes a stale lock, one taker at a time: without the `.takeover` lock, two processes that
 * both saw the same stale lock could each remove it, the second removing the fresh lock the
 * first had just taken.
 */
async function takeOver(file: string, stale: { text: string; ino: number }): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await create(guard, String(process.pid)))) {
    const other = await holderOf(guard);
    if (other !== 'gone' && other.pid !== undefined && (other.pid < 0 || !alive(other.pid))) await rm(guard, { force: true });
    return;
  }
  try {
    const now = await holderOf(file);
    if (now !== 'gone' && now.ino === stale.ino && now.text === stale.text) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/**
 * Takes the lock `file` (its folder must exist), waiting up to `waitMs` for a live holder.
 * The release function removes the lock, unless another process has taken it over since.
 * Not re-entrant: a process that takes a lock it already holds waits for itself.
 */
export async function acquireFileLock(file: string, options: FileLockOptions): Promise<() => Promise<void>> {
  const token = `${process.pid}\n${randomUUID()}\n`;
  const started = Date.now();
  for (;;) {
    if (await create(file, token)) {
      return async () => {
        const text = await readLockText(file).catch(() => undefined);
        if (text === token) await rm(file, { force: true });
      };
    }
    const holder = await holderOf(file);
    if (holder === 'gone') continue;
    if (holder.pid !== undefined && (holder.pid < 0 || !alive(holder.pid))) {
      await takeOver(file, holder); // stale: its process no longer runs
      continue;
    }
    if (Date.now() - started > options.waitMs) {
      throw new UsageError(options.busyMessage(holder.pid ?? 0, Math.round(options.waitMs / 1000)));
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Takes the lock of `outDir`, creating the folder if needed; the release function removes the
 * lock, and the folder too when this build created it and wrote nothing (a failed first build
 * leaves no `out/` behind).
 */
export async function acquireLock(outDir: string, waitMs = 120_000): Promise<() => Promise<void>> {
  const created = await makeFolder(outDir); // the first folder it made, if any
  const file = path.join(outDir, LOCK_FILE);
  const release = await acquireFileLock(file, {
    waitMs,
    busyMessage: (holder, seconds) => `another folio build (process ${holder}) is writing ${outDir}; waited ${seconds} s. Try again when it has finished, or remove ${file} if no build is running.`,
  });
  return async () => {
    await release();
    // Folders this build made, deepest first; rmdir only removes empty ones.
    for (let dir = path.resolve(outDir); created && dir.length >= path.resolve(created).length; dir = path.dirname(dir)) {
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  };
}
