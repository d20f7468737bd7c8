import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { expectNoAxeViolations } from '../support/a11y'
import { cspViolations, ELEMENT_PAGE, ensureLibraryBuild, heardEvents, serveElementPage } from '../support/element-page'
import { expectFillsViewport, expectNoHorizontalOverflow, flowFrameOf } from '../support/geometry'
import { chooseInFrame } from '../support/hosted'

// <verify-button> as a page with no framework and no bundler uses it: the package's dist/element.js
// by a plain <script type="module">, against the real backend and sandbox, under a strict CSP.

test.beforeAll(() => ensureLibraryBuild())

const element = (page: Page) => page.locator('verify-button')
const button = (page: Page) => element(page).locator('button.vw-button')
const dialogFlow = (page: Page) => page.getByRole('dialog').frameLocator('iframe')

test('loads one file up front and no React; the dialog, flow and status code arrive on intent', async ({ page, app }) => {
  const scripts = await serveElementPage(page, app, 'provider="facesign"')
  await page.goto(ELEMENT_PAGE)
  await expect(button(page)).toHaveText('Verify your identity')
  const path = (url: string) => new URL(url).pathname.slice(ELEMENT_PAGE.length)
  expect(scripts.map((r) => path(r.url())).sort()).toEqual(['dist/element.js', 'events.js'])

  await button(page).hover()
  await expect
    .poll(() => scripts.map((r) => path(r.url())).filter((p) => p.startsWith('dist/element/')))
    .toContainEqual(expect.stringMatching(/^dist\/element\/controller-[\w-]+\.js$/))
  await chooseAfterClick(page, 'Pass')
  await expect(button(page)).toHaveAttribute('data-state', 'verified')
  // Nothing React-like was fetched or defined: every script the page loaded is the element's own.
  const fetched = scripts.map((r) => r.url())
  expect(fetched.filter((u) => !path(u).startsWith('dist/element') && path(u) !== 'events.js')).toEqual([])
  for (const request of scripts) {
    const body = (await (await request.response())?.text()) ?? ''
    expect(body, request.url()).not.toMatch(/\breact(-dom)?\b|jsx-runtime|__REACT/i)
  }
  expect(await page.evaluate(() => 'React' in window || '__REACT_DEVTOOLS_GLOBAL_HOOK__' in window)).toBe(false)
  expect(await cspViolations(page)).toEqual([])
})

/** Clicks the button and chooses an outcome in the flow that opens. */
async function chooseAfterClick(page: Page, outcome: 'Pass' | 'Fail' | 'Cancel'): Promise<void> {
  await button(page).click()
  await chooseInFrame(dialogFlow(page), outcome)
}

test('keyboard alone: Tab, Enter, the flow, the result; axe finds nothing in any state; each event fires once', async ({ page, app }) => {
  await serveElementPage(page, app, 'provider="facesign"')
  await page.goto(ELEMENT_PAGE)
  await expect(button(page)).toHaveAttribute('data-state', 'idle')
  await expectNoAxeViolations(page, 'idle')

  await page.keyboard.press('Tab')
  await expect(button(page)).toBeFocused()
  await page.keyboard.press('Enter')
  const pass = dialogFlow(page).getByRole('button', { name: 'Pass' })
  await expect(pass).toBeEnabled()
  await expect(button(page)).toHaveAttribute('aria-expanded', 'true')
  await expectNoAxeViolations(page, 'dialog with the flow')
  let reached = false
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab')
    reached = await pass.evaluate((el) => el === document.activeElement && document.hasFocus())
  }
  expect(reached, 'Tab reaches the flow’s Pass button').toBe(true)
  // Not awaited: Enter removes the flow's iframe (see chooseInFrame).
  void page.keyboard.press('Enter').catch(() => undefined)
  await expect(button(page)).toHaveAttribute('data-state', 'verified')
  await expect(button(page)).toHaveText('Identity verified')
  await expect(button(page)).toBeFocused()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expectNoAxeViolations(page, 'verified')
  const events = await heardEvents(page)
  expect(events.filter((e) => e.startsWith('verify-verified'))).toEqual(['verify-verified:verified'])
  expect(events.filter((e) => e.startsWith('verify-status'))).toEqual([...new Set(events.filter((e) => e.startsWith('verify-status')))])
  expect(events.at(-1)).toBe('verify-verified:verified')
  expect(await cspViolations(page)).toEqual([])
})

