/**
 * The participants lock (and the lock logic it shares with the build's): one holder at a
 * time, a lock left by a dead process taken over, a bounded wait that says who holds it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireFileLock, acquireLock, LOCK_FILE } from '../../src/build/lock.js';
import { UsageError } from '../../src/diagnostics/diagnostic.js';
import { PARTICIPANTS_LOCK_FILE, withParticipantsLock } from '../../src/nominations/participants-lock.js';

const busy = (holder: number, seconds: number) => `held by ${holder}, waited ${seconds} s`;

function project(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-lock-'));
  mkdirSync(path.join(root, 'sources'));
  return root;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withParticipantsLock', () => {
  it('is sources/.folio-participants.lock, there while held and gone afterwards', async () => {
    const root = project();
    expect(PARTICIPANTS_LOCK_FILE).toBe('sources/.folio-participants.lock');
    const lock = path.join(root, PARTICIPANTS_LOCK_FILE);
    const seen = await withParticipantsLock(root, async () => readFileSync(lock, 'utf8'));
    expect(seen.split('\n')[0]).toBe(String(process.pid));
    expect(existsSync(lock)).toBe(false);
  });

  it('runs two holders one after the other, never together', async () => {
    const root = project();
    const events: string[] = [];
    const hold = (name: string) => withParticipantsLock(root, async () => {
      events.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      events.push(`${name} out`);
    });
    await Promise.all([hold('a'), hold('b')]);
    // Which of the two gets the lock first is up to the file system; that they never
    // overlap is the point: each "in" is followed by its own "out".
    expect(events).toHaveLength(4);
    const [first, second] = [events[0]!.split(' ')[0], events[2]!.split(' ')[0]];
    expect(new Set([first, second])).toEqual(new Set(['a', 'b']));
    expect(events).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
  });

  it('releases the lock when the function throws', async () => {
    const root = project();
    await expect(withParticipantsLock(root, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(path.join(root, PARTICIPANTS_LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const root = project();
    writeFileSync(path.join(root, PARTICIPANTS_LOCK_FILE), `${deadPid()}\n`);
    expect(await withParticipantsLock(root, async () => 'taken', 1000)).toBe('taken');
  });

  it('waits for a live holder, then says who it is and what to do', async () => {
    const root = project();
    writeFileSync(path.join(root, PARTICIPANTS_LOCK_FILE), `${process.ppid}\n`); // alive: vitest's own parent
    const error = await withParticipantsLock(root, async () => 'never', 500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`another folio process (${process.ppid}) is updating sources/participants.yaml; waited 1 s. Try again when it has finished, or remove ${path.join(root, PARTICIPANTS_LOCK_FILE)} if no folio command is running.`);
  });
});

describe('acquireFileLock', () => {
  it('waits for a lock being written (empty and new), takes over one empty and old', async () => {
    const dir = project();
    const file = path.join(dir, '.folio-test.lock');
    writeFileSync(file, '');
    await expect(acquireFileLock(file, { waitMs: 400, busyMessage: busy })).rejects.toThrow('held by 0, waited 0 s');
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const release = await acquireFileLock(file, { waitMs: 400, busyMessage: busy });
    await release();
    expect(existsSync(file)).toBe(false);
  });

  it('does not remove, on release, a lock another process has taken since', async () => {
    const dir = project();
    const file = path.join(dir, '.folio-test.lock');
    const release = await acquireFileLock(file, { waitMs: 400, busyMessage: busy });
    writeFileSync(file, '12345\nsomeone-else\n');
    await release();
    expect(readFileSync(file, 'utf8')).toBe('12345\nsomeone-else\n');
  });

  it('lets only one of several takers through a stale lock at a time', async () => {
    const dir = project();
    const file = path.join(dir, '.folio-test.lock');
    writeFileSync(file, `${deadPid()}\n`);
    let inside = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 5 }, async () => {
      const release = await acquireFileLock(file, { waitMs: 10_000, busyMessage: busy });
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inside--;
      await release();
    }));
    expect(most).toBe(1);
  });

  it('keeps the build lock working as before (.folio-build.lock in the output folder)', async () => {
    const out = path.join(project(), 'out', 'deep');
    const release = await acquireLock(out);
    expect(LOCK_FILE).toBe('.folio-build.lock');
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(true);
    await expect(acquireLock(out, 300)).rejects.toThrow(/^another folio build \(process \d+\) is writing .*; waited 0 s\. Try again when it has finished, or remove .*\.folio-build\.lock if no build is running\.$/);
    await release();
    expect(existsSync(out)).toBe(false); // made by this build, nothing written: removed
  });
});
