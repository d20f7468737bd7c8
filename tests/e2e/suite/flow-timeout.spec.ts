import type { Page, Route } from '@playwright/test'
import { expect, test } from '../fixtures'
import { expectNoAxeViolations } from '../support/a11y'
import { handoffLinks, serveElementPage, uiEvents } from '../support/element-page'
import { providerCreates, setCamera } from '../support/handoff'

// A flow that never loads (a proxy or an extension that holds the request): the widget gives up after
// `flowTimeoutMs`, reports `flow_load_failed` (timeout), and offers Try again and the phone; never an
// endless spinner. The page is an integrator's own, with `createVerification` from the package's dist.
const TIMEOUT_MS = 1500

const PAGE = {
  markup: '<button type="button" id="start">Verify your face</button>',
  script: `import { createVerification } from './dist/element.js'
const verification = createVerification({ provider: 'facesign', flowTimeoutMs: ${TIMEOUT_MS} })
window.__verification = verification
verification.on('event', (event) => window.__ui.push(event))
verification.on('handoff', (link) => window.__links.push(link))
document.querySelector('#start').addEventListener('click', () => verification.start())`,
}

/** Holds every request for the sandbox's FaceSign flow page: the frame never gets an answer. */
async function holdFlow(page: Page, sandboxUrl: string): Promise<Route[]> {
  const held: Route[] = []
  const { origin } = new URL(sandboxUrl)
  await page.route(
    (url) => url.origin === origin && url.pathname === '/facesign/flow',
    (route) => {
      held.push(route)
    },
  )
  return held
}

const failures = async (page: Page) => (await uiEvents(page)).filter((e) => e.type === 'flow_load_failed')

test('a flow that never loads: flow_load_failed (timeout) after flowTimeoutMs, Try again, the phone; once it gets through, the flow runs', async ({
  app,
  browser,
  context,
  page,
}) => {
  await serveElementPage(page, app, '', { own: PAGE })
  await page.goto(`${app.url}/element-page/`)
  await setCamera(browser, context, app.url, 'granted')
  const held = await holdFlow(page, app.sandbox.url)
  const before = providerCreates(app.sandbox)
  await page.getByRole('button', { name: 'Verify your face' }).click()
  const dialog = page.getByRole('dialog')
  const heading = dialog.getByRole('heading', { name: 'The verification did not load.' })
  await expect(heading).toBeFocused()
  await expect(dialog).toContainText('A browser extension, a firewall or a proxy may be blocking it.')
  // The frame did ask for its page (held, never answered) and is gone with the spinner.
  expect(held.length).toBe(1)
  await expect(dialog.locator('iframe')).toHaveCount(0)
  const [first] = await failures(page)
  expect(first).toMatchObject({ type: 'flow_load_failed', reason: 'timeout' })
  expect(first!.ms).toBeGreaterThanOrEqual(TIMEOUT_MS)
  const opened = (await uiEvents(page)).find((e) => e.type === 'flow_opened')
  expect(opened).toMatchObject({ sessionId: first!.sessionId, provider: 'facesign', mode: 'modal' })
  expect((await uiEvents(page)).some((e) => e.type === 'flow_loaded')).toBe(false)
  expect(providerCreates(app.sandbox)).toBe(before + 1)
  await expectNoAxeViolations(page, 'flow did not load in time')

  // Try again, by keyboard: the same session's flow, held again, fails again in bounded time.
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await failures(page)).length).toBe(2)
  await expect(heading).toBeFocused()
  const second = (await failures(page))[1]!
  expect(second).toMatchObject({ reason: 'timeout', sessionId: first!.sessionId })
  expect(held.length).toBe(2)
  expect(providerCreates(app.sandbox)).toBe(before + 1)

  // The phone: a link for the session that exists, no provider call for it.
  await dialog.getByRole('button', { name: 'Continue on your phone' }).click()
  await expect(dialog.getByRole('heading', { name: 'Continue on your phone' })).toBeFocused()
  await expect(dialog.getByRole('img', { name: 'QR code with the link for your phone' })).toBeVisible()
  const [link] = await handoffLinks(page)
  expect(link!.sessionId).toBe(first!.sessionId)
  expect(await dialog.locator('.vw-link').textContent()).toBe(link!.url)
  expect((await uiEvents(page)).find((e) => e.type === 'handoff_shown')).toMatchObject({
    sessionId: first!.sessionId,
    reason: 'flow_load_failed',
  })
  // The UI's own steps in order (status changes arrive from the stream whenever the backend sends them).
  const steps = (await uiEvents(page)).map((e) => e.type).filter((type) => type !== 'status_changed')
  expect(steps).toEqual([
    'camera_checked',
    'flow_opened',
    'flow_load_failed',
    'retried',
    'flow_opened',
    'flow_load_failed',
    'handoff_shown',
  ])
  expect(providerCreates(app.sandbox)).toBe(before + 1)

  // The way is clear again (and the page allows the flow its default time): a new start runs the flow.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  await page.evaluate(() =>
    (window as unknown as { __verification: { setOptions(o: object): void } }).__verification.setOptions({ flowTimeoutMs: 20_000 }),
  )
  await page.getByRole('button', { name: 'Verify your face' }).click()
  await expect(dialog.frameLocator('iframe').getByRole('button', { name: 'Pass' })).toBeEnabled()
  await expect.poll(async () => (await uiEvents(page)).filter((e) => e.type === 'flow_loaded').length).toBe(1)
  expect(await failures(page)).toHaveLength(2)
})
