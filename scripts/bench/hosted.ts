import type { Browser, Response } from '@playwright/test'
import { gzipSize } from '../lib/size.mjs'
import type { BenchApp } from './lib/app'
import { median, round, type Summary, summarize } from './lib/stats'

export interface HostedFigures {
  runs: number
  /** JS the page itself loaded (its frame, its origin), as sent: the app server does not compress. */
  jsBytes: number
  /** The same bodies gzipped as scripts/lib/size.mjs defines it: what a compressing server or CDN would send. */
  jsGzipBytes: number
  jsFiles: number
  /** The same, for a page in Arabic (`?lang=ar`: its locale chunks on top). */
  arabic: { jsBytes: number; jsGzipBytes: number; jsFiles: number }
  /** Every request of the page and its flow iframe until the flow has loaded (+1 s), median. */
  requests: number
  requestsSameOrigin: number
  fcpMs: Summary
  /** Navigation → the flow iframe's load event: the session is created and the flow a person acts in has loaded. */
  flowLoadedMs: Summary
}

declare global {
  interface Window {
    __benchFlowLoadedAt?: number
  }
}

// Plain text, not a function: tsx would wrap named functions in a helper the page does not have.
// The flow iframe is appended with its URL already set, so its first load event is the flow page's.
const PROBE = `(() => {
  if (window.top !== window) return
  const seen = new WeakSet()
  new MutationObserver(() => {
    const frame = document.querySelector('.vwh-flow iframe')
    if (!frame || seen.has(frame)) return
    seen.add(frame)
    frame.addEventListener('load', () => {
      if (window.__benchFlowLoadedAt === undefined) window.__benchFlowLoadedAt = performance.now()
    })
  }).observe(document, { subtree: true, childList: true })
})()`

/** Requests made just after the flow loaded (its own scripts and images) still count. */
const SETTLE_MS = 1000

async function oneLoad(browser: Browser, app: BenchApp, query = '') {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: PROBE })
    const origin = new URL(app.url).origin
    let requests = 0
    let sameOrigin = 0
    const scripts: Promise<Buffer>[] = []
    page.on('request', (r) => {
      requests++
      if (new URL(r.url()).origin === origin) sameOrigin++
    })
    page.on('response', (r: Response) => {
      const request = r.request()
      if (request.resourceType() === 'script' && request.frame() === page.mainFrame() && new URL(r.url()).origin === origin)
        scripts.push(r.body())
    })
    await page.goto(`${app.url}/${query}`)
    await page.waitForFunction(() => window.__benchFlowLoadedAt !== undefined, undefined, { timeout: 60_000 })
    await page.waitForTimeout(SETTLE_MS)
    const timing = await page.evaluate(() => ({
      flowLoaded: window.__benchFlowLoadedAt ?? Number.NaN,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }))
    const bodies = await Promise.all(scripts)
    return {
      requests,
      sameOrigin,
      jsFiles: bodies.length,
      jsBytes: bodies.reduce((n, b) => n + b.length, 0),
      jsGzipBytes: bodies.reduce((n, b) => n + gzipSize(b), 0),
      fcp: timing.fcp,
      flowLoaded: timing.flowLoaded,
    }
  } finally {
    await context.close()
  }
}

/** Cold loads of the hosted page (a new browser profile each: empty cache, a new user). */
export async function runHostedBench(browser: Browser, app: BenchApp, runs: number): Promise<HostedFigures> {
  await oneLoad(browser, app)
  const loads = []
  for (let i = 0; i < runs; i++) loads.push(await oneLoad(browser, app))
  const arabic = await oneLoad(browser, app, '?lang=ar')
  return {
    runs,
    jsBytes: median(loads.map((l) => l.jsBytes)),
    jsGzipBytes: median(loads.map((l) => l.jsGzipBytes)),
    jsFiles: median(loads.map((l) => l.jsFiles)),
    arabic: { jsBytes: arabic.jsBytes, jsGzipBytes: arabic.jsGzipBytes, jsFiles: arabic.jsFiles },
    requests: median(loads.map((l) => l.requests)),
    requestsSameOrigin: median(loads.map((l) => l.sameOrigin)),
    fcpMs: summarize(loads.map((l) => round(l.fcp))),
    flowLoadedMs: summarize(loads.map((l) => round(l.flowLoaded))),
  }
}
