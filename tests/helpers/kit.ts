/** Helpers for end-to-end tests: a copy of the sample kit in a temporary folder, and the real CLI. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(PROJECT, 'dist', 'cli', 'main.js');

/**
 * How the tests start the CLI: `node --max-opt=2 dist/cli/main.js`. Without V8's top tier
 * (TurboFan; Maglev stays on Node 22+) a short process spends about a third less processor time
 * for the same result: it no longer optimises, on background threads, code it exits before using
 * much. The suite runs hundreds of such processes on two cores side by side, so it is bound by
 * processor time. JIT tiers change speed, never behaviour; folio itself runs with V8's defaults.
 */
export const CLI_ARGS: readonly string[] = ['--max-opt=2', CLI];

/** Copies sources/, templates/, assets/ (the logos) and the translation stores of the sample kit into `root`. */
export function copyKitInto(root: string): void {
  cpSync(path.join(PROJECT, 'sources'), path.join(root, 'sources'), { recursive: true });
  cpSync(path.join(PROJECT, 'templates'), path.join(root, 'templates'), { recursive: true });
  cpSync(path.join(PROJECT, 'assets'), path.join(root, 'assets'), { recursive: true });
  cpSync(path.join(PROJECT, 'translations'), path.join(root, 'translations'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}drafts`),
  });
}

/** A copy of the sample kit in a fresh temporary folder. */
export function copyKit(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-test-kit-'));
  copyKitInto(root);
  return root;
}

/**
 * A copy of the sample kit with out/ as a full build left it (tests/global-setup.ts builds it
 * once per run): for tests whose first step would be that build.
 */
export function copyBuiltKit(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'folio-test-built-'));
  cpSync(inject('builtKit'), root, { recursive: true });
  return root;
}

/** The shared built kit itself, and the report its build printed: read it, never change it. */
export function sharedBuild<R = unknown>(): { root: string; out: string; report: R } {
  const root = inject('builtKit');
  return { root, out: path.join(root, 'out'), report: JSON.parse(readFileSync(path.join(root, '..', 'build-report.stdout.json'), 'utf8')) as R };
}

export function editFile(file: string, edit: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`test setup: the edit did not change ${file}`);
  writeFileSync(file, after);
}

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it first).`);
  const result = spawnSync(process.execPath, [...CLI_ARGS, ...args], {
    cwd: options.cwd ?? PROJECT,
    env: { ...process.env, CI: 'true', ...options.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether a command-line tool is installed; under CI its absence is a failure, elsewhere a note. */
export function hasTool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
  if (!found) {
    const message = `${name} is not installed: install poppler-utils / qpdf (apt-get install -y poppler-utils qpdf)`;
    if (process.env.CI) throw new Error(`${message}; .ci/run installs them.`);
    console.warn(`NOTE: ${message}; the checks that need it are not run here.`);
  }
  return found;
}

export function pdfText(file: string): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed on ${file}: ${result.stderr}`);
  return result.stdout;
}

/** Text with all white space folded, and hyphenation-free comparisons in mind. */
export function fold(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Whether ../shared/interop (files written by real translation tools) is beside the project.
 * `.ci/run` sets FOLIO_REQUIRE_SHARED=1: there its absence is a failure; elsewhere (a user's own
 * CI, a laptop) the tests that read it say in their output that they were skipped.
 */
export function sharedInterop(what: string): string | undefined {
  const dir = path.resolve(PROJECT, '..', 'shared', 'interop');
  if (existsSync(dir)) return dir;
  if (process.env.FOLIO_REQUIRE_SHARED) throw new Error(`${dir} is missing, and .ci/run asked for it (FOLIO_REQUIRE_SHARED)`);
  console.warn(`NOTE: ${dir} is absent: ${what} skipped.`);
  return undefined;
}

/**
 * Whether a real tool of the trade is installed (`check` runs it). `.ci/run` installs them and
 * sets FOLIO_CI_TOOLS=1: there its absence is a failure; elsewhere the tests that need it say
 * in their output that they were skipped.
 */
export function realTool(name: string, check: string[], install: string): boolean {
  const result = spawnSync(check[0]!, check.slice(1), { encoding: 'utf8' });
  if (result.status === 0) return true;
  const message = `${name} is not available (${install})`;
  if (process.env.FOLIO_CI_TOOLS) throw new Error(`${message}, and .ci/run asked for it (FOLIO_CI_TOOLS).`);
  console.warn(`NOTE: ${message}: the checks with ${name} are skipped here.`);
  return false;
}

/** Debian's Python, whose packages (python3-pypdf, python3-pikepdf) apt-get installs; else python3 on PATH. */
export const SYSTEM_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
