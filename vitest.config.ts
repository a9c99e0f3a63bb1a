import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; most tests wait on a child process (the CLI), so two or three keep both cores busy.
    maxWorkers: 3,
  },
});
