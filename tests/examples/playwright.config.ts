import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium'

/**
 * The example apps (examples/*), each built on the packed tarball and started by its own `npm start`
 * on an ephemeral port: `node scripts/examples.mjs` installs and builds them, then runs this.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /(examples|python)\.spec\.ts$/,
  outputDir: '../../test-results/examples',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json']],
  use: {
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
  },
})
