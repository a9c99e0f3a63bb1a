/**
 * One folder per case under tests/fixtures/config/<case>/: `seminar.yaml` and
 * `expected.txt`, the formatted diagnostics one per line (empty for a valid file).
 * Run with UPDATE_FIXTURES=1 to rewrite the expectations on purpose.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures/config');
const update = process.env.UPDATE_FIXTURES === '1';
const cases = readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('configuration fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(fixtures, name);
    const file = path.relative(root, path.join(dir, 'seminar.yaml')).split(path.sep).join('/');
    const result = parseConfig(readFileSync(path.join(dir, 'seminar.yaml'), 'utf8'), file);
    const actual = result.diagnostics.map(formatDiagnostic).join('\n') + (result.diagnostics.length ? '\n' : '');
    const expectedFile = path.join(dir, 'expected.txt');
    if (update) writeFileSync(expectedFile, actual);
    if (!existsSync(expectedFile)) throw new Error(`${expectedFile} is missing: run with UPDATE_FIXTURES=1 to write it.`);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));

    // The config comes back exactly when there is no error.
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(result.config === undefined).toBe(errors.length > 0);
  });
});
