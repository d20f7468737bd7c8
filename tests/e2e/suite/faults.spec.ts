import { expect, test } from '../fixtures'
import {
  answerNextCreate,
  CREATE,
  chooseInFrame,
  expectFlowReady,
  expectView,
  flowFrame,
  flowSessionId,
  holdNextCreate,
  REFRESH,
  serveStaleSecret,
} from '../support/hosted'

const RATE_LIMIT_BODY = { error: { type: 'rate_limit_error', message: 'Too many requests. Please retry after 60 seconds.' } }

test.describe('the backend misbehaves', () => {
  const answers = {
    garbage: { status: 200, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' },
    'JSON of the wrong shape': { status: 201, contentType: 'application/json', body: '{"sessionId":42,"url":null}' },
    '500': { status: 500, contentType: 'application/json', body: '{"error":{"type":"api_error","code":"boom","message":"Boom."}}' },
  }
  for (const [name, answer] of Object.entries(answers)) {
    test(`${name}: an error with a retry that recovers`, async ({ page }) => {
      await answerNextCreate(page, answer)
      await page.goto('/')
      await expectView(page, 'error')
      await expect(page.locator('#vwh-state-title')).toBeFocused()
      await page.getByRole('button', { name: /try again/i }).click()
      await expectFlowReady(page)
    })
  }

  test('429 with Retry-After: the page waits it out and starts again by itself', async ({ page }) => {
    const creates: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/verify/sessions')) creates.push(r.url())
    })
    await answerNextCreate(page, {
      status: 429,
      headers: { 'Retry-After': '2' },
      json: { error: { type: 'rate_limit_error', code: 'too_many_sessions', message: 'Too many verification attempts.' } },
    })
    // The page's clock stands still until the countdown was seen: the view lasts as long as the test
    // needs, not the 2 s a loaded machine may spend elsewhere. Then time runs again for the flow.
    await page.clock.install()
    await page.clock.pauseAt(Date.now() + 1000)
    await page.goto('/')
    await expectView(page, 'rate_limited')
    await expect(page.locator('.vwh-countdown')).toHaveText('Trying again in 2 seconds.')
    expect(creates).toHaveLength(1)
    await page.clock.resume()
    await expectFlowReady(page)
    expect(creates).toHaveLength(2)
  })

  test('status reads failing while tracking: retried quietly, and the result still arrives', async ({ page, app }) => {
    let failing = true
    let failures = 0
    await page.route('**/api/verify/sessions/*/events', (route) => route.fulfill({ status: 503, body: 'no streams here' }))
    await page.route(/\/api\/verify\/sessions\/vws_[0-9a-f]+$/, async (route) => {
      if (!failing || route.request().method() !== 'GET') return route.continue()
      failures++
      await route.fulfill(
        failures % 2 ? { status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' } : { status: 500, json: {} },
      )
    })
    await page.goto('/')
    await expectFlowReady(page)
    await expect.poll(() => failures).toBeGreaterThan(1)
    await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', /requires_input|in_progress/)
    failing = false
    // Polling has backed off (up to 15 s between reads by now): wait for the read that brings the
    // outcome, however long the backoff and the machine take, then for the page to show it.
    const outcomeRead = page.waitForResponse(
      async (r) =>
        r.request().method() === 'GET' &&
        /\/api\/verify\/sessions\/vws_[0-9a-f]+$/.test(r.url()) &&
        (await r.text()).includes('"verified"'),
      { timeout: 0 },
    )
    await app.sandbox.complete(await flowSessionId(page), 'pass')
    await outcomeRead
    await expectView(page, 'verified')
  })

  test('slow answer: a busy state, then the flow', async ({ page }) => {
    const release = await holdNextCreate(page, (route) => route.continue())
    await page.goto('/')
    await expectView(page, 'starting')
    await expect(page.locator('section.vwh-card')).toHaveAttribute('aria-busy', 'true')
    release()
    await expectFlowReady(page)
  })
})

