/**
 * Running a command as a child process, timed from outside (wall clock, spawn to exit), with
 * the child's peak resident memory: from GNU time (`/usr/bin/time -f %M`) when present, else
 * from a preloaded probe that writes `process.resourceUsage().maxRSS` when a Node child exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ChildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Spawn to exit, seconds. */
  seconds: number;
  /** Peak resident set size of the child, MiB (undefined when it could not be measured). */
  peakMiB?: number;
}

const GNU_TIME = '/usr/bin/time';
const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-probe.js');
let scratchDir: string | undefined;
let runs = 0;
let method: 'gnu-time' | 'probe' | undefined;

/** A folder for the memory figures, made on first use. */
function scratch(): string {
  return (scratchDir ??= mkdtempSync(path.join(os.tmpdir(), 'folio-bench-rss-')));
}

/** How peak memory is measured: GNU time when it works here, else the Node preload probe. */
function rssMethod(): 'gnu-time' | 'probe' {
  if (method) return method;
  method = 'probe';
  if (existsSync(GNU_TIME)) {
    const file = path.join(scratch(), 'check');
    const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', file, process.execPath, '-e', '0']);
    try {
      if (result.status === 0 && /^\d+$/.test(readFileSync(file, 'utf8').trim().split('\n').pop() ?? '')) method = 'gnu-time';
    } catch {
      // keep the probe
    }
  }
  return method;
}

export function describeRssMethod(): string {
  return rssMethod() === 'gnu-time' ? `${GNU_TIME} -f %M (child's peak RSS)` : 'process.resourceUsage().maxRSS of the child, via a preloaded probe';
}

/** Runs `node <args>` as a child process; resolves when it exits. */
export function runNode(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildResult> {
  const rssFile = path.join(scratch(), `rss-${++runs}`);
  const env = { ...process.env, ...options.env };
  let command: string;
  let argv: string[];
  if (rssMethod() === 'gnu-time') {
    command = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, process.execPath, ...args];
  } else {
    command = process.execPath;
    argv = ['--import', pathToFileURL(probe).href, ...args];
    env.FOLIO_BENCH_RSS_FILE = rssFile;
  }
  return run(command, argv, { ...options, env }).then((result) => {
    let peakMiB: number | undefined;
    try {
      // GNU time may write "Command exited with non-zero status N" before the number.
      const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      if (Number.isFinite(kib) && kib > 0) peakMiB = kib / 1024;
      rmSync(rssFile, { force: true });
    } catch {
      // not measured
    }
    return { ...result, ...(peakMiB !== undefined ? { peakMiB } : {}) };
  });
}

/** Runs any command, timed from outside, without a memory figure. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), seconds });
    });
  });
}

export function cleanupChildScratch(): void {
  if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  scratchDir = undefined;
}
