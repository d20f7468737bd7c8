import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium'

const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 4173)

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
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
    { name: 'hosted', testMatch: /smoke\.spec\.ts$/, use: { baseURL: `http://localhost:${PREVIEW_PORT}` } },
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
  webServer: [
    {
      command: `npx vite preview --port ${PREVIEW_PORT} --strictPort`,
      url: `http://localhost:${PREVIEW_PORT}/`,
      reuseExistingServer: !process.env.CI,
      cwd: '../..',
    },
  ],
})
