import { gzipSync } from 'node:zlib'
import type { Browser, Response } from '@playwright/test'
import type { BenchApp } from './lib/app'
import { median, round, type Summary, summarize } from './lib/stats'

export interface HostedFigures {
  runs: number
  /** JS the page itself loaded (its frame, its origin), as sent: the app server does not compress. */
  jsBytes: number
  /** The same bodies at gzip -9, what a compressing server or CDN would send. */
  jsGzipBytes: number
  jsFiles: number
  /** Every request of the page and its flow iframe until it is interactive (+1 s), median. */
  requests: number
  requestsSameOrigin: number
  fcpMs: Summary
  /** Navigation → painted, showing an action (the flow with its Cancel button), and done with long tasks: the latest of the three. */
  ttiMs: Summary
}

declare global {
  interface Window {
    __benchReadyAt?: number
    __benchLongTaskEnd?: number
  }
}

// Plain text, not a function: tsx would wrap named functions in a helper the page does not have.
const PROBE = `(() => {
  if (window.top !== window) return
  window.__benchLongTaskEnd = 0
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTaskEnd = Math.max(window.__benchLongTaskEnd, e.startTime + e.duration)
  }).observe({ type: 'longtask', buffered: true })
  new MutationObserver(() => {
    if (window.__benchReadyAt === undefined && document.querySelector('[data-view] button'))
      window.__benchReadyAt = performance.now()
  }).observe(document, { subtree: true, childList: true })
})()`

/** Quiet time after the page is ready: long tasks in it still count against interactivity. */
const SETTLE_MS = 1000

async function oneLoad(browser: Browser, app: BenchApp) {
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
    await page.goto(`${app.url}/`)
    await page.waitForFunction(() => window.__benchReadyAt !== undefined, undefined, { timeout: 30_000 })
    await page.waitForTimeout(SETTLE_MS)
    const timing = await page.evaluate(() => ({
      ready: window.__benchReadyAt ?? Number.NaN,
      longTaskEnd: window.__benchLongTaskEnd ?? 0,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }))
    const bodies = await Promise.all(scripts)
    return {
      requests,
      sameOrigin,
      jsFiles: bodies.length,
      jsBytes: bodies.reduce((n, b) => n + b.length, 0),
      jsGzipBytes: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
      fcp: timing.fcp,
      tti: Math.max(timing.fcp, timing.ready, timing.longTaskEnd),
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
  return {
    runs,
    jsBytes: median(loads.map((l) => l.jsBytes)),
    jsGzipBytes: median(loads.map((l) => l.jsGzipBytes)),
    jsFiles: median(loads.map((l) => l.jsFiles)),
    requests: median(loads.map((l) => l.requests)),
    requestsSameOrigin: median(loads.map((l) => l.sameOrigin)),
    fcpMs: summarize(loads.map((l) => round(l.fcp))),
    ttiMs: summarize(loads.map((l) => round(l.tti))),
  }
}
