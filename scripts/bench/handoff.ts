import { type Browser, type BrowserContextOptions, chromium } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium'
import type { BenchApp } from './lib/app'
import { type BenchPageAssets, openBenchPage, stopServingBenchPage } from './lib/bench-page'
import { round, type Summary, summarize } from './lib/stats'

export interface HandoffFigures {
  handoffs: number
  /** The phone's click on Pass in its flow → the desktop's button says `verified` (its DOM, over its status stream). */
  ms: Summary
  /** Provider sessions the desktops created before their phone opened the link (a device with no camera must create none). */
  desktopProviderCreates: number
}

/** A phone as the end-to-end suite has one: its viewport, touch, and the fake camera of the suite's Chromium. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

declare global {
  interface Window {
    __benchVerifiedAt?: number
    __benchPass?: (at: number) => void
  }
}

// Plain text, not functions: tsx would wrap named functions in a helper the page does not have.
/** On the desktop: the moment the widget's button first says `verified` in the DOM, on the page's clock. */
const DESKTOP = `new MutationObserver(() => {
  if (window.__benchVerifiedAt === undefined && document.querySelector('button.vw-button[data-state="verified"]'))
    window.__benchVerifiedAt = performance.timeOrigin + performance.now()
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })`
/** In every frame of the phone: the click on the flow's Pass, on the flow frame's clock. */
const PHONE_PASS = `addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button') : null
  if (button && button.textContent.trim() === 'Pass' && location.pathname === '/facesign/flow') window.__benchPass(performance.timeOrigin + event.timeStamp)
}, true)`

// How long one step may take before the round fails: a safety net for a stuck page, not a budget
// (a loaded two-core machine can take seconds to start a browser page).
const WAIT_MS = 60_000

/** `done`, or a rejection with `message` after WAIT_MS; the timer does not outlive it. */
function within<T>(done: Promise<T>, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), WAIT_MS)))
  return Promise.race([done, late]).finally(() => clearTimeout(timer))
}

/** A step of a round; its failure names the step. */
async function step<T>(name: string, done: Promise<T>): Promise<T> {
  try {
    return await done
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
}

/** The sandbox's FaceSign creates so far. */
const providerCreates = (app: BenchApp) => app.sandbox.counts()['POST /facesign/v1/sessions'] ?? 0

/**
 * One handoff: a desktop with no camera opens the bench page's button (the link shows at once, no
 * provider session), a phone opens the link on the hosted page and presses Pass in its flow; timed
 * from that click to the desktop's button saying `verified`.
 */
async function oneHandoff(desk: Browser, phones: Browser, app: BenchApp, assets: BenchPageAssets) {
  const desktop = await desk.newContext()
  const phone = await phones.newContext(PHONE)
  try {
    const page = await desktop.newPage()
    await page.addInitScript({ content: DESKTOP })
    await openBenchPage(page, app.url, new URL(app.sandbox.url).host, assets)
    const before = providerCreates(app)
    await page.locator('button.vw-button').click()
    const link = page.locator('.vw-device .vw-link')
    await step('the desktop shows the link to a phone', link.waitFor({ timeout: WAIT_MS }))
    // The QR code's chunk has arrived: the page needs nothing more from the interception.
    await step('the QR code shows', page.locator('.vw-device svg').waitFor({ timeout: WAIT_MS }))
    await stopServingBenchPage(page)
    const url = (await link.textContent()) ?? ''
    if (!url.includes('#handoff=')) throw new Error(`the desktop showed no link to a phone: "${url}"`)
    const desktopCreates = providerCreates(app) - before

    let passedAt: (at: number) => void = () => {}
    const passed = new Promise<number>((resolve) => (passedAt = resolve))
    await phone.exposeFunction('__benchPass', (at: number) => passedAt(at))
    await phone.addInitScript({ content: PHONE_PASS })
    const mobile = await phone.newPage()
    await mobile.goto(url)
    const pass = mobile.frameLocator('iframe').getByRole('button', { name: 'Pass' })
    await step('the phone’s flow is ready', pass.waitFor({ timeout: WAIT_MS }))
    await step(
      'the desktop says the phone opened the link',
      page.locator('.vw-device-status').filter({ hasText: 'Opened on your phone' }).waitFor({ timeout: WAIT_MS }),
    )
    // Not awaited: the result removes the flow's frame, and a click whose frame is gone never returns.
    void pass.click().catch(() => undefined)
    const from = await step('the phone’s Pass is pressed', within(passed, `no click in ${WAIT_MS} ms`))
    await step(
      'the desktop shows verified',
      page.waitForFunction(() => window.__benchVerifiedAt !== undefined, undefined, { timeout: WAIT_MS }),
    )
    const shownAt = await page.evaluate(() => window.__benchVerifiedAt!)
    return { ms: shownAt - from, desktopCreates }
  } finally {
    await Promise.all([desktop.close(), phone.close()])
  }
}

/**
 * `handoffs` rounds one at a time, after one that warms the server and the browsers (not counted); a
 * single round (the smoke run, which checks that it works) has none.
 */
export async function runHandoffBench(browser: Browser, app: BenchApp, assets: BenchPageAssets, handoffs: number): Promise<HandoffFigures> {
  // Chromium without the fake camera: a desktop with no video input at all.
  const desk = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS.filter((arg) => !arg.includes('fake')) })
  try {
    if (handoffs > 1) await oneHandoff(desk, browser, app, assets)
    const results = []
    for (let i = 0; i < handoffs; i++) results.push(await oneHandoff(desk, browser, app, assets))
    return {
      handoffs: results.length,
      ms: summarize(results.map((r) => round(r.ms))),
      desktopProviderCreates: results.reduce((n, r) => n + r.desktopCreates, 0),
    }
  } finally {
    await desk.close()
  }
}
