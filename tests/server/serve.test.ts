import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import {
  createSession,
  OUTCOME_SECRET,
  type Receiver,
  runCli,
  type ServeProcess,
  signToken,
  startReceiver,
  startServe,
  TOKEN_SECRET,
  until,
} from './serve-process'

const FACESIGN_KEY = 'sk_test_serve_process_facesign'
const FACESIGN_WEBHOOK_SECRET = 'sk_test_serve_process_webhook_secret'
const dir = mkdtempSync(join(tmpdir(), 'vw-serve-'))
let sandbox: Sandbox
let files = 0
const cleanup: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ facesign: { apiKeys: [FACESIGN_KEY], webhookSecret: FACESIGN_WEBHOOK_SECRET } })
})
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})
afterAll(async () => {
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The settings of a service on the test's sandbox, its own SQLite file, outcomes to `receiver`. */
function settings(receiver: Receiver, extra: Record<string, string> = {}): Record<string, string> {
  return {
    VERIFY_TOKEN_SECRET: TOKEN_SECRET,
    VERIFY_WEBHOOK_URL: receiver.url,
    VERIFY_WEBHOOK_SECRET: OUTCOME_SECRET,
    VERIFY_WEBHOOK_TIMEOUT_MS: '1000',
    VERIFY_SQLITE_FILE: join(dir, `serve-${++files}.sqlite`),
    FACESIGN_API_KEY: FACESIGN_KEY,
    FACESIGN_WEBHOOK_SECRET,
    FACESIGN_BASE_URL: sandbox.facesignApiUrl,
    FACESIGN_FLOW_URL: sandbox.facesignFlowUrl,
    ...extra,
  }
}

async function serve(env: Record<string, string>): Promise<ServeProcess> {
  const service = await startServe(env)
  cleanup.push(() => service.kill('SIGKILL'))
  // The sandbox (the provider) sends its webhooks to this service.
  sandbox.setWebhookUrl('facesign', `${service.url}/api/verify/webhooks/facesign`)
  return service
}

async function receiver(answer: (n: number) => number | 'hang'): Promise<Receiver> {
  const r = await startReceiver(answer)
  cleanup.push(r.close)
  return r
}

const providerId = (session: { clientSecret: string }) => session.clientSecret.split('_secret_')[0]!

describe('verify-widget serve (a real process)', () => {
  it('serves the routes to token holders, streams status, sends the outcome as a Standard Webhook and stops on SIGTERM', async () => {
    const app = await receiver(() => 200)
    const service = await serve(settings(app))
    expect(service.output()).toContain(`listening on ${service.url}/api/verify`)
    expect(service.output()).toMatch(/store +SQLite in .*serve-\d+\.sqlite/)
    expect(service.output()).toContain('Standard Webhooks to http://127.0.0.1:')
    expect(service.output()).not.toContain(TOKEN_SECRET)
    expect(service.output()).not.toContain(OUTCOME_SECRET)
    expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ ok: true })

    const refused = await fetch(`${service.url}/api/verify/sessions`, { method: 'POST', body: '{}' })
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ error: { code: 'token_missing' } })
    const session = await createSession(service.url, 'u-serve')
    const token = await signToken('u-serve')
    const read = await fetch(`${service.url}/api/verify/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${token}` } })
    expect(await read.json()).toMatchObject({ sessionId: session.sessionId, status: 'requires_input' })
    const stream = await fetch(`${service.url}/api/verify/sessions/${session.sessionId}/events`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)

    await sandbox.complete(providerId(session), 'pass')
    // The stream ends by itself at the terminal status.
    const text = await new Response(stream.body).text()
    expect(text).toContain('"status":"verified"')
    await until(() =>
      expect(app.deliveries.map((d) => [d.type, d.userId, d.sessionId])).toEqual([['verification.verified', 'u-serve', session.sessionId]]),
    )
    expect(app.refused).toEqual([])

    expect(await service.kill('SIGTERM')).toEqual({ code: 0, signal: null })
    expect(service.output()).toContain('SIGTERM: stopping')
    expect(service.output()).toContain('Stopped.')
  })

  it('an outcome in flight when the service is SIGKILLed is delivered by the restarted service', { timeout: 60_000 }, async () => {
    let killed: Promise<unknown> | undefined
    let service: ServeProcess | undefined
    const app = await receiver((n) => (n === 1 ? 'hang' : 200))
    // The app holds the first delivery open: the service dies with it in flight.
    app.onDelivery = () => {
      killed ??= service!.kill('SIGKILL')
    }
    const env = settings(app)
    service = await serve(env)
    const session = await createSession(service.url, 'u-killed')
    await sandbox.complete(providerId(session), 'pass')
    expect(
      await until(() => {
        if (!killed) throw new Error('no delivery yet')
        return killed
      }),
    ).toEqual({ code: null, signal: 'SIGKILL' })
    expect(app.deliveries).toHaveLength(1)

    // The same store, a new process: the claim of the dead one lapses and the outcome goes out again.
    await serve(env)
    await until(() => expect(app.deliveries).toHaveLength(2))
    const [first, again] = app.deliveries
    expect(again).toMatchObject({ id: first!.id, userId: 'u-killed', status: 'verified', answer: 200 })
    expect(app.refused).toEqual([])
  })

  it('outcomes given up on are listed by verify-widget dead-letters and sent again with --revive', { timeout: 60_000 }, async () => {
    let fixed = false
    const app = await receiver(() => (fixed ? 200 : 500))
    const env = settings(app, { VERIFY_WEBHOOK_ATTEMPTS: '2' })
    const service = await serve(env)
    const session = await createSession(service.url, 'u-dead')
    await sandbox.complete(providerId(session), 'pass')
    const store = { VERIFY_SQLITE_FILE: env.VERIFY_SQLITE_FILE! }

    const listed = await until(async () => {
      const run = runCli(['dead-letters', '--json'], store)
      expect(await run.exited).toEqual({ code: 0, signal: null })
      const list = JSON.parse(run.output()) as { id: string; attempts: number; lastError: string; change: { userId: string } }[]
      expect(list).toHaveLength(1)
      return list
    })
    expect(listed[0]).toMatchObject({ attempts: 2, change: { userId: 'u-dead' } })
    expect(listed[0]!.lastError).toContain('answered 500')
    expect(app.deliveries.map((d) => d.answer)).toEqual([500, 500])
    const table = runCli(['dead-letters'], store)
    await table.exited
    expect(table.output()).toContain('1 dead letter(s) in SQLite in')
    expect(table.output()).toContain(listed[0]!.id)

    fixed = true
    const revive = runCli(['dead-letters', '--revive', listed[0]!.id, '--revive', 'not-an-id'], store)
    expect(await revive.exited).toEqual({ code: 0, signal: null })
    expect(revive.output()).toContain('1 dead letter(s) revived')
    expect(revive.output()).toContain('1 id(s) were not dead letters')
    await until(() => expect(app.deliveries.map((d) => d.answer)).toEqual([500, 500, 200]))
    expect(app.deliveries[2]!.id).toBe(listed[0]!.id)
  })

  it('while its secret rotates, the app verifies each outcome with the Python reference library and the secret it still has', async () => {
    const before = `whsec_${randomBytes(32).toString('base64')}`
    // The app (Python, the standardwebhooks package from PyPI) has not switched yet: it knows only the old secret.
    const python = spawn('python3', ['receiver.py', before], {
      cwd: resolve(import.meta.dirname, '../support/python'),
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    cleanup.push(async () => {
      python.kill()
    })
    let lines = ''
    python.stdout.on('data', (chunk: Buffer) => (lines += chunk.toString()))
    const url = await until(() => /listening (\S+)/.exec(lines)![1]!)
    const app = { url } as Receiver
    const service = await serve(settings(app, { VERIFY_WEBHOOK_SECRET: `${OUTCOME_SECRET},${before}` }))
    const session = await createSession(service.url, 'u-python')
    await sandbox.complete(providerId(session), 'pass')
    const received = await until(() => {
      const verified = lines
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { ok: boolean; type?: string; userId?: string; id?: string; error?: string })
      expect(verified).toHaveLength(1)
      return verified[0]!
    })
    expect(received).toMatchObject({ ok: true, type: 'verification.verified', userId: 'u-python', id: `${session.sessionId}.verified` })
  })
})
