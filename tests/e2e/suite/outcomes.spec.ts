import { expect, test } from '../fixtures'
import { demoCard, dialogFlow, expectButtonState, verifyButton } from '../support/demo'
import { chooseInFrame } from '../support/hosted'

const membersPanel = (page: import('@playwright/test').Page) =>
  page.locator('section.demo-panel', { has: page.getByRole('heading', { name: 'Members only' }) })
const serverLog = (page: import('@playwright/test').Page) => page.getByRole('log', { name: 'Server onStatusChange calls' })
const SERVER_TEXT = 'this text came from the server'

test('the members route stays locked to an edited page and a hand-made onVerified; a real verification opens it', async ({ page }) => {
  await page.goto('/demo/')
  await expect(membersPanel(page)).toHaveAttribute('data-state', 'locked')

  // Everything a person controls in their own browser: the markup, the flow's messages, the routes.
  await page.evaluate(() => {
    const panel = [...document.querySelectorAll('section.demo-panel')].find((s) => s.textContent?.includes('Members only'))!
    panel.setAttribute('data-state', 'unlocked')
    panel.querySelector('[aria-live]')!.textContent = 'Unlocked.'
    window.postMessage({ type: 'complete', status: 'verified', isVerified: true }, '*')
  })
  const forged = await page.evaluate(async () => {
    const r = await fetch('/demo-api/members', { headers: { 'X-Verified': 'true' } })
    return { status: r.status, body: await r.json() }
  })
  expect(forged).toMatchObject({ status: 403, body: { error: { code: 'verification_required' } } })
  // The edited markup shows whatever the person typed, never the members' content: only the server has it.
  await page.getByRole('button', { name: 'Check again' }).click()
  await expect(membersPanel(page)).not.toContainText(SERVER_TEXT)
  await page.reload()
  await expect(membersPanel(page)).toHaveAttribute('data-state', 'locked')

  // A flow that fails is not a verification either.
  const card = demoCard(page, 'facesign', 'modal')
  await verifyButton(card).click()
  await chooseInFrame(dialogFlow(page), 'Fail')
  await expectButtonState(card, 'failed')
  await expect(serverLog(page)).toContainText('failed')
  await expect(membersPanel(page)).toHaveAttribute('data-state', 'locked')

  await verifyButton(card).click()
  await chooseInFrame(dialogFlow(page), 'Pass')
  await expectButtonState(card, 'verified')
  await expect(membersPanel(page)).toHaveAttribute('data-state', 'unlocked')
  await expect(membersPanel(page)).toContainText(SERVER_TEXT)
  await expect(serverLog(page)).toContainText('→ verified')
})

test('a backend killed after the status write and before the hook finished delivers the change after the restart', async ({
  page,
  app,
}) => {
  // This run's hook never finishes, and a crashed delivery's lease is short.
  await app.restartBackend(undefined, { VERIFY_DEMO_HOOK_HOLD: '1', VERIFY_OUTBOX_TIMEOUT_MS: '500' })
  await page.goto('/demo/')
  const card = demoCard(page, 'facesign', 'modal')
  await verifyButton(card).click()
  await chooseInFrame(dialogFlow(page), 'Pass')
  // The store has the outcome (the widget reads it from the backend) and the members route opens…
  await expectButtonState(card, 'verified')
  await expect(membersPanel(page)).toHaveAttribute('data-state', 'unlocked')
  // …but the integrator's hook has not finished: nothing in the server log.
  await expect(page.getByText('The backend’s onStatusChange calls appear here')).toBeVisible()

  await app.restartBackend()
  await expect(serverLog(page).getByRole('listitem')).toHaveText([/in_progress → verified/, /requires_input → in_progress/], {
    timeout: 20_000,
  })
})
