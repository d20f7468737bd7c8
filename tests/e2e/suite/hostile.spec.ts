import { createServer, type Server } from 'node:http'
import type { Page, Request } from '@playwright/test'
import { expect, test } from '../fixtures'
import { answerNextCreate, chooseInFrame, expectFlowReady, expectView, flowFrame, trackedSessionId } from '../support/hosted'
import { freePort } from '../support/ports'

/** Requests a page makes whose URL matches, kept as they happen. */
function watch(page: Page, match: (request: Request) => boolean): Request[] {
  const seen: Request[] = []
  page.on('request', (r) => {
    if (match(r)) seen.push(r)
  })
  return seen
}

test.describe('messages from other windows', () => {
  test('a postMessage from a foreign origin or from another frame is ignored', async ({ page, app }) => {
    const sideEffects = watch(page, (r) => /\/(cancel|refresh)$/.test(new URL(r.url()).pathname))
    await page.goto('/')
    await expectFlowReady(page)
    const flowSrc = await page.locator('.vwh-flow iframe').getAttribute('src')
    const forged = [
      { source: 'facesign-flow', type: 'canceled' },
      { source: 'facesign-flow', type: 'error', message: 'forged' },
      { source: 'facesign-flow', type: 'expired' },
      { source: 'facesign-flow', type: 'completed', status: 'verified' },
    ]
    // The page's own origin is foreign to the flow.
    await page.evaluate((messages) => {
      for (const m of messages) window.postMessage(m, '*')
    }, forged)
    // Another frame on the flow's own origin is still not the flow's window.
    await page.evaluate((src) => {
      const frame = document.createElement('iframe')
      frame.id = 'intruder'
      frame.title = 'intruder'
      frame.src = src
      document.body.append(frame)
    }, `${app.sandbox.url}/sandbox/flow.css`)
    const intruder = page.frameLocator('#intruder')
    await expect(intruder.locator('body')).toBeAttached()
    const intruderFrame = page.frames().find((f) => f.url().endsWith('/sandbox/flow.css'))
    expect(intruderFrame).toBeDefined()
    await intruderFrame?.evaluate((messages) => {
      for (const m of messages) window.parent.postMessage(m, '*')
    }, forged)

    await expect(page.locator('.vwh-flow iframe')).toHaveAttribute('src', flowSrc ?? '')
    await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', /requires_input|in_progress/)
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
    expect(sideEffects.map((r) => r.url())).toEqual([])
  })
})

/** The next create answers a well-formed session whose link the backend never made. */
async function forgeNextSession(page: Page, session: { provider: string; url: string; clientSecret?: string }): Promise<void> {
  const json = { sessionId: 'vws_forged', status: 'requires_input', livemode: false, ...session }
  await answerNextCreate(page, { status: 201, json })
}

test.describe('session links to hosts that are not allowed', () => {
  for (const link of ['https://evil.example/flow?client_secret=vs_x_secret_y', 'http://127.0.0.1:9/flow', 'javascript:alert(1)']) {
    test(`FaceSign flow at ${link.split('?')[0]} is refused and nothing loads`, async ({ page, app }) => {
      const ours = [new URL(app.url).origin, app.sandbox.url]
      const outside = watch(page, (r) => !ours.includes(new URL(r.url()).origin))
      await forgeNextSession(page, { provider: 'facesign', clientSecret: 'vs_x_secret_y', url: link })
      await page.goto('/')
      await expectView(page, 'error')
      await expect(page.locator('iframe')).toHaveCount(0)
      expect(outside.map((r) => r.url())).toEqual([])
      // Recoverable: the next start gets a real session.
      await page.getByRole('button', { name: /try again/i }).click()
      await expectFlowReady(page)
    })
  }

  test('FaceVerify link to another host: no navigation, an error to recover from', async ({ page }) => {
    const evil = watch(page, (r) => r.url().includes('evil.example'))
    await forgeNextSession(page, { provider: 'faceverify', url: 'https://evil.example/s/abc' })
    await page.goto('/?provider=faceverify')
    await expectView(page, 'error')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(evil).toEqual([])
    await page.getByRole('button', { name: /try again/i }).click()
    await page.waitForURL(/\/faceverify\/s\//)
  })
})

test.describe('a page on another localhost port (same site: the Lax cookie rides along)', () => {
  let attacker: Server | undefined
  test.afterEach(async () => {
    await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()))
    attacker = undefined
  })

  test("cannot cancel or refresh the victim's session, not even through a //host/ path prefix", async ({ page, context, app }) => {
    await page.goto('/')
    await expectFlowReady(page)
    const sessionId = await trackedSessionId(page)
    expect(sessionId).toMatch(/^vws_/)
    const flowSrc = await page.locator('.vwh-flow iframe').getAttribute('src')

    const port = await freePort()
    const evil = `http://localhost:${port}`
    const targets = ['cancel', 'refresh'].flatMap((action) => [
      `${app.url}/api/verify/sessions/${sessionId}/${action}`,
      // The browser keeps the `//…` in the path: a backend reading its own origin from the target sees the attacker's.
      `${app.url}//localhost:${port}/api/verify/sessions/${sessionId}/${action}`,
    ])
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(`<!doctype html><title>evil</title><script>
        Promise.allSettled(${JSON.stringify(targets)}.map((url) =>
          fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' })
        )).then(() => { document.title = 'done' })
      </script>`)
    })
    await new Promise<void>((resolve) => attacker!.listen(port, '127.0.0.1', resolve))
    const answers: number[] = []
    const evilPage = await context.newPage()
    evilPage.on('response', (r) => {
      if (r.url().includes('/api/verify/')) answers.push(r.status())
    })
    await evilPage.goto(`${evil}/`)
    await expect(evilPage).toHaveTitle('done')

    // The victim's session is untouched: still open, same flow, same secret.
    const status = await page.request.get(`/api/verify/sessions/${sessionId}`)
    expect(['requires_input', 'in_progress']).toContain((await status.json()).status)
    await expect(page.locator('.vwh-flow iframe')).toHaveAttribute('src', flowSrc ?? '')
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
    expect(answers.every((n) => n === 400 || n === 403)).toBe(true)
  })
})
