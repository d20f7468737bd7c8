import { expect, test } from '../fixtures'
import { chooseInFrame, expectFlowReady, expectView, flowFrame } from '../support/hosted'

test.describe('hosted page, FaceSign inline', () => {
  test('pass: the flow reports verified', async ({ page }) => {
    await page.goto('/')
    await expectFlowReady(page)
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
    await expect(page.locator('.vwh-flow iframe')).toHaveCount(0)
  })

  test('fail: the flow reports failed and offers a retry', async ({ page }) => {
    await page.goto('/')
    await expectFlowReady(page)
    await chooseInFrame(flowFrame(page), 'Fail')
    await expectView(page, 'failed')
    await page.locator('section.vwh-card button').click()
    await expectFlowReady(page)
  })

  test('cancel inside the flow: canceled, and a new start is possible', async ({ page }) => {
    await page.goto('/')
    await expectFlowReady(page)
    await chooseInFrame(flowFrame(page), 'Cancel')
    await expectView(page, 'canceled')
    await page.locator('section.vwh-card button').click()
    await expectFlowReady(page)
  })
})
