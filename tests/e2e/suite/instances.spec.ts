import { expect, test } from '../fixtures'
import { chooseInFrame, expectFlowReady, expectView, flowFrame, flowSessionId } from '../support/hosted'
import { startTwoInstances, type TwoInstances } from '../support/instances'

// Two app processes (scripts/start.ts with DATABASE_URL) on one throwaway PostgreSQL server. The
// browser talks to instance A through a balancer; the provider's webhooks go to instance B.
let two: TwoInstances

test.beforeAll(async () => {
  test.setTimeout(120_000)
  two = await startTwoInstances()
})

test.afterAll(async () => {
  await two?.stop()
})

// Recorded like every browser test, and scanned for these instances' own keys as well.
test.beforeEach(({ traffic }) => traffic.watchFor(two.markers))

test('a webhook delivered to instance B shows on the page through instance A’s status stream', async ({ page }) => {
  await page.goto(`${two.url}/`)
  await expectFlowReady(page)
  const providerId = await flowSessionId(page)
  await chooseInFrame(flowFrame(page), 'Pass')
  await expectView(page, 'verified')
  const deliveries = two.sandbox.deliveries().filter((d) => d.body.includes(providerId) && d.type === 'session.verified')
  expect(deliveries.length).toBeGreaterThan(0)
  expect(deliveries.every((d) => new URL(d.url).port === String(two.ports[1]) && d.delivered)).toBe(true)
})

test('instance A killed mid-flow: the page carries on through instance B', async ({ page }) => {
  await page.goto(`${two.url}/`)
  await expectFlowReady(page)
  // The page's status stream is open on A when A dies; the balancer sends what follows to B.
  await two.crash(0)
  await chooseInFrame(flowFrame(page), 'Pass')
  await expectView(page, 'verified', 30_000)
})
