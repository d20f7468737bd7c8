import { defineConfig } from 'vitest/config'

/**
 * The runtime matrix (`node scripts/test-all.mjs runtimes`): one file per runtime, each bundling the
 * backend for that runtime and serving it there. One PostgreSQL server for the run.
 */
export default defineConfig({
  test: {
    include: ['tests/runtimes/*.test.ts'],
    root: `${import.meta.dirname}/../..`,
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/runtimes/setup.ts'],
  },
})
