import { expect, test } from '../fixtures'
import { type EmbeddedApp, startEmbeddedApp } from '../support/app'
import { chooseInFrame, expectFlowReady, expectView, flowFrame } from '../support/hosted'
import { findLeaks } from '../support/recorder'

let embedded: EmbeddedApp

test.beforeAll(async () => {
  embedded = await startEmbeddedApp()
})

test.afterAll(async () => {
  await embedded?.stop()
})

test('npm start with VERIFY_SANDBOX=1 and marker keys runs a flow on its embedded sandbox; no key reaches the page', async ({
  page,
  traffic,
}) => {
  traffic.watchFor(embedded.markers)
  await page.goto(`${embedded.url}/`)
  await expectFlowReady(page)
  await chooseInFrame(flowFrame(page), 'Pass')
  await expectView(page, 'verified')
  await page.goto(`${embedded.url}/demo/`)
  await expect(page.locator('#root')).not.toBeEmpty()
  await traffic.settle()
  expect(findLeaks(traffic.entries, embedded.markers)).toEqual([])
})