test('failed, then canceled with Escape, then a backend error and "Try again": axe in each, one event each', async ({ page, app }) => {
  await serveElementPage(page, app, 'provider="facesign"')
  await page.goto(ELEMENT_PAGE)
  await chooseAfterClick(page, 'Fail')
  await expect(button(page)).toHaveText('Try verification again')
  await expect(element(page).getByRole('status')).toHaveText('Verification failed')
  await expectNoAxeViolations(page, 'failed')

  await button(page).click()
  await expect(dialogFlow(page).getByRole('button', { name: 'Pass' })).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(button(page)).toHaveAttribute('data-state', 'canceled')
  await expect(button(page)).toBeFocused()
  await expectNoAxeViolations(page, 'canceled')

  await page.route(
    '**/api/verify/sessions',
    (route) => route.fulfill({ status: 500, json: { error: { type: 'api_error', code: 'boom', message: 'Boom.' } } }),
    { times: 1 },
  )
  await button(page).click()
  await expect(element(page).getByRole('alert')).toHaveText(/Something went wrong/)
  await expectNoAxeViolations(page, 'error')
  await element(page).getByRole('button', { name: 'Try again' }).click()
  await chooseInFrame(dialogFlow(page), 'Pass')
  await expect(button(page)).toHaveAttribute('data-state', 'verified')

  const events = await heardEvents(page)
  for (const once of ['verify-failed:failed', 'verify-canceled:canceled', 'verify-error:boom', 'verify-verified:verified'])
    expect(
      events.filter((e) => e === once),
      once,
    ).toHaveLength(1)
  expect(await cspViolations(page)).toEqual([])
})

test('when the dialog’s code cannot load, the person reads why, and pressing again loads it', async ({ page, app }) => {
  await serveElementPage(page, app, 'provider="facesign"')
  await page.goto(ELEMENT_PAGE)
  const block = (route: import('@playwright/test').Route) => route.abort('internetdisconnected')
  await page.route(`**${ELEMENT_PAGE}dist/element/controller-*.js`, block)
  await button(page).click()
  await expect(element(page).getByRole('alert')).toHaveText('Could not connect. Check your connection and try again.')
  await expect(button(page)).toHaveAttribute('data-state', 'error')
  expect(await heardEvents(page)).toEqual(['verify-error:network_error'])
  await page.unroute(`**${ELEMENT_PAGE}dist/element/controller-*.js`, block)
  await chooseAfterClick(page, 'Pass')
  await expect(button(page)).toHaveAttribute('data-state', 'verified')
  await expect(element(page).getByRole('alert')).toHaveCount(0)
})

test('Arabic, dark, 320 px: right to left, a full-screen sheet, nothing overflows sideways', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await serveElementPage(page, app, 'provider="facesign" locale="ar"', { lang: 'ar' })
  await page.goto(ELEMENT_PAGE)
  await expect(button(page)).toHaveText('تحقق من هويتك')
  await expect(element(page).locator('.vw-root')).toHaveAttribute('dir', 'rtl')
  await expectNoHorizontalOverflow(page, 'element page')
  // Dark by the page's colour scheme: the primary colour is the dark one.
  expect(await button(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(143, 176, 255)')
  await testInfo.attach('idle, ar, dark, 320 px', { body: await page.screenshot(), contentType: 'image/png' })
  await button(page).click()
  const dialog = page.getByRole('dialog')
  await flowFrameOf(dialog.locator('iframe'))
  await expectFillsViewport(page, dialog, 'dialog')
  await expectNoAxeViolations(page, 'Arabic dialog')
  await testInfo.attach('dialog, ar, dark, 320 px', { body: await page.screenshot(), contentType: 'image/png' })
})

test('styled from the page: CSS custom properties and ::part reach into the shadow root', async ({ page, app }) => {
  await serveElementPage(page, app, 'provider="facesign" theme="light"')
  await page.goto(ELEMENT_PAGE)
  // A stylesheet of the page's own (a constructed one: the CSP allows no inline style).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync('verify-button { --vw-color-primary: rgb(0, 119, 85); } verify-button::part(button) { border-radius: 2px; }')
    document.adoptedStyleSheets = [sheet]
  })
  expect(await button(page).evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderTopLeftRadius])).toEqual([
    'rgb(0, 119, 85)',
    '2px',
  ])
})
