import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { createStandardWebhookSender, OutboxDeliveryError, type StatusChange } from '../../src/server'
import { eventually, type Stack, startStack } from './harness'

const SECRET = `whsec_${Buffer.from('outcome-secret-new-0123456789ab').toString('base64')}`
const OLD_SECRET = `whsec_${Buffer.from('outcome-secret-old-0123456789ab').toString('base64')}`
const STRANGER = `whsec_${Buffer.from('a-secret-nobody-configured-0123').toString('base64')}`

interface Received {
  headers: Record<string, string>
  body: string
  /** The sender hung up before an answer (its timeout). */
  abandoned: boolean
}

/** How the app answers each delivery: a status, or 'hang' (never answers). */
type Answer = number | 'hang'

/** The app's webhook endpoint: records every delivery and answers as the test says. */
async function startApp(answers: (n: number) => Answer) {
  const received: Received[] = []
  const hanging = new Set<ServerResponse>()
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const entry: Received = { headers: req.headers as Record<string, string>, body, abandoned: false }
      received.push(entry)
      const answer = answers(received.length)
      if (answer === 'hang') {
        hanging.add(res)
        res.on('close', () => {
          entry.abandoned = !res.writableEnded
          hanging.delete(res)
        })
        return
      }
      res.writeHead(answer, answer >= 300 && answer < 400 ? { location: 'http://127.0.0.1:1/elsewhere' } : {}).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/verify`,
    received,
    async close() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.reverse()) await close()
  closers = []
})

async function setUp(answers: (n: number) => Answer, options: { secrets?: string[]; maxAttempts?: number; timeoutMs?: number } = {}) {
  const app = await startApp(answers)
  const errors: unknown[] = []
  const stack: Stack = await startStack({
    handler: {
      onStatusChange: createStandardWebhookSender({
        url: app.url,
        secrets: options.secrets ?? [SECRET],
        timeoutMs: options.timeoutMs ?? 300,
      }),
      outbox: { retryDelayMs: 20, maxAttempts: options.maxAttempts ?? 5, timeoutMs: 2000, pollMs: 200 },
      onError: (error) => errors.push(error),
    },
  })
  closers.push(app.close, stack.close)
  return { app, stack, errors }
}

/** A session for `user` finished at the sandbox as the person passing: its webhooks bring the status. */
async function verifySomeone(stack: Stack, user: string): Promise<string> {
  const session = (await (await stack.create(user)).json()) as { sessionId: string; clientSecret: string }
  await stack.sandbox.complete(session.clientSecret.split('_secret_')[0]!, 'pass')
  return session.sessionId
}

const verifiedWith = (secret: string, { headers, body }: Received) => new Webhook(secret).verify(body, headers) as { data: StatusChange }

describe('outcomes as Standard Webhooks', () => {
  it('each change is POSTed as JSON signed per the spec, verified by the reference library', async () => {
    const { app, stack } = await setUp(() => 204)
    const sessionId = await verifySomeone(stack, 'alice')
    await eventually(() => expect(app.received.length).toBeGreaterThan(0))
    const [delivery] = app.received
    const payload = verifiedWith(SECRET, delivery!) as unknown as { type: string; timestamp: string; data: StatusChange }
    expect(payload).toMatchObject({
      type: 'verification.verified',
      data: { userId: 'alice', status: 'verified', previousStatus: 'requires_input', session: { sessionId, status: 'verified' } },
    })
    expect(payload.timestamp).toBe(payload.data.at)
    expect(delivery!.headers['webhook-id']).toBe(payload.data.eventId)
    expect(delivery!.headers['content-type']).toBe('application/json')
    expect(Math.abs(Number(delivery!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60)
    expect(delivery!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/)
    // Any other secret, a changed body or a changed id fails the reference verifier.
    expect(() => verifiedWith(STRANGER, delivery!)).toThrow()
    expect(() => verifiedWith(SECRET, { ...delivery!, body: delivery!.body.replace('alice', 'mallory') })).toThrow()
    expect(() => verifiedWith(SECRET, { ...delivery!, headers: { ...delivery!.headers, 'webhook-id': 'other' } })).toThrow()
    await eventually(async () => expect((await stack.handler.health()).outbox).toEqual({ pending: 0, dead: 0 }))
  })

  it('while a secret rotates, every delivery carries a signature for each, and either verifies it', async () => {
    const { app, stack } = await setUp(() => 200, { secrets: [SECRET, OLD_SECRET] })
    await verifySomeone(stack, 'bob')
    await eventually(() => expect(app.received.length).toBeGreaterThan(0))
    const delivery = app.received[0]!
    expect(delivery.headers['webhook-signature']!.split(' ')).toHaveLength(2)
    expect(verifiedWith(SECRET, delivery).data.userId).toBe('bob')
    expect(verifiedWith(OLD_SECRET, delivery).data.userId).toBe('bob')
    expect(() => verifiedWith(STRANGER, delivery)).toThrow()
  })

  it('an app that answers 500 is sent the same event again, freshly signed, until it takes it', async () => {
    const { app, stack } = await setUp((n) => (n <= 2 ? 500 : 200))
    await verifySomeone(stack, 'carol')
    await eventually(() => expect(app.received).toHaveLength(3))
    const ids = app.received.map((r) => r.headers['webhook-id'])
    expect(new Set(ids).size).toBe(1)
    for (const delivery of app.received) expect(verifiedWith(SECRET, delivery).data.userId).toBe('carol')
    await eventually(async () => expect((await stack.handler.health()).outbox).toEqual({ pending: 0, dead: 0 }))
    expect(app.received).toHaveLength(3)
  })

  it('an app that does not answer in time is cut off and sent it again', async () => {
    const { app, stack } = await setUp((n) => (n === 1 ? 'hang' : 200), { timeoutMs: 200 })
    await verifySomeone(stack, 'dave')
    await eventually(() => expect(app.received).toHaveLength(2))
    await eventually(() => expect(app.received[0]!.abandoned).toBe(true))
    expect(app.received[1]!.headers['webhook-id']).toBe(app.received[0]!.headers['webhook-id'])
    expect(verifiedWith(SECRET, app.received[1]!).data.userId).toBe('dave')
    await eventually(async () => expect((await stack.handler.health()).outbox).toEqual({ pending: 0, dead: 0 }))
  })

  it('after its last attempt an outcome is a dead letter an operator can list, and send again once the app is fixed', async () => {
    let fixed = false
    const { app, stack, errors } = await setUp(() => (fixed ? 200 : 302), { maxAttempts: 3 })
    const sessionId = await verifySomeone(stack, 'erin')
    await eventually(async () => expect(await stack.handler.deadLetters()).toHaveLength(1))
    const [dead] = await stack.handler.deadLetters()
    expect(dead).toMatchObject({ sessionId, attempts: 3, change: { userId: 'erin', status: 'verified' } })
    expect(dead!.lastError).toMatch(/answered 302 \(redirects are not followed/)
    expect(dead!.lastError).not.toContain('?')
    expect(app.received).toHaveLength(3)
    expect(errors.find((e) => e instanceof OutboxDeliveryError)).toMatchObject({ attempts: 3, change: { eventId: dead!.id } })

    fixed = true
    expect(await stack.handler.reviveDeadLetters([dead!.id])).toBe(1)
    await eventually(() => expect(app.received).toHaveLength(4))
    expect(app.received[3]!.headers['webhook-id']).toBe(dead!.id)
    await eventually(async () => expect(await stack.handler.deadLetters()).toEqual([]))
    expect(() => stack.handler.deadLetters(0)).toThrow(/1 to 1000/)
  })

  it('refuses settings that cannot work, naming each', () => {
    const url = 'https://shop.example/hooks'
    expect(() => createStandardWebhookSender({ url: 'shop.example/hooks', secrets: SECRET })).toThrow(
      /url must be an absolute http\(s\) URL/,
    )
    expect(() => createStandardWebhookSender({ url: 'ftp://shop.example/', secrets: SECRET })).toThrow(/url must be http\(s\)/)
    expect(() => createStandardWebhookSender({ url, secrets: [] })).toThrow(/needs secrets/)
    expect(() => createStandardWebhookSender({ url, secrets: 'a-plain-password-of-some-length' })).toThrow(
      /secrets must be a Standard Webhooks secret/,
    )
    expect(() => createStandardWebhookSender({ url, secrets: [SECRET, 'whsec_!!!'] })).toThrow(/secrets\[1\] is not base64/)
    expect(() => createStandardWebhookSender({ url, secrets: `whsec_${btoa('too short')}` })).toThrow(/holds 9 bytes/)
    expect(() => createStandardWebhookSender({ url, secrets: SECRET, timeoutMs: 0 })).toThrow(/timeoutMs/)
  })
})
