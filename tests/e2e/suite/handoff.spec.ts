import type { Browser } from '@playwright/test'
import { expect, test } from '../fixtures'
import { expectNoAxeViolations } from '../support/a11y'
import { demoCard, expectButtonState, verifyButton } from '../support/demo'
import { handoffLinks, serveElementPage, uiEvents } from '../support/element-page'
import { decodeQr, deviceView, launchWithoutCamera, PHONE, providerCreates, recordedContext, setCamera } from '../support/handoff'
import { chooseInFrame, expectFlowReady, expectView, flowFrame, stateCard } from '../support/hosted'
import { startTwoInstances } from '../support/instances'

// "Continue on your phone": a desktop with no camera (Chromium without the fake device has no video
// input), or with the camera blocked, hands its session to a phone (the suite's Chromium, with its fake
// camera, in a phone's viewport) through a single-use link; the desktop follows over its status stream.
let noCamera: Browser
test.beforeAll(async () => {
  noCamera = await launchWithoutCamera()
})
test.afterAll(async () => {
  await noCamera?.close()
})

const QR = { name: 'QR code with the link for your phone' }

test('no camera: the phone option at once and no provider session; the phone opens the QR code’s link and passes; the desktop shows verified', async ({
  app,
  browser,
}) => {
  const desk = await recordedContext(noCamera, app.markers)
  const phone = await recordedContext(browser, app.markers, PHONE)
  const second = await recordedContext(browser, app.markers, PHONE)
  const page = await desk.page()
  await page.goto(`${app.url}/demo/`)
  const card = demoCard(page, 'facesign', 'modal')
  const before = providerCreates(app.sandbox)
  await verifyButton(card).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: 'No camera was found on this device.' })).toBeFocused()
  const step = dialog.locator('.vw-device-status')
  await expect(step).toHaveText('Waiting for your phone…')
  const link = (await dialog.locator('.vw-link').textContent())!
  expect(link).toMatch(new RegExp(`^${app.url}/#handoff=[\\w-]{43}$`))
  // The code on screen is the link, read as a phone's camera reads it.
  expect(await decodeQr(dialog.getByRole('img', QR))).toBe(link)
  expect(providerCreates(app.sandbox)).toBe(before)
  await expectNoAxeViolations(page, 'continue on your phone (dialog)')

  const mobile = await phone.page()
  await mobile.goto(link)
  // The token leaves the address bar at once; the phone runs its own flow for that session.
  await expect.poll(() => new URL(mobile.url()).hash).toBe('')
  await expectFlowReady(mobile)
  expect(providerCreates(app.sandbox)).toBe(before + 1)
  await expect(step).toHaveText('Opened on your phone. Finish there: this page follows along.')
  await expect(dialog.getByRole('img', QR)).toBeHidden()
  await chooseInFrame(flowFrame(mobile), 'Pass')
  await expectView(mobile, 'verified')
  await expect(stateCard(mobile)).toContainText('You can return to your computer now')
  // The desktop hears the result over its stream: the dialog closes and the button says so.
  await expectButtonState(card, 'verified')
  await expect(dialog).toBeHidden()
  await expect(verifyButton(card)).toBeFocused()

  // A second phone with the same link, and the first phone reloading after the end.
  const other = await second.page()
  await other.goto(link)
  await expectView(other, 'handoff_taken')
  await expect(stateCard(other).getByRole('heading')).toHaveText('Already opened on another device')
  await expectNoAxeViolations(other, 'already opened on another device')
  await mobile.reload()
  await expectView(mobile, 'verified')
  expect(providerCreates(app.sandbox)).toBe(before + 1)
  await Promise.all([desk.close(), phone.close(), second.close()])
})

