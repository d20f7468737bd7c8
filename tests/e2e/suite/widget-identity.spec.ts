import { expect, test } from '../fixtures'
import { demoCard, dialogFlow, eventLog, expectButtonState, verifyButton } from '../support/demo'
import { chooseInFrame } from '../support/hosted'

// The demo re-renders on every callback (the event log), with an inline `appearance` object on its
// <VerifyProvider>, and shows the session twice: the button's store and useVerificationStatus.
test('demo: re-renders mid-flow keep the dialog open, and the page holds one status stream per session', async ({ page }) => {
  await page.addInitScript(() => {
    const Native = window.EventSource
    const opened: string[] = []
    const closed: string[] = []
    Object.assign(window, { __streams: { opened, closed } })
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init)
        opened.push(this.url)
      }
      override close() {
        closed.push(this.url)
        super.close()
      }
    }
  })
  await page.goto('/demo/')
  const card = demoCard(page, 'facesign', 'modal')
  await verifyButton(card).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialogFlow(page).getByRole('button', { name: 'Pass' })).toBeEnabled()
  // Callbacks have fired (so the demo has re-rendered) and the live panel follows the same session.
  await expect(eventLog(page).getByText('onStatusChange').first()).toBeVisible()
  await expect(page.locator('dd[data-status="requires_input"], dd[data-status="in_progress"]')).toBeVisible()
  const streams = () => page.evaluate(() => (window as unknown as { __streams: { opened: string[]; closed: string[] } }).__streams)
  const { opened } = await streams()
  expect(opened).toHaveLength(1)
  expect(opened[0]).toMatch(/\/api\/verify\/sessions\/[^/]+\/events$/)
  await expect(dialog).toBeVisible()

  await chooseInFrame(dialogFlow(page), 'Pass')
  await expect(dialog).toBeHidden()
  await expectButtonState(card, 'verified')
  await expect(page.locator('dd[data-status="verified"]')).toBeVisible()
  await expect(eventLog(page).getByText('onVerified')).toHaveCount(1)
  await expect(eventLog(page).getByText('onError')).toHaveCount(0)
  const after = await streams()
  expect(after.opened).toHaveLength(1)
  expect(after.closed).toEqual(after.opened)
})
