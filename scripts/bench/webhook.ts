import type { Browser } from '@playwright/test'
import { isRecord } from '../../src/core/guards'
import type { BenchApp } from './lib/app'
import { round, type Summary, summarize } from './lib/stats'
import { recordViews, viewLog, waitForView } from './lib/view-log'

export type Transport = 'sse' | 'polling'

export interface WebhookFigures {
  transport: Transport
  sessions: number
  /** Webhook sent (sandbox) → the hosted page shows `verified`. */
  ms: Summary
  /** The webhook goes out this long after the flow started (uniform), so polling is caught at any point of its cycle. */
  sendDelayMs: [number, number]
  /** Status streams and status reads the pages opened, to show which transport ran. */
  streams: number
  polls: number
}

const SEND_DELAY: Record<Transport, [number, number]> = { sse: [100, 500], polling: [0, 5000] }
/** Polling pages mostly wait: several run at once; SSE sessions run one at a time, their figure is the fine one. */
const CONCURRENCY: Record<Transport, number> = { sse: 1, polling: 10 }

/** The provider session behind the page's session: FaceSign client secrets start with its id. */
function providerIdFrom(sessionJson: unknown): string {
  const url = isRecord(sessionJson) ? sessionJson.url : undefined
  const secret = typeof url === 'string' ? new URL(url).searchParams.get('client_secret') : null
  const id = secret?.split('_secret_')[0]
  if (!id) throw new Error('POST /sessions gave no FaceSign flow URL')
  return id
}

async function oneSession(browser: Browser, app: BenchApp, transport: Transport) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await recordViews(page)
    // The widget polls when the browser has no EventSource.
    if (transport === 'polling') await page.addInitScript(() => Reflect.deleteProperty(window, 'EventSource'))
    let streams = 0
    let polls = 0
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname
      if (!path.startsWith('/api/verify/sessions/')) return
      if (path.endsWith('/events')) streams++
      else if (r.method() === 'GET') polls++
    })
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/verify/sessions')
    await page.goto(`${app.url}/`)
    const providerId = providerIdFrom(await (await created).json())
    // The flow page reports `started` when it opens: wait for that to show, so the next change is the outcome.
    await waitForView(page, 'in_progress')
    const [lo, hi] = SEND_DELAY[transport]
    await page.waitForTimeout(lo + Math.random() * (hi - lo))
    const sentAt = Date.now()
    await app.sandbox.complete(providerId, 'pass')
    await waitForView(page, 'verified')
    const shown = (await viewLog(page)).find((v) => v.view === 'verified')
    if (!shown) throw new Error(`the page showed verified without a recorded change: ${JSON.stringify(await viewLog(page))}`)
    return { ms: shown.at - sentAt, streams, polls }
  } finally {
    await context.close()
  }
}

export async function runWebhookBench(browser: Browser, app: BenchApp, transport: Transport, sessions: number): Promise<WebhookFigures> {
  const results: { ms: number; streams: number; polls: number }[] = []
  await oneSession(browser, app, transport)
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY[transport] }, async () => {
      while (next < sessions) {
        next++
        results.push(await oneSession(browser, app, transport))
      }
    }),
  )
  const streams = results.reduce((n, r) => n + r.streams, 0)
  // A figure under the wrong name is worse than none: check which transport the pages really used.
  if (transport === 'polling' && streams > 0) throw new Error(`${streams} status streams opened in the polling-only run`)
  if (transport === 'sse' && streams < results.length) throw new Error(`only ${streams} status streams for ${results.length} SSE sessions`)
  return {
    transport,
    sessions: results.length,
    ms: summarize(results.map((r) => round(r.ms))),
    sendDelayMs: SEND_DELAY[transport],
    streams,
    polls: results.reduce((n, r) => n + r.polls, 0),
  }
}
