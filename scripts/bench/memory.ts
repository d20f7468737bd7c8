import type { Browser, CDPSession, Page } from '@playwright/test'
import type { BenchApp } from './lib/app'
import { type BenchPageAssets, openBenchPage, stopServingBenchPage } from './lib/bench-page'
import { round } from './lib/stats'

export interface MemoryFigures {
  warmupCycles: number
  cycles: number
  /** JSHeapUsedSize after a forced GC, before and after the cycles. */
  heapBeforeBytes: number
  heapAfterBytes: number
  growthBytes: number
  growthPercent: number
  /** DOM nodes, listeners and documents: a leaked dialog or iframe shows up here first. */
  nodes: [number, number]
  listeners: [number, number]
  documents: [number, number]
}

async function metrics(page: Page, cdp: CDPSession): Promise<Record<string, number>> {
  // The browser's resource-timing buffer (one entry per request, up to 250) is the page's, not ours.
  await page.evaluate(() => performance.clearResourceTimings())
  // Twice: the first collection can leave garbage that only its finalizers released.
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

/** Keyboard only: Enter opens (a new session), Escape closes (cancels it), focus comes back to the button. */
async function cycle(page: Page): Promise<void> {
  const button = page.locator('button.vw-button')
  await button.focus()
  await page.keyboard.press('Enter')
  await page.locator('dialog.vw-dialog[open] iframe').waitFor()
  await page.keyboard.press('Escape')
  await page.locator('button.vw-button[data-state="canceled"]').waitFor()
  await page.locator('dialog.vw-dialog[open]').waitFor({ state: 'detached' })
  // A new user for the next session: the backend allows ten new sessions a minute per user.
  await page.context().clearCookies()
}

/** `warmup` cycles first: V8 keeps compiling hot code for the first cycles, which is not the widget growing. */
export async function runMemoryBench(
  browser: Browser,
  app: BenchApp,
  assets: BenchPageAssets,
  warmup: number,
  cycles: number,
): Promise<MemoryFigures> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await openBenchPage(page, app.url, new URL(app.sandbox.url).host, assets)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    for (let i = 0; i < warmup; i++) await cycle(page)
    // The warm-up loaded the dialog's code; nothing more comes from the page's own files.
    await stopServingBenchPage(page)
    const before = await metrics(page, cdp)
    for (let i = 0; i < cycles; i++) await cycle(page)
    const after = await metrics(page, cdp)
    const pair = (name: string): [number, number] => [before[name] ?? Number.NaN, after[name] ?? Number.NaN]
    const [heapBefore, heapAfter] = pair('JSHeapUsedSize')
    return {
      warmupCycles: warmup,
      cycles,
      heapBeforeBytes: heapBefore,
      heapAfterBytes: heapAfter,
      growthBytes: heapAfter - heapBefore,
      growthPercent: round(((heapAfter - heapBefore) / heapBefore) * 100, 2),
      nodes: pair('Nodes'),
      listeners: pair('JSEventListeners'),
      documents: pair('Documents'),
    }
  } finally {
    await context.close()
  }
}
