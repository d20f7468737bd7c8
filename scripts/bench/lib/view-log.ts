import type { Page } from '@playwright/test'

export interface ViewChange {
  /** Wall-clock ms on the page's clock (performance.timeOrigin + performance.now()). */
  at: number
  view: string
  title: string
}

declare global {
  interface Window {
    __benchViews?: ViewChange[]
  }
}

// Plain text, not a function: tsx would wrap named functions in a helper the page does not have.
const RECORDER = `(() => {
  const log = []
  window.__benchViews = log
  let last = ''
  new MutationObserver(() => {
    const card = document.querySelector('[data-view]')
    const view = card ? card.getAttribute('data-view') : ''
    const h2 = card ? card.querySelector('h2') : null
    const title = h2 ? h2.textContent : ''
    if (view + '\\n' + title === last) return
    last = view + '\\n' + title
    log.push({ at: performance.timeOrigin + performance.now(), view, title })
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
})()`

/**
 * Records every change of the hosted page's state card (its `data-view` and heading text) the
 * moment the DOM changes, so a status change is timed when the page shows it.
 */
export async function recordViews(page: Page): Promise<void> {
  await page.addInitScript({ content: RECORDER })
}

export const viewLog = (page: Page) => page.evaluate(() => window.__benchViews ?? [])

export async function waitForView(page: Page, view: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((v) => document.querySelector('[data-view]')?.getAttribute('data-view') === v, view, { timeout })
}
