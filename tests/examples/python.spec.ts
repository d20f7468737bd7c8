/**
 * examples/plain-html-python over HTTP: its `npm start` runs `verify-widget serve` from the packed
 * tarball (with the sandbox) and the Python app (standard library only) beside it. These tests are
 * the Python backend's side: the tokens it signs, the outcome webhooks it verifies, the members gate.
 * (The page's <verify-button token-url> in Chromium is driven by examples.spec.ts.)
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { decodeJwt } from 'jose'
import { Webhook } from 'standardwebhooks'
import { freePort } from '../e2e/support/ports'

const EXAMPLE = resolve(import.meta.dirname, '../../examples/plain-html-python')
const TOKEN_SECRET = randomBytes(32).toString('hex')
const WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`

interface Running {
  app: string
  service: string
  sandbox: string
  output(): string
  stop(): Promise<void>
}

async function startExample(): Promise<Running> {
  rmSync(resolve(EXAMPLE, '.data'), { recursive: true, force: true })
  const port = await freePort()
  let log = ''
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: EXAMPLE,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      COOKIE_SECRET: randomBytes(32).toString('hex'),
      VERIFY_TOKEN_SECRET: TOKEN_SECRET,
      VERIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const app = `http://127.0.0.1:${port}`
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the example exited with ${child.exitCode}:\n${log}`)
        return fetch(`${app}/health`).then(
          (r) => r.status,
          () => 0,
        )
      },
      { timeout: 60_000, message: `the Python app answers on ${app}` },
    )
    .toBe(200)
  return {
    app,
    service: /listening on (http:\/\/\S+)\/api\/verify/.exec(log)![1]!,
    sandbox: /sandbox at (http:\/\/\S+)/.exec(log)![1]!,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return
      const exited = new Promise<void>((done) => child.once('exit', () => done()))
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {}
      await exited
    },
  }
}

/** A browser of the Python app: its session cookie, as the app's own sign-in sets it. */
async function visitor(app: string): Promise<{ cookie: string; get(path: string): Promise<Response> }> {
  const page = await fetch(`${app}/`)
  expect(page.status).toBe(200)
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!
  return { cookie, get: (path) => fetch(`${app}${path}`, { headers: { cookie } }) }
}

const signed = (body: string, at = new Date(), id = `vws_${randomBytes(8).toString('hex')}.verified`, secret = WEBHOOK_SECRET) => ({
  'content-type': 'application/json',
  'webhook-id': id,
  'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
  // Signed by the reference library (npm), not by our own code.
  'webhook-signature': new Webhook(secret).sign(id, at, body),
})

let example: Running
test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  example = await startExample()
})
test.afterAll(async () => {
  await example?.stop()
  test
    .info()
    .attach('example output', { body: example?.output() ?? '' })
    .catch(() => {})
})

test('plain-html-python: the page points the element at the service, with the flow host allowed and a strict CSP', async () => {
  const response = await fetch(`${example.app}/`)
  const html = await response.text()
  expect(html).toContain(`endpoint="${example.service}/api/verify"`)
  expect(html).toContain(`allowed-hosts="${new URL(example.sandbox).host}"`)
  expect(html).toContain('token-url="/verify-token"')
  const csp = response.headers.get('content-security-policy')!
  expect(csp).toContain(`connect-src 'self' ${example.service}`)
  expect(csp).toContain("script-src 'self';")
  // The service lets this page's origin call it, and no other.
  const preflight = (origin: string) =>
    fetch(`${example.service}/api/verify/sessions`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    })
  expect((await preflight(example.app)).headers.get('access-control-allow-origin')).toBe(example.app)
  expect((await preflight('https://evil.example')).status).toBe(403)
})

test('plain-html-python: the Python app signs identity tokens the service accepts for its signed-in user only', async () => {
  const alice = await visitor(example.app)
  expect((await fetch(`${example.app}/verify-token`)).status).toBe(401)
  const answer = await alice.get('/verify-token')
  expect(answer.headers.get('cache-control')).toBe('no-store')
  const { token, expiresAt } = (await answer.json()) as { token: string; expiresAt: number }
  const claims = decodeJwt(token)
  expect(claims).toMatchObject({ sub: expect.stringMatching(/^user_/), aud: 'verify-widget', exp: expiresAt })
  expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300)

  const created = await fetch(`${example.service}/api/verify/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: example.app },
    body: JSON.stringify({ provider: 'facesign' }),
  })
  expect(created.status).toBe(201)
  expect(created.headers.get('access-control-allow-origin')).toBe(example.app)
  // The same token with one character of its signature changed: forged.
  const forged = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`
  const refused = await fetch(`${example.service}/api/verify/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'facesign' }),
  })
  expect(refused.status).toBe(401)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('token_signature_invalid')
})

test('plain-html-python: the outcome reaches the Python app as a Standard Webhook it verifies, and opens the members page of that user only', async () => {
  const alice = await visitor(example.app)
  const bob = await visitor(example.app)
  expect((await alice.get('/api/members')).status).toBe(403)
  const { token } = (await (await alice.get('/verify-token')).json()) as { token: string }
  const session = (await (
    await fetch(`${example.service}/api/verify/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'facesign' }),
    })
  ).json()) as { clientSecret: string }
  // The person presses Pass on the sandbox's flow page.
  const flow = await fetch(`${example.sandbox}/facesign/flow/event`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_secret: session.clientSecret, event: 'pass' }),
  })
  expect(flow.status).toBe(200)
  await expect.poll(async () => (await alice.get('/api/members')).status, { timeout: 30_000 }).toBe(200)
  expect(await (await alice.get('/api/members')).json()).toEqual({ message: 'Welcome, verified member.' })
  expect((await bob.get('/api/members')).status).toBe(403)
})

test('plain-html-python: the Python app refuses forged, altered, stale and unsigned webhooks, and takes a genuine one once', async () => {
  const carol = await visitor(example.app)
  const user = carol.cookie.split('=')[1]!.split('.')[0]!
  const body = JSON.stringify({
    type: 'verification.verified',
    timestamp: new Date().toISOString(),
    data: { eventId: 'x', userId: user, status: 'verified', previousStatus: 'requires_input', session: { sessionId: 'vws_test' } },
  })
  const post = (text: string, headers: Record<string, string>) =>
    fetch(`${example.app}/webhooks/verify`, { method: 'POST', headers, body: text }).then((r) => r.status)
  const otherSecret = `whsec_${randomBytes(32).toString('base64')}`
  expect(await post(body, signed(body, new Date(), undefined, otherSecret))).toBe(400)
  expect(await post(body.replace(user, 'someone-else'), signed(body))).toBe(400)
  expect(await post(body, signed(body, new Date(Date.now() - 10 * 60_000)))).toBe(400)
  expect(await post(body, { 'content-type': 'application/json' })).toBe(400)
  const { 'webhook-signature': _, ...unsigned } = signed(body)
  expect(await post(body, unsigned)).toBe(400)
  expect((await carol.get('/api/members')).status).toBe(403)

  // While a secret rotates the service signs with both: one the app knows is enough.
  const genuine = signed(body)
  const rotating = {
    ...genuine,
    'webhook-signature': `${signed(body, new Date(), genuine['webhook-id'], otherSecret)['webhook-signature']} ${genuine['webhook-signature']}`,
  }
  expect(await post(body, rotating)).toBe(204)
  expect(await post(body, genuine)).toBe(204)
  expect((await carol.get('/api/members')).status).toBe(200)
})