test.describe('the network goes away', () => {
  test('offline mid-flow and back: the flow carries on to its result', async ({ page, context }) => {
    await page.goto('/')
    await expectFlowReady(page)
    await context.setOffline(true)
    await expectView(page, 'offline')
    await context.setOffline(false)
    await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', /requires_input|in_progress/)
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
  })

  test('offline while starting: the page starts by itself once back online', async ({ page, context }) => {
    await page.route(
      CREATE,
      async (route) => {
        await context.setOffline(true)
        await route.abort('internetdisconnected')
      },
      { times: 1 },
    )
    await page.goto('/')
    await expectView(page, 'offline')
    await context.setOffline(false)
    await expectFlowReady(page)
  })
})

test.describe('client secrets', () => {
  test('an expired client secret is refreshed once and the flow completes', async ({ page }) => {
    const refreshes: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/refresh')) refreshes.push(r.url())
    })
    await serveStaleSecret(page, CREATE, 1)
    await page.goto('/')
    await expectFlowReady(page)
    expect(await page.locator('.vwh-flow iframe').getAttribute('src')).not.toContain('_secret_stale')
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
    expect(refreshes).toHaveLength(1)
  })

  test('a secret that expires again after its refresh: expired, and starting again works', async ({ page }) => {
    await serveStaleSecret(page, CREATE, 1)
    await serveStaleSecret(page, REFRESH)
    await page.goto('/')
    await expectView(page, 'expired')
    await page.unroute(REFRESH)
    await page.getByRole('button', { name: /start again/i }).click()
    await expectFlowReady(page)
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
  })
})

test.describe('the provider rate-limits the backend', () => {
  test('a short 429 from the sandbox is waited out by the backend; the page never notices', async ({ page, app }) => {
    app.proxy.failNext('POST /facesign/v1/sessions', { status: 429, headers: { 'Retry-After': '1' }, body: RATE_LIMIT_BODY })
    const before = app.proxy.calls().filter((c) => c === 'POST /facesign/v1/sessions').length
    const views: string[] = []
    await page.exposeFunction('recordView', (view: string) => views.push(view))
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const view = document.querySelector('section.vwh-card')?.getAttribute('data-view')
        if (view) (window as unknown as { recordView: (v: string) => void }).recordView(view)
      }).observe(document, { subtree: true, attributes: true, childList: true })
    })
    await page.goto('/')
    await expectFlowReady(page)
    expect(app.proxy.calls().filter((c) => c === 'POST /facesign/v1/sessions').length - before).toBe(2)
    expect(views).not.toContain('error')
    expect(views).not.toContain('rate_limited')
  })

  test('a long 429 from the sandbox reaches the page as a wait, then recovers', async ({ page, app }) => {
    app.proxy.failNext('POST /facesign/v1/sessions', { status: 429, headers: { 'Retry-After': '3' }, body: RATE_LIMIT_BODY })
    await page.goto('/')
    await expectView(page, 'rate_limited')
    await expectFlowReady(page)
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
  })
})

test('the backend restarted mid-flow: the flow completes and no webhook is lost', async ({ page, app }) => {
  test.setTimeout(90_000)
  await page.goto('/')
  await expectFlowReady(page)
  const providerId = await flowSessionId(page)
  await app.restartBackend(async () => {
    // While the backend is down the person finishes; the sandbox's webhook cannot land yet.
    await chooseInFrame(flowFrame(page), 'Pass')
    await expect
      .poll(() => app.sandbox.deliveries().find((d) => d.type === 'session.verified' && d.body.includes(providerId))?.attempts ?? 0)
      .toBeGreaterThan(0)
  })
  await expectView(page, 'verified', 30_000)
  await app.sandbox.webhooksSettled()
  const ours = app.sandbox.deliveries().filter((d) => d.body.includes(providerId))
  expect(ours.map((d) => d.type)).toEqual(expect.arrayContaining(['session.started', 'session.verified']))
  expect(ours.every((d) => d.delivered)).toBe(true)
  const verified = ours.find((d) => d.type === 'session.verified')
  expect(verified?.attempts).toBeGreaterThan(1)
})
