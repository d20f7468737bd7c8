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
 * fails if a marker key (the app's, and any a test adds with `traffic.watchFor`) or any
 * sk_test_/sk_live_ key reached the browser, or if a response body could not be read.
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
    async ({ context, app, seen }, use, testInfo) => {
      const recorder = recordTraffic(context)
      recorder.watchFor(app.markers)
      await use(recorder)
      // Bodies are read before the pages go (a closed page's bodies are gone); closing then ends
      // the streams of sessions still open, whose messages were recorded as they arrived.
      await recorder.settleReads()
      await Promise.all(context.pages().map((p) => p.close()))
      await recorder.finish()
      seen.push(...recorder.entries)
      // Bodies whose document went before they could be read (a redirect the moment an answer
      // arrived): their headers were scanned; the report lists them.
      for (const url of recorder.cutOff) testInfo.annotations.push({ type: 'body cut off with its document', description: url })
      expect(recorder.unread, 'responses the recorder could not read').toEqual([])
      expect(findLeaks(recorder.entries, recorder.markers), 'secrets the browser received or sent').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
