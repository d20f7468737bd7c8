import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, FACEVERIFY_SECRET, type Stack, startStack, WEBHOOK_SECRET } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack.close())

const sign = (body: string, secret = WEBHOOK_SECRET) => createHmac('sha256', secret).update(body).digest('hex')

function sendFaceSign(body: string, headers: Record<string, string> = {}) {
  return fetch(`${stack.appUrl}/api/verify/webhooks/facesign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'FaceSign-Signature': sign(body), ...headers },
    body,
  })
}

async function newFaceSignSession(user: string) {
  const session = await (await stack.create(user)).json()
  const remote = stack.sandbox.sessions().find((s) => s.url === session.url)
  if (!remote) throw new Error('no sandbox session')
  return { sessionId: session.sessionId as string, providerId: remote.id }
}

const statusOf = async (sessionId: string, user: string) => (await (await stack.api(`/sessions/${sessionId}`, { user })).json()).status

describe('webhooks from the sandbox', () => {
  it('a FaceSign outcome reaches the backend as a signed webhook', async () => {
    const { sessionId, providerId } = await newFaceSignSession('w1')
    await stack.sandbox.start(providerId)
    await stack.sandbox.complete(providerId, 'pass')
    await stack.sandbox.webhooksSettled()
    expect(await statusOf(sessionId, 'w1')).toBe('verified')
    const sent = stack.sandbox.deliveries().filter((d) => d.body.includes(providerId))
    expect(sent.map((d) => d.type)).toEqual(['session.started', 'session.verified'])
    expect(sent.every((d) => d.delivered && d.lastResult === 200)).toBe(true)
  })

  it('a FaceVerify outcome reaches the backend by uniqueIdentifier', async () => {
    const session = await (await stack.create('w2', { provider: 'faceverify' })).json()
    await stack.sandbox.complete(session.sessionId, 'fail')
    await stack.sandbox.webhooksSettled()
    expect(await statusOf(session.sessionId, 'w2')).toBe('failed')
  })

  it('a duplicated delivery is recorded once and changes nothing', async () => {
    const { sessionId, providerId } = await newFaceSignSession('w3')
    await stack.sandbox.complete(providerId, 'cancel')
    await stack.sandbox.webhooksSettled()
    const event = stack.sandbox.deliveries().find((d) => d.body.includes(providerId))!
    const before = await (await stack.api(`/sessions/${sessionId}`, { user: 'w3' })).json()
    await stack.sandbox.redeliver(event.eventId)
    const again = await sendFaceSign(event.body, { 'FaceSign-Event-Id': event.eventId })
    expect(await again.json()).toEqual({ received: true, duplicate: true })
    expect(await (await stack.api(`/sessions/${sessionId}`, { user: 'w3' })).json()).toEqual(before)
  })

  it('out-of-order events never move a session back from terminal', async () => {
    const { sessionId, providerId } = await newFaceSignSession('w4')
    const verified = JSON.stringify({ id: 'evt_ooo_2', type: 'session.verified', data: { id: providerId } })
    const started = JSON.stringify({ id: 'evt_ooo_1', type: 'session.started', data: { id: providerId } })
    expect((await sendFaceSign(verified)).status).toBe(200)
    expect((await sendFaceSign(started)).status).toBe(200)
    expect(await statusOf(sessionId, 'w4')).toBe('verified')
  })

  it('the newer session.status event makes the backend read the session from the provider', async () => {
    const { sessionId, providerId } = await newFaceSignSession('w5')
    await stack.sandbox.setWebhookUrl('facesign', 'http://127.0.0.1:1/nowhere')
    await stack.sandbox.complete(providerId, 'fail')
    stack.sandbox.setWebhookUrl('facesign', `${stack.appUrl}/api/verify/webhooks/facesign`)
    const body = JSON.stringify({ id: 'evt_status_1', type: 'session.status', sessionId: providerId })
    expect((await sendFaceSign(body)).status).toBe(200)
    expect(await statusOf(sessionId, 'w5')).toBe('failed')
  })

  it('forged, unsigned and malformed webhooks get a clear error and change nothing', async () => {
    const { sessionId, providerId } = await newFaceSignSession('w6')
    const body = JSON.stringify({ id: 'evt_forged', type: 'session.verified', data: { id: providerId } })
    const forged = await sendFaceSign(body, { 'FaceSign-Signature': sign(body, 'sk_test_not_the_secret') })
    expect(forged.status).toBe(401)
    expect((await forged.json()).error.code).toBe('invalid_signature')
    const unsigned = await fetch(`${stack.appUrl}/api/verify/webhooks/facesign`, { method: 'POST', body })
    expect(unsigned.status).toBe(401)
    const garbage = await sendFaceSign(body, { 'FaceSign-Signature': 'not-hex' })
    expect(garbage.status).toBe(401)
    const bad = await sendFaceSign('{"id":')
    expect(bad.status).toBe(400)
    const noId = await sendFaceSign('{"type":"session.verified"}')
    expect(noId.status).toBe(400)
    expect(await statusOf(sessionId, 'w6')).toBe('requires_input')
    // The forged event id was not recorded: a genuine delivery with it still applies.
    expect((await sendFaceSign(body, { 'X-FaceSign-Signature': `sha256=${sign(body)}` })).status).toBe(200)
    expect(await statusOf(sessionId, 'w6')).toBe('verified')
  })

  it('checks FaceVerify webhooks with the secret key', async () => {
    const session = await (await stack.create('w7', { provider: 'faceverify' })).json()
    const body = JSON.stringify({ id: 'evt_fv_1', type: 'session.verified', uniqueIdentifier: session.sessionId })
    const send = (signature: string) =>
      fetch(`${stack.appUrl}/api/verify/webhooks/faceverify`, { method: 'POST', headers: { 'x-hmac-signature': signature }, body })
    expect((await send(sign(body, WEBHOOK_SECRET))).status).toBe(401)
    expect((await send(sign(body, FACEVERIFY_SECRET))).status).toBe(200)
    expect(await statusOf(session.sessionId, 'w7')).toBe('verified')
  })

  it('finds a FaceVerify session by the provider session id alone', async () => {
    const session = await (await stack.create('w9', { provider: 'faceverify' })).json()
    const remote = stack.sandbox.sessions().find((s) => s.uniqueIdentifier === session.sessionId)!
    const body = JSON.stringify({ id: 'evt_fv_by_provider_id', type: 'session.failed', sessionId: remote.id })
    const r = await fetch(`${stack.appUrl}/api/verify/webhooks/faceverify`, {
      method: 'POST',
      headers: { 'x-hmac-signature': sign(body, FACEVERIFY_SECRET) },
      body,
    })
    expect(r.status).toBe(200)
    expect(await statusOf(session.sessionId, 'w9')).toBe('failed')
  })

  it('an event for an unknown session is acknowledged, so the provider stops retrying', async () => {
    const body = JSON.stringify({ id: 'evt_unknown', type: 'session.verified', data: { id: 'vs_nobody' } })
    expect((await sendFaceSign(body)).status).toBe(200)
  })
})

describe('webhook retries', () => {
  it('retries with backoff until the backend acknowledges', async () => {
    let failures = 2
    const flaky = createServer((req, res) => {
      req.resume()
      if (failures-- > 0) {
        res.writeHead(503).end()
        return
      }
      // Forward to the real backend once it is "back".
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', async () => {
        const r = await fetch(`${stack.appUrl}/api/verify/webhooks/facesign`, {
          method: 'POST',
          headers: {
            'FaceSign-Signature': String(req.headers['facesign-signature']),
            'FaceSign-Event-Id': String(req.headers['facesign-event-id']),
          },
          body: Buffer.concat(chunks),
        })
        res.writeHead(r.status).end(await r.text())
      })
    })
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve))
    try {
      const { sessionId, providerId } = await newFaceSignSession('w8')
      stack.sandbox.setWebhookUrl('facesign', `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/`)
      await stack.sandbox.complete(providerId, 'pass')
      await stack.sandbox.webhooksSettled()
      const delivery = stack.sandbox.deliveries().find((d) => d.body.includes(providerId))!
      expect(delivery).toMatchObject({ delivered: true, attempts: 3, lastResult: 200 })
      await eventually(async () => expect(await statusOf(sessionId, 'w8')).toBe('verified'))
    } finally {
      stack.sandbox.setWebhookUrl('facesign', `${stack.appUrl}/api/verify/webhooks/facesign`)
      await new Promise<void>((resolve) => flaky.close(() => resolve()))
    }
  })
})
