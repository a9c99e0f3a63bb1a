/** What the incremental-build tests (fingerprints*.test.ts) share: building a kit and reading its report. */
import { expect } from 'vitest';
import { runCli } from '../helpers/kit.js';

export interface Output { path: string; status: string; sha256: string; format: string; lang: string }
export interface Report { outputs: Output[]; work: { composed: string[]; workers: number } }

export function build(root: string, ...args: string[]): Report {
  const result = runCli(['build', '--root', root, '--json', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Report;
}
export const built = (r: Report) => r.outputs.filter((o) => o.status === 'built').map((o) => o.path).sort();
export const validate = (root: string, ...args: string[]) => runCli(['validate', '--root', root, '--json', ...args]);
