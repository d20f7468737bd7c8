import type { Browser, Request } from '@playwright/test'
import type { BenchApp } from './lib/app'
import { type BenchPageAssets, openBenchPage, stopServingBenchPage } from './lib/bench-page'
import { median, round, type Summary, summarize } from './lib/stats'

export interface ClickFigures {
  prefetch: boolean
  /** pointerdown → the flow iframe in the document with its URL (the browser requests it then). */
  ms: Summary
  /** Backend requests the flow waited for (between pointerdown and the flow request), per run. */
  roundTrips: number[]
  medianRoundTrips: number
  /** The status stream opened alongside, which the flow does not wait for. */
  streamsOpened: number[]
}

/** How long a person's press lasts between pointerdown and click; prefetch starts at the former. */
export const PRESS_MS = 80
/** Hover before the press: what prefetch's preconnect has to work with. */
export const HOVER_MS = 250

declare global {
  interface Window {
    __benchPointerDown?: number
    __benchFlowAt?: number
  }
}

async function oneClick(browser: Browser, app: BenchApp, assets: BenchPageAssets, prefetch: boolean) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    // Both ends on the page's clock. The flow is requested when its iframe is in the document with
    // its URL; Playwright's request timing is empty for a cross-site iframe, and the request event
    // reaches this process later than that.
    await page.addInitScript(() => {
      addEventListener('pointerdown', (e) => (window.__benchPointerDown = performance.timeOrigin + e.timeStamp), true)
      new MutationObserver(() => {
        if (window.__benchFlowAt === undefined && document.querySelector('iframe[src*="/facesign/flow?"]'))
          window.__benchFlowAt = performance.timeOrigin + performance.now()
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] })
    })
    await openBenchPage(page, app.url, new URL(app.sandbox.url).host, assets, prefetch ? '' : '?prefetch=0')
    const seen: Request[] = []
    page.on('request', (r) => seen.push(r))
    const flowPrefix = `${app.sandbox.facesignFlowUrl}?`
    const flow = page.waitForRequest((r) => r.url().startsWith(flowPrefix), { timeout: 15_000 })
    const box = await page.locator('button.vw-button').boundingBox()
    if (!box) throw new Error('the bench page shows no button')
    // The hover is the intent the dialog's code loads on; it has arrived when the hover is over.
    const loaded = page.waitForResponse((r) => /\/__bench\/chunk-/.test(r.url()))
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForTimeout(HOVER_MS)
    await loaded
    await stopServingBenchPage(page)
    const from = seen.length
    await page.mouse.down()
    await page.waitForTimeout(PRESS_MS)
    await page.mouse.up()
    const flowRequest = await flow
    const [pointerDown, flowAt] = await page.evaluate(() => [window.__benchPointerDown ?? Number.NaN, window.__benchFlowAt ?? Number.NaN])
    const before = seen.slice(from, seen.indexOf(flowRequest))
    const api = before.filter((r) => new URL(r.url()).pathname.startsWith('/api/verify/'))
    const streams = api.filter((r) => r.url().endsWith('/events')).length
    return { ms: flowAt - pointerDown, roundTrips: api.length - streams, streams }
  } finally {
    await context.close()
  }
}

export async function runClickBench(browser: Browser, app: BenchApp, assets: BenchPageAssets, runs: number): Promise<ClickFigures[]> {
  const figures: ClickFigures[] = []
  for (const prefetch of [true, false]) {
    const results = []
    // A first run warms the server's code paths and the browser's caches; it is not counted.
    await oneClick(browser, app, assets, prefetch)
    for (let i = 0; i < runs; i++) results.push(await oneClick(browser, app, assets, prefetch))
    const roundTrips = results.map((r) => r.roundTrips)
    figures.push({
      prefetch,
      ms: summarize(results.map((r) => round(r.ms))),
      roundTrips,
      medianRoundTrips: median(roundTrips),
      streamsOpened: results.map((r) => r.streams),
    })
  }
  return figures
}
