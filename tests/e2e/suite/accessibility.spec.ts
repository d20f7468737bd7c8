import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { expectNoAxeViolations } from '../support/a11y'
import {
  answerNextCreate,
  CREATE,
  chooseInFrame,
  expectFlowReady,
  expectView,
  faceVerifyRoundTrip,
  flowFrame,
  holdNextCreate,
  REFRESH,
  serveStaleSecret,
  stateCard,
} from '../support/hosted'

async function finish(page: Page, outcome: 'Pass' | 'Fail' | 'Cancel'): Promise<void> {
  await chooseInFrame(flowFrame(page), outcome)
}

test.describe('axe finds nothing on the hosted page', () => {
  test('flow, then each result', async ({ page }) => {
    await page.goto('/')
    await expectFlowReady(page)
    await expectNoAxeViolations(page, 'requires_input with the flow')
    await finish(page, 'Fail')
    await expectView(page, 'failed')
    await expectNoAxeViolations(page, 'failed')
    await page.getByRole('button', { name: /try again/i }).click()
    await finish(page, 'Cancel')
    await expectView(page, 'canceled')
    await expectNoAxeViolations(page, 'canceled')
    await page.getByRole('button', { name: /start again/i }).click()
    await finish(page, 'Pass')
    await expectView(page, 'verified')
    await expectNoAxeViolations(page, 'verified')
  })

  test('starting, error, rate limited, offline', async ({ page, context }) => {
    const release = await holdNextCreate(page, (route) =>
      route.fulfill({ status: 500, json: { error: { type: 'api_error', code: 'boom', message: 'Boom.' } } }),
    )
    await page.goto('/')
    await expectView(page, 'starting')
    await expectNoAxeViolations(page, 'starting')
    release()
    await expectView(page, 'error')
    await expectNoAxeViolations(page, 'error')

    await answerNextCreate(page, {
      status: 429,
      headers: { 'Retry-After': '30' },
      json: { error: { type: 'rate_limit_error', code: 'x', message: 'Slow down.' } },
    })
    await page.getByRole('button', { name: /try again/i }).click()
    await expectView(page, 'rate_limited')
    await expectNoAxeViolations(page, 'rate_limited')

    await context.setOffline(true)
    await expectView(page, 'offline')
    await expectNoAxeViolations(page, 'offline')
    await context.setOffline(false)
  })

  test('expired, FaceVerify and a right-to-left language', async ({ page, app }) => {
    await page.route(REFRESH, (route) =>
      route.fulfill({ status: 400, json: { error: { type: 'invalid_request_error', code: 'session_finished', message: 'Gone.' } } }),
    )
    await serveStaleSecret(page, CREATE, 1)
    await page.goto('/')
    await expect(stateCard(page)).toHaveAttribute('data-view', /error|expired/)
    await expectNoAxeViolations(page, 'expired secret')

    // A fresh visit: a session left in this tab's storage would be resumed instead.
    await page.evaluate(() => sessionStorage.clear())
    await faceVerifyRoundTrip(page, app, 'Pass')
    await expectView(page, 'verified')
    await expectNoAxeViolations(page, 'FaceVerify verified')

    await page.goto('/?lang=ar')
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expectFlowReady(page)
    await expectNoAxeViolations(page, 'Arabic, right to left')
  })
})

test('keyboard alone completes the hosted FaceSign flow', async ({ page }) => {
  await page.goto('/')
  await expectFlowReady(page)
  const pass = flowFrame(page).getByRole('button', { name: 'Pass' })
  let reached = false
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab')
    reached = await pass.evaluate((el) => el === document.activeElement && document.hasFocus())
  }
  expect(reached, 'Tab reaches the flow’s Pass button').toBe(true)
  // Not awaited: Enter removes the flow's iframe (see chooseInFrame).
  void page.keyboard.press('Enter').catch(() => undefined)
  await expectView(page, 'verified')
  await expect(page.locator('#vwh-state-title')).toBeFocused()
})
