/**
 * One writer of `sources/participants.yaml` at a time. `folio nominations collect` merges into
 * the file inside this lock (read, merge, write), so that two collects run together each add
 * their entries to what the other wrote; a build can take it to read the file while no
 * collect is between its read and its write. The lock file's name starts with `.folio-`, which
 * the build's fingerprints ignore.
 */
import path from 'node:path';
import { acquireFileLock } from '../build/lock.js';
import { makeFolder } from '../build/write-outputs.js';
import { PARTICIPANTS_LOCK_WAIT_MS } from './form-limits.js';
import { PARTICIPANTS_FILE } from './participants-file.js';

/** The lock file, relative to the project folder. */
export const PARTICIPANTS_LOCK_FILE = 'sources/.folio-participants.lock';

/**
 * Runs `fn` holding the participants lock of the project `root`: waits up to `waitMs` for
 * another holder (a lock whose process no longer runs is taken over), then throws a
 * UsageError saying who holds it. Not re-entrant: do not call it again inside `fn`.
 */
export async function withParticipantsLock<T>(root: string, fn: () => Promise<T>, waitMs = PARTICIPANTS_LOCK_WAIT_MS): Promise<T> {
  const file = path.join(root, PARTICIPANTS_LOCK_FILE);
  await makeFolder(path.dirname(file));
  const release = await acquireFileLock(file, {
    waitMs,
    busyMessage: (holder, seconds) => `another folio process (${holder}) is updating ${PARTICIPANTS_FILE}; waited ${seconds} s. Try again when it has finished, or remove ${file} if no folio command is running.`,
  });
  try {
    return await fn();
  } finally {
    await release();
  }
}
