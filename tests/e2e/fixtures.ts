import { test as base, expect } from '@playwright/test'
import { type RunningApp, startApp } from './support/app'
import { findLeaks, type Recorded, recordTraffic, type TrafficRecorder } from './support/recorder'

interface WorkerFixtures {
  app: RunningApp
  /** Everything every browser context of this worker sent and received (the secret-leak gate reads it). */
  seen: Recorded[]
}

interface TestFixtures {
  traffic: TrafficRecorder
}

/**
 * One app per worker (a single worker runs the suite). Every test records its context's traffic and
 * fails if a marker key or any sk_test_/sk_live_ key reached the browser.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  app: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const app = await startApp()
      await use(app)
      await app.stop()
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  seen: [async ({}, use) => use([]), { scope: 'worker' }],
  baseURL: async ({ app }, use) => use(app.url),
  traffic: [
    async ({ context, app, seen }, use) => {
      const recorder = recordTraffic(context)
      await use(recorder)
      // Closed pages end their open streams, so no body read waits on a session that is still open.
      await Promise.all(context.pages().map((p) => p.close()))
      await recorder.settle()
      seen.push(...recorder.entries)
      expect(findLeaks(recorder.entries, app.markers), 'secrets the browser received or sent').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
