/**
 * Runs one security case folder (tests/security/cases/<name>/): a fresh copy of the sample kit
 * in a sandbox, the case's files laid over it, its setup, then the real CLI. Asserts the exit
 * code, the diagnostics (rule and place), that nothing crashed, and that every file of the
 * sandbox outside the output folder is byte-identical afterwards (but those the case allows).
 *
 * The sandbox: `kit/` (the project, the command's cwd), `outside/` (canary files a hostile input
 * may try to read, overwrite or delete), `inbox/` (returned forms).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { CLI_ARGS, PROJECT } from '../helpers/kit.js';

export const CASES = path.join(path.dirname(new URL(import.meta.url).pathname), 'cases');

export interface ExpectedDiagnostic { rule: string; file?: string; line?: number; column?: number; severity?: 'error' | 'warning' }

export interface CaseSpec {
  title: string;
  command: string[];
  exit: number;
  diagnostics?: ExpectedDiagnostic[];
  /** Rules that must not be reported. */
  absent?: string[];
  /** Kit-relative files the command may change (e.g. sources/participants.yaml). */
  mayChange?: string[];
  stderrIncludes?: string[];
  stdoutIncludes?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Kit-relative files (in out/) that must still be there afterwards, unchanged. */
  mustRemain?: string[];
  /** Kit-relative files that must be gone afterwards. */
  mustBeGone?: string[];
}

export interface CaseContext {
  sandbox: string;
  kit: string;
  inbox: string;
  outside: string;
  run(args: string[]): { status: number | null; stdout: string; stderr: string };
}

export const CANARY = 'FOLIO-CANARY-7f3a secret that must never be read into an output';

export function caseNames(): string[] {
  return readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Setup steps (a first build) run through the same CLI. */
function runSync(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI_ARGS, ...args], { cwd, env: { ...process.env, CI: 'true' }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Path → content hash (or link target, or file type) of everything under `dir`, links not followed. */
export function snapshot(dir: string, skip: (rel: string) => boolean, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (skip(r)) continue;
    const full = path.join(dir, r);
    if (entry.isSymbolicLink()) out.set(r, `link:${readlinkSync(full)}`);
    else if (entry.isDirectory()) for (const [k, v] of snapshot(dir, skip, r)) out.set(k, v);
    else if (entry.isFile()) out.set(r, createHash('sha256').update(readFileSync(full)).digest('hex'));
    else out.set(r, `special:${lstatSync(full).mode}`);
  }
  return out;
}

function runAsync(args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { if (stdout.length < 1e6) stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { if (stderr.length < 1e6) stderr += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status, signal) => { clearTimeout(timer); resolve({ status, signal, stdout, stderr, ms: Date.now() - started }); });
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function runCase(name: string): Promise<void> {
  const dir = path.join(CASES, name);
  const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseSpec;
  const sandbox = mkdtempSync(path.join(os.tmpdir(), 'folio-security-'));
  const kit = path.join(sandbox, 'kit');
  const inbox = path.join(sandbox, 'inbox');
  const outside = path.join(sandbox, 'outside');
  for (const d of ['sources', 'templates', 'translations', 'assets']) {
    cpSync(path.join(PROJECT, d), path.join(kit, d), { recursive: true, filter: (src) => !src.includes(`${path.sep}drafts`) });
  }
  mkdirSync(inbox);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.txt'), `${CANARY}\n`);
  writeFileSync(path.join(outside, 'victim.pdf'), '%PDF-1.4 not folio\'s file\n');
  if (existsSync(path.join(dir, 'kit'))) cpSync(path.join(dir, 'kit'), kit, { recursive: true });
  if (existsSync(path.join(dir, 'inbox'))) cpSync(path.join(dir, 'inbox'), inbox, { recursive: true });
  const ctx: CaseContext = { sandbox, kit, inbox, outside, run: (args) => runSync(args, kit) };
  for (const setupName of ['setup.ts', 'setup.mjs']) {
    const setupFile = path.join(dir, setupName);
    if (existsSync(setupFile)) {
      const mod = (await import(pathToFileURL(setupFile).href)) as { default: (c: CaseContext) => Promise<void> | void };
      await mod.default(ctx);
    }
  }
  const mayChange = new Set((spec.mayChange ?? []).map((f) => `kit/${f}`));
  const skip = (rel: string) => rel === 'kit/out' || rel.startsWith('kit/out/') || mayChange.has(rel);
  const before = snapshot(sandbox, skip);
  const kept = new Map((spec.mustRemain ?? []).map((f) => [f, readFileSync(path.join(kit, f))]));

  const fill = (a: string) => a.replaceAll('{sandbox}', sandbox).replaceAll('{kit}', kit).replaceAll('{inbox}', inbox).replaceAll('{outside}', outside);
  const result = await runAsync(spec.command.map(fill), kit, spec.env ?? {}, spec.timeoutMs ?? 60_000);
  const where = `case ${name} (${spec.title}): exit ${result.status}${result.signal ? ` signal ${result.signal}` : ''} after ${result.ms} ms\n--- stderr ---\n${result.stderr.slice(0, 4000)}\n--- stdout ---\n${result.stdout.slice(0, 1000)}`;

  expect(result.signal, where).toBeNull();
  expect(result.status, where).toBe(spec.exit);
  expect(result.stderr, where).not.toMatch(/internal error/);
  expect(result.stderr, where).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  for (const d of spec.diagnostics ?? []) {
    const pattern = new RegExp(`^${d.file ? escape(fill(d.file)) : '[^\\n]*?'}:${d.line ?? '\\d+'}:${d.column ?? '\\d+'}: ${d.severity ?? '(?:error|warning)'}: .*\\[${escape(d.rule)}\\]$`, 'm');
    expect(result.stderr, `${where}\nexpected a diagnostic ${JSON.stringify(d)}`).toMatch(pattern);
  }
  for (const rule of spec.absent ?? []) expect(result.stderr, where).not.toContain(`[${rule}]`);
  for (const text of spec.stderrIncludes ?? []) expect(result.stderr, where).toContain(fill(text));
  for (const text of spec.stdoutIncludes ?? []) expect(result.stdout, where).toContain(fill(text));

  for (const [file, bytes] of kept) expect(existsSync(path.join(kit, file)) && readFileSync(path.join(kit, file)).equals(bytes), `${where}\n${file} must remain as it was`).toBe(true);
  for (const file of spec.mustBeGone ?? []) expect(existsSync(path.join(kit, file)), `${where}\n${file} must be gone`).toBe(false);
  const after = snapshot(sandbox, skip);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
  expect(changed, `${where}\nfiles outside the output folder changed`).toEqual([]);
  // Nothing read from outside the kit reached an output.
  const out = path.join(kit, 'out');
  if (existsSync(out)) {
    for (const [file] of snapshot(out, () => false)) {
      const full = path.join(out, file);
      if (lstatSync(full).isFile()) expect(readFileSync(full).includes(CANARY), `${where}\n${file} holds the canary`).toBe(false);
    }
  }
}
