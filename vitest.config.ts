import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on 2 cores is one worker; most tests wait on a child process (the CLI), so two or three keep both cores busy.
    maxWorkers: 3,
    // Test files share a worker's module cache: importing src/ again for each file cost about 50 s of a run.
    isolate: false,
    // The sample kit is built once for the run (tests/helpers/kit.ts: copyBuiltKit, sharedBuild).
    globalSetup: ['tests/global-setup.ts'],
  },
});