test('camera blocked: how to allow it in Chromium, Try again, then the phone, all by keyboard; the link goes to the page’s handoff event', async ({
  app,
  browser,
  context,
  page,
}) => {
  await serveElementPage(page, app, 'provider="facesign"')
  await page.goto(`${app.url}/element-page/`)
  await setCamera(browser, context, app.url, 'denied')
  const before = providerCreates(app.sandbox)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: 'The camera is blocked for this site.' })).toBeFocused()
  await expect(dialog).toContainText('Select the icon at the left of the address bar, allow the camera, then try again.')
  await expectNoAxeViolations(page, 'camera blocked')
  // Still blocked: the same guidance; no session, no provider call.
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('heading', { name: 'The camera is blocked for this site.' })).toBeVisible()
  expect(providerCreates(app.sandbox)).toBe(before)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Continue on your phone' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('heading', { name: 'Continue on your phone' })).toBeFocused()
  await expect(dialog.getByRole('img', QR)).toBeVisible()
  await expectNoAxeViolations(page, 'continue on your phone after a blocked camera')
  expect(providerCreates(app.sandbox)).toBe(before)
  const [link] = await handoffLinks(page)
  expect(link!.url).toBe(await dialog.locator('.vw-link').textContent())
  const types = (await uiEvents(page)).map((e) => e.type)
  expect(types).toEqual([
    'camera_checked',
    'camera_denied',
    'retried',
    'camera_checked',
    'camera_denied',
    'handoff_shown',
    'status_changed',
  ])
  expect((await uiEvents(page))[0]).toMatchObject({ type: 'camera_checked', result: 'denied', permission: 'denied', videoInputs: 1 })
  // Nothing in the analytics events carries the link.
  expect(JSON.stringify(await uiEvents(page))).not.toContain(link!.url.split('#')[1])

  // Allowed again: Escape cancels the link's session, and Try again from the button starts the flow here.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await setCamera(browser, context, app.url, 'granted')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog').frameLocator('iframe').getByRole('button', { name: 'Pass' })).toBeEnabled()
  expect(providerCreates(app.sandbox)).toBe(before + 1)
})

test('a flow the page’s CSP refuses: reported at once as flow_load_failed, with Try again and the phone', async ({
  app,
  browser,
  context,
  page,
}) => {
  await serveElementPage(page, app, 'provider="facesign"', { frameSrc: "'self'" })
  await page.goto(`${app.url}/element-page/`)
  await setCamera(browser, context, app.url, 'granted')
  await page.locator('verify-button').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: 'The verification did not load.' })).toBeVisible()
  await expect(dialog).toContainText('A browser extension, a firewall or a proxy may be blocking it.')
  await expect(dialog.locator('iframe')).toHaveCount(0)
  const failed = (await uiEvents(page)).find((e) => e.type === 'flow_load_failed')
  expect(failed).toMatchObject({ reason: 'blocked' })
  await expectNoAxeViolations(page, 'flow did not load')
  // Try again: the same refusal, the same view (never an endless spinner).
  await dialog.getByRole('button', { name: 'Try again' }).click()
  await expect.poll(async () => (await uiEvents(page)).filter((e) => e.type === 'flow_load_failed').length).toBe(2)
  await dialog.getByRole('button', { name: 'Continue on your phone' }).click()
  await expect(dialog.getByRole('img', QR)).toBeVisible()
  // The link is for the session that already exists: no second one.
  const [link] = await handoffLinks(page)
  expect((await uiEvents(page)).find((e) => e.type === 'handoff_shown')).toMatchObject({
    sessionId: link!.sessionId,
    reason: 'flow_load_failed',
  })
})

