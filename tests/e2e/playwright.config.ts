import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium'

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The same run with or without CI: a focused test never passes for the whole suite.
  forbidOnly: true,
  reporter: [['list'], ['json']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [
    // Serves dist-hosted itself on an ephemeral port (see tests/e2e/smoke.spec.ts): no fixed port, so
    // never a stray server that happens to listen there.
    { name: 'hosted', testMatch: /smoke\.spec\.ts$/ },
    // Serves storybook-static itself on an ephemeral port (see tests/storybook/static-server.ts).
    {
      name: 'storybook',
      testDir: '../storybook',
      testMatch: /stories\.spec\.ts$/,
      outputDir: '../../test-results/storybook',
      timeout: 90_000,
    },
    // Starts its own app (scripts/start.ts) and sandbox on ephemeral ports: see tests/e2e/fixtures.ts.
    { name: 'e2e', testDir: './suite', testMatch: /\.spec\.ts$/, timeout: 60_000 },
  ],
})
