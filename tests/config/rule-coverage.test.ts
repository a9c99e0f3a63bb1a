/** Every rule id the configuration stage can report has a case that triggers it. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Rules triggered by tests outside the fixtures (a file that cannot be read has no fixture). */
const COVERED_ELSEWHERE = new Set(['config/read']);

it('every rule id in src/config is triggered by a fixture', () => {
  const used = new Set<string>();
  for (const file of files(path.join(root, 'src/config'), '.ts')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/'((?:config|quota|seats)\/[a-z0-9-]+)'/g)) used.add(match[1]!);
  }
  const triggered = new Set<string>();
  for (const file of files(path.join(root, 'tests/fixtures/config'), 'expected.txt')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\[((?:config|quota|seats)\/[a-z0-9-]+)\]$/gm)) triggered.add(match[1]!);
  }
  const untested = [...used].filter((rule) => !triggered.has(rule) && !COVERED_ELSEWHERE.has(rule)).sort();
  expect(untested).toEqual([]);
  expect(used.size).toBeGreaterThan(20);
});