test('a replaced link and an expired one get pages that say so; the phone’s cookie opens its own session only', async ({
  app,
  browser,
}) => {
  const desk = await recordedContext(noCamera, app.markers)
  const phone = await recordedContext(browser, app.markers, PHONE)
  const page = await desk.page()
  await page.goto(`${app.url}/demo/`)
  await verifyButton(demoCard(page, 'facesign', 'inline')).click()
  const view = deviceView(page)
  await expect(view.locator('.vw-link')).toBeVisible()
  const first = (await view.locator('.vw-link').textContent())!
  await view.getByRole('button', { name: 'Make a new link' }).click()
  await expect(view.locator('.vw-link')).not.toHaveText(first)
  const second = (await view.locator('.vw-link').textContent())!
  expect(await decodeQr(view.getByRole('img', QR))).toBe(second)
  await expectNoAxeViolations(page, 'continue on your phone (inline)')

  const mobile = await phone.page()
  await mobile.goto(first)
  await expectView(mobile, 'handoff_invalid')
  await mobile.goto(second)
  await expectFlowReady(mobile)
  // The device's cookie reads this session and nothing else of the desktop's account (here every browser is
  // a user of its own: the phone's own identity owns nothing of the desktop's).
  const sessionId = await mobile.evaluate(() => sessionStorage.getItem('verify-widget:device'))
  const otherId = await page.evaluate(() =>
    fetch('/api/verify/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"provider":"faceverify"}' })
      .then((r) => r.json())
      .then((j: { sessionId: string }) => j.sessionId),
  )
  const read = (id: string | null) => mobile.evaluate((s) => fetch(`/api/verify/sessions/${s}`).then((r) => r.status), id)
  expect([await read(sessionId), await read(otherId)]).toEqual([200, 404])
  await Promise.all([desk.close(), phone.close()])

  // Links that open for a moment only.
  await app.restartBackend(undefined, { VERIFY_HANDOFF_TTL_MS: '1500' })
  try {
    const desk2 = await recordedContext(noCamera, app.markers)
    const phone2 = await recordedContext(browser, app.markers, PHONE)
    const page2 = await desk2.page()
    await page2.goto(`${app.url}/demo/`)
    await verifyButton(demoCard(page2, 'facesign', 'modal')).click()
    const dialog = page2.getByRole('dialog')
    await expect(dialog.locator('.vw-link')).toBeVisible()
    const link = (await dialog.locator('.vw-link').textContent())!
    await expect(dialog.locator('.vw-device-status')).toHaveText('This link has expired.')
    await expect(dialog.getByRole('img', QR)).toBeHidden()
    const late = await phone2.page()
    await late.goto(link)
    await expectView(late, 'handoff_expired')
    await expect(stateCard(late)).toContainText('Make a new one on your computer.')
    await Promise.all([desk2.close(), phone2.close()])
  } finally {
    await app.restartBackend()
  }
})

test('the hosted page on a desktop without a camera, and the phone on another instance (PostgreSQL): the desktop hears “opened” and the result', async ({
  browser,
  traffic,
}) => {
  test.setTimeout(150_000)
  const two = await startTwoInstances()
  traffic.watchFor(two.markers)
  try {
    const desk = await recordedContext(noCamera, two.markers)
    const phone = await recordedContext(browser, two.markers, PHONE)
    const page = await desk.page()
    await page.goto(`${two.url}/`)
    await expectView(page, 'handoff')
    await expect(stateCard(page).getByRole('heading')).toHaveText('Continue on your phone')
    await expect(stateCard(page)).toHaveAttribute('data-handoff', 'waiting')
    const link = (await stateCard(page).locator('.vwh-link').textContent())!
    expect(await decodeQr(stateCard(page).getByRole('img', QR))).toBe(link)
    await expectNoAxeViolations(page, 'hosted page: continue on your phone')
    // The desktop's stream stays on instance A; everything from now on goes to B.
    two.balancer.route(two.ports[1])
    const mobile = await phone.page()
    await mobile.goto(link)
    await expectFlowReady(mobile)
    await expect(stateCard(page)).toHaveAttribute('data-handoff', 'opened')
    await chooseInFrame(flowFrame(mobile), 'Pass')
    await expectView(mobile, 'verified')
    await expectView(page, 'verified')
    await Promise.all([desk.close(), phone.close()])
  } finally {
    await two.stop()
  }
})
