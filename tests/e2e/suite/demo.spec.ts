import { expect, test } from '../fixtures'
import { expectNoAxeViolations } from '../support/a11y'
import { demoCard, dialogFlow, eventLog, expectButtonState, verifyButton } from '../support/demo'
import { chooseInFrame, expectView } from '../support/hosted'

test.describe('demo: FaceSign in a modal dialog', () => {
  test('pass: the dialog closes, the button says verified, onVerified fires once', async ({ page }) => {
    await page.goto('/demo/')
    const card = demoCard(page, 'facesign', 'modal')
    await verifyButton(card).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await chooseInFrame(dialogFlow(page), 'Pass')
    await expect(page.getByRole('dialog')).toBeHidden()
    await expectButtonState(card, 'verified')
    await expect(verifyButton(card)).toBeFocused()
    await expect(eventLog(page).getByText('onVerified')).toHaveCount(1)
  })

  test('fail: the button says failed and onFailed fires', async ({ page }) => {
    await page.goto('/demo/')
    const card = demoCard(page, 'facesign', 'modal')
    await verifyButton(card).click()
    await chooseInFrame(dialogFlow(page), 'Fail')
    await expectButtonState(card, 'failed')
    await expect(eventLog(page).getByText('onFailed')).toHaveCount(1)
  })

  test('Escape cancels: the dialog closes, focus returns to the button, onCancel fires', async ({ page }) => {
    await page.goto('/demo/')
    const card = demoCard(page, 'facesign', 'modal')
    await verifyButton(card).click()
    await expect(dialogFlow(page).getByRole('button', { name: 'Pass' })).toBeEnabled()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
    await expectButtonState(card, 'canceled')
    await expect(verifyButton(card)).toBeFocused()
    await expect(eventLog(page).getByText('onCancel')).toHaveCount(1)
  })

  test('keyboard alone: open, complete inside the dialog, focus back on the button', async ({ page }) => {
    await page.goto('/demo/')
    const card = demoCard(page, 'facesign', 'modal')
    let onButton = false
    for (let i = 0; i < 30 && !onButton; i++) {
      await page.keyboard.press('Tab')
      onButton = await verifyButton(card).evaluate((el) => el === document.activeElement)
    }
    expect(onButton, 'Tab reaches the modal button').toBe(true)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog')).toBeVisible()
    const pass = dialogFlow(page).getByRole('button', { name: 'Pass' })
    await expect(pass).toBeEnabled()
    let reached = false
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await pass.evaluate((el) => el === document.activeElement && document.hasFocus())
    }
    expect(reached, 'Tab reaches Pass inside the dialog').toBe(true)
    // Not awaited: Enter removes the flow's iframe (see chooseInFrame).
    void page.keyboard.press('Enter').catch(() => undefined)
    await expectButtonState(card, 'verified')
    await expect(verifyButton(card)).toBeFocused()
  })
})

test('demo: FaceSign inline', async ({ page }) => {
  await page.goto('/demo/')
  const card = demoCard(page, 'facesign', 'inline')
  await verifyButton(card).click()
  await chooseInFrame(card.frameLocator('iframe'), 'Pass')
  await expectButtonState(card, 'verified')
  await expect(card.getByRole('status')).toHaveText(/verified/i)
})

test('demo: FaceSign redirect leaves for the flow and comes back verified', async ({ page, app }) => {
  await page.goto('/demo/')
  await verifyButton(demoCard(page, 'facesign', 'redirect')).click()
  await page.waitForURL(new RegExp(`^${app.sandbox.url}/facesign/flow\\?.*return_url=`))
  await page.getByRole('button', { name: 'Pass' }).click()
  await page.waitForURL(new RegExp(`^${app.url}/demo/`))
  await expectButtonState(demoCard(page, 'facesign', 'redirect'), 'verified')
})

test('demo: FaceVerify redirect goes out and returns to the hosted page with the result', async ({ page, app }) => {
  await page.goto('/demo/')
  await verifyButton(demoCard(page, 'faceverify', 'redirect')).click()
  await page.waitForURL(new RegExp(`^${app.sandbox.url}/faceverify/s/`))
  await page.getByRole('button', { name: 'Pass' }).click()
  await page.waitForURL(new RegExp(`^${app.url}/\\?session=`))
  await expectView(page, 'verified')
})

test('demo: FaceVerify in a popup; the page behind learns the result', async ({ page, app }) => {
  await page.goto('/demo/')
  const card = demoCard(page, 'faceverify', 'popup')
  const opened = page.waitForEvent('popup')
  await verifyButton(card).click()
  const popup = await opened
  await popup.waitForURL(new RegExp(`^${app.sandbox.url}/faceverify/s/`))
  await popup.getByRole('button', { name: 'Pass' }).click()
  await expectButtonState(card, 'verified')
  await expect(eventLog(page).getByText('onVerified')).toHaveCount(1)
})

test('demo: a backend error shows a retry that recovers', async ({ page }) => {
  await page.route(
    '**/api/verify/sessions',
    (route) => route.fulfill({ status: 500, json: { error: { type: 'api_error', code: 'x', message: 'Boom.' } } }),
    {
      times: 1,
    },
  )
  await page.goto('/demo/')
  const card = demoCard(page, 'facesign', 'inline')
  await verifyButton(card).click()
  await expect(card.getByRole('alert')).toBeVisible()
  await expectNoAxeViolations(page, 'demo with an error')
  await card.getByRole('button', { name: /try again|retry/i }).click()
  await expect(card.frameLocator('iframe').getByRole('button', { name: 'Pass' })).toBeEnabled()
})

test('axe finds nothing on the demo: at rest, with the dialog open, after a result', async ({ page }) => {
  await page.goto('/demo/')
  await expect(verifyButton(demoCard(page, 'facesign', 'modal'))).toBeVisible()
  await expectNoAxeViolations(page, 'demo at rest')
  const card = demoCard(page, 'facesign', 'modal')
  await verifyButton(card).click()
  await expect(dialogFlow(page).getByRole('button', { name: 'Pass' })).toBeEnabled()
  await expectNoAxeViolations(page, 'demo with the dialog open')
  await chooseInFrame(dialogFlow(page), 'Pass')
  await expectButtonState(card, 'verified')
  await expectNoAxeViolations(page, 'demo after verified')
})
