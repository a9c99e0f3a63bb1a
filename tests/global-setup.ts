/**
 * Builds the sample kit once for the whole run: the end-to-end tests that need a built kit read
 * it (build-sample.test.ts) or start from a copy of it (copyBuiltKit), instead of each building
 * their own. Its build report is kept beside it (build-report.stdout.json, the CLI's --json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CLI, CLI_ARGS, copyKitInto } from './helpers/kit.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A copy of the sample kit with out/ built (read-only: copy it with copyBuiltKit to change it). */
    builtKit: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-built-kit-'));
  const root = path.join(dir, 'kit');
  copyKitInto(root);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it first).`);
  const result = spawnSync(process.execPath, [...CLI_ARGS, 'build', '--root', root, '--json'], { cwd: root, env: { ...process.env, CI: 'true' }, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`the shared build of the sample kit failed (exit ${result.status}):\n${result.stderr}`);
  writeFileSync(path.join(dir, 'build-report.stdout.json'), result.stdout);
  if (result.stderr) writeFileSync(path.join(dir, 'build.stderr.txt'), result.stderr);
  project.provide('builtKit', root);
  return () => rmSync(dir, { recursive: true, force: true });
}
