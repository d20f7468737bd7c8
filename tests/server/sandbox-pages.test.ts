import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack({ sandbox: { frameAncestors: ['http://localhost:4000'] } })
})
afterAll(() => stack.close())

const flowEvent = (body: unknown) =>
  fetch(`${stack.sandbox.url}/facesign/flow/event`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('hosted flow pages', () => {
  it('serves the FaceSign flow with a strict CSP that still allows framing by the app', async () => {
    const session = await (await stack.create('p1')).json()
    const page = await fetch(session.url)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'self' http://localhost:4000")
    expect(page.headers.get('x-frame-options')).toBeNull()
    expect(page.headers.get('permissions-policy')).toContain('camera=(self)')
    const html = await page.text()
    expect(html).toContain('<html lang="en">')
    expect(html).toMatch(/<main[^>]*data-state="active"/)
    expect(html).toContain('<h1>')
    expect(html).not.toMatch(/<script>(?!<\/script>)/)
    expect(html).toContain('<script src="/sandbox/flow.js" defer></script>')
    for (const label of ['Pass', 'Fail', 'Cancel']) expect(html).toContain(`>${label}</button>`)
    const js = await fetch(`${stack.sandbox.url}/sandbox/flow.js`)
    expect(js.headers.get('content-type')).toContain('text/javascript')
    expect(await js.text()).toContain('getUserMedia')
  })

  it('drives a session from the page endpoints: started, then the outcome', async () => {
    const session = await (await stack.create('p2')).json()
    const started = await flowEvent({ event: 'started', client_secret: session.clientSecret })
    expect(await started.json()).toEqual({ status: 'in_progress' })
    const done = await flowEvent({ event: 'fail', client_secret: session.clientSecret })
    expect(await done.json()).toEqual({ status: 'failed' })
    await stack.sandbox.webhooksSettled()
    expect((await (await stack.api(`/sessions/${session.sessionId}`, { user: 'p2' })).json()).status).toBe('failed')
    // The finished page says so instead of offering the buttons again.
    expect(await (await fetch(session.url)).text()).toMatch(/data-state="finished"/)
  })

  it('shows an old client secret as expired after a refresh, and a made-up one as invalid', async () => {
    const session = await (await stack.create('p3')).json()
    await stack.api(`/sessions/${session.sessionId}/refresh`, { method: 'POST', user: 'p3' })
    expect(await (await fetch(session.url)).text()).toMatch(/data-state="expired"/)
    expect((await flowEvent({ event: 'pass', client_secret: session.clientSecret })).status).toBe(403)
    expect(await (await fetch(`${stack.sandbox.facesignFlowUrl}?client_secret=vs_nope_secret_x`)).text()).toMatch(/data-state="invalid"/)
  })

  it('serves the FaceVerify link page and redirects to the return URL after the outcome', async () => {
    const session = await (await stack.create('p4', { provider: 'faceverify' })).json()
    const page = await fetch(session.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/data-provider="faceverify" data-state="active"/)
    const r = await fetch(`${session.url}/event`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"event":"pass"}',
    })
    const body = await r.json()
    expect(body.status).toBe('verified')
    expect(body.redirect).toBe(`${stack.appUrl}/?session=${session.sessionId}`)
    expect((await fetch(`${stack.sandbox.url}/faceverify/s/${'0'.repeat(32)}`)).status).toBe(404)
  })

  it('rejects unknown flow events', async () => {
    const session = await (await stack.create('p5')).json()
    expect((await flowEvent({ event: 'hack', client_secret: session.clientSecret })).status).toBe(400)
  })

  it('expires a client secret and a whole session on request', async () => {
    const session = await (await stack.create('p6')).json()
    const providerId = stack.sandbox.sessions().find((s) => s.url === session.url)!.id
    stack.sandbox.expireClientSecret(providerId)
    expect(await (await fetch(session.url)).text()).toMatch(/data-state="expired"/)
    const refreshed = await (await stack.api(`/sessions/${session.sessionId}/refresh`, { method: 'POST', user: 'p6' })).json()
    expect(await (await fetch(refreshed.url)).text()).toMatch(/data-state="active"/)
    await stack.sandbox.expire(providerId)
    await stack.sandbox.webhooksSettled()
    expect((await (await stack.api(`/sessions/${session.sessionId}`, { user: 'p6' })).json()).status).toBe('expired')
  })
})
