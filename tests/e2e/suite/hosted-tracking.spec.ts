import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import {
  chooseInFrame,
  expectFlowReady,
  expectView,
  faceVerifyRoundTrip,
  flowFrame,
  flowSessionId,
  stateCard,
  trackedSessionId,
} from '../support/hosted'

/**
 * Headless Chromium keeps every tab visible, so visibility is switched the way the page reads it:
 * document.hidden / visibilityState and a visibilitychange event that bubbles, as the browser's does.
 */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => value })
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  }, hidden)
}

test('FaceVerify: redirect out to the provider and back to the hosted page, verified', async ({ page, app }) => {
  await faceVerifyRoundTrip(page, app, 'Pass')
  await expect(page).toHaveURL(new RegExp(`^${app.url}/\\?session=vws_`))
  await expectView(page, 'verified')
  await expect(page.locator('.vwh-brand')).toHaveText('FaceVerify')
})

test('a reload mid-flow resumes tracking the same session', async ({ page, app }) => {
  await page.goto('/')
  await expectFlowReady(page)
  const id = await trackedSessionId(page)
  const providerId = await flowSessionId(page)
  expect(id).toMatch(/^vws_/)
  await page.reload()
  await expect(stateCard(page)).toHaveAttribute('data-view', /requires_input|in_progress/)
  // The flow comes back for the same session (the backend hands out the open one again).
  await expectFlowReady(page)
  expect(await trackedSessionId(page)).toBe(id)
  expect(await flowSessionId(page)).toBe(providerId)
  // The person finishes on the provider's side; the reloaded page learns it from the backend.
  await app.sandbox.complete(providerId, 'pass')
  await expectView(page, 'verified')
})

test('two tabs of one user share one session', async ({ context, app }) => {
  const creates = () => app.proxy.calls().filter((c) => c === 'POST /facesign/v1/sessions').length
  const before = creates()
  const first = await context.newPage()
  await first.goto('/')
  await expectFlowReady(first)
  const second = await context.newPage()
  await second.goto('/')
  await expectFlowReady(second)
  expect(await trackedSessionId(second)).toBe(await trackedSessionId(first))
  const providerId = await flowSessionId(first)
  expect(await flowSessionId(second)).toBe(providerId)
  // One provider session for both tabs: the second tab's create returned the open one.
  expect(creates() - before).toBe(1)
  await chooseInFrame(flowFrame(second), 'Pass')
  await expectView(second, 'verified')
  await expectView(first, 'verified')
})

test('a webhook that lands while the page is hidden shows on return', async ({ page, app }) => {
  // No stream (a proxy that refuses SSE): the page polls, and polling pauses while the page is hidden.
  await page.route('**/api/verify/sessions/*/events', (route) => route.fulfill({ status: 503, body: 'no streams here' }))
  await page.goto('/')
  await expectFlowReady(page)
  const providerId = await flowSessionId(page)
  await setHidden(page, true)
  await app.sandbox.complete(providerId, 'pass')
  await app.sandbox.webhooksSettled()
  const delivered = app.sandbox.deliveries().filter((d) => d.body.includes(providerId) && d.type === 'session.verified')
  expect(delivered.map((d) => [d.delivered, d.lastResult])).toEqual([[true, 200]])
  await setHidden(page, false)
  await expectView(page, 'verified')
})
