/** Security cases, first half (the cases are split in two files so that they run in parallel). */
import { describe, it } from 'vitest';
import { caseNames, runCase } from './run-case.js';

describe('security cases (1 of 2)', () => {
  for (const name of caseNames().filter((_, i) => i % 2 === 0)) it(name, () => runCase(name), 120_000);
});
