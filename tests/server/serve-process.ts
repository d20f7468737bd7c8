/**
 * `verify-widget serve` as a real process (from the sources, as `bin` runs the build of them), an
 * app's webhook endpoint that records what it is sent, and identity tokens as an app's backend signs
 * them. The examples gate runs the same command from the packed tarball.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { SignJWT } from 'jose'
import { Webhook } from 'standardwebhooks'

const ROOT = resolve(import.meta.dirname, '../..')
const CLI = join(ROOT, 'src', 'server', 'node', 'cli.ts')

export const TOKEN_SECRET = randomBytes(32).toString('hex')
export const OUTCOME_SECRET = `whsec_${randomBytes(32).toString('base64')}`

export interface ServeProcess {
  /** The service's origin, e.g. http://127.0.0.1:41234 (routes under /api/verify). */
  url: string
  child: ChildProcess
  output(): string
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Runs `verify-widget <args>` with exactly `env` (plus PATH): nothing of the test's environment leaks in. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output(): string; exited: ServeProcess['exited'] } {
  let log = ''
  // One process (tsx as node's loader, not its CLI, which would put the service in a child): a
  // SIGKILL here is a SIGKILL of the service itself.
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  )
  return { child, output: () => log, exited }
}

/** `verify-widget serve` on a free port, resolved once it prints where it listens. */
export async function startServe(env: Record<string, string>, args: string[] = []): Promise<ServeProcess> {
  const run = runCli(['serve', '--port', '0', ...args], env)
  const url = await new Promise<string>((done, fail) => {
    const look = () => {
      // The last line of the start: everything above it is printed.
      const match = /listening on (http:\/\/[^\s/]+)/.exec(run.output())
      if (match && run.output().includes('Stop with Ctrl-C')) done(match[1]!)
    }
    run.child.stdout?.on('data', look)
    void run.exited.then(({ code, signal }) =>
      fail(new Error(`verify-widget serve exited (${code ?? signal}) before listening:\n${run.output()}`)),
    )
  })
  return {
    url,
    ...run,
    async kill(signal = 'SIGTERM') {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal)
      return run.exited
    },
  }
}

/** An identity token as the app's backend makes it. */
export function signToken(sub: string, options: { secret?: string; audience?: string; lifetime?: number } = {}): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setAudience(options.audience ?? 'verify-widget')
    .setIssuedAt()
    .setExpirationTime(`${options.lifetime ?? 120}s`)
    .sign(new TextEncoder().encode(options.secret ?? TOKEN_SECRET))
}

export interface Delivery {
  id: string
  type: string
  userId: string
  sessionId: string
  status: string
  /** What the app answered: a status, or 'hang' (no answer). */
  answer: number | 'hang'
}

/** The app's outcome endpoint: every request is checked with the reference Standard Webhooks library. */
export interface Receiver {
  url: string
  deliveries: Delivery[]
  /** Requests whose signature the reference library refused (none expected). */
  refused: string[]
  /** Called with each verified delivery as it arrives (before it is answered). */
  onDelivery?: (delivery: Delivery) => void
  close(): Promise<void>
}

export async function startReceiver(answer: (n: number) => number | 'hang', secret = OUTCOME_SECRET): Promise<Receiver> {
  const verifier = new Webhook(secret)
  const open = new Set<ServerResponse>()
  const receiver: Receiver = {
    url: '',
    deliveries: [],
    refused: [],
    async close() {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      let payload: { type: string; data: { eventId: string; userId: string; status: string; session: { sessionId: string } } }
      try {
        payload = verifier.verify(body, req.headers as Record<string, string>) as typeof payload
      } catch (error) {
        receiver.refused.push(String(error))
        res.writeHead(400).end()
        return
      }
      const reply = answer(receiver.deliveries.length + 1)
      const delivery: Delivery = {
        id: String(req.headers['webhook-id']),
        type: payload.type,
        userId: payload.data.userId,
        sessionId: payload.data.session.sessionId,
        status: payload.data.status,
        answer: reply,
      }
      receiver.deliveries.push(delivery)
      receiver.onDelivery?.(delivery)
      if (reply === 'hang') {
        open.add(res)
        return
      }
      res.writeHead(reply).end()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/verify`
  return receiver
}

/** Polls until `check` passes; fails with its last error (waits come from events, not fixed sleeps). */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 45_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > end) throw error
      await new Promise((done) => setTimeout(done, 50))
    }
  }
}

/** Creates a session on the service for `user` with a token, as the page would. */
export async function createSession(
  service: string,
  user: string,
  headers: Record<string, string> = {},
): Promise<{ sessionId: string; clientSecret: string }> {
  const response = await fetch(`${service}/api/verify/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await signToken(user)}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ provider: 'facesign' }),
  })
  if (response.status !== 201 && response.status !== 200)
    throw new Error(
      `create for ${user} answered ${response.status} (retry after ${response.headers.get('retry-after')}): ${await response.text()}`,
    )
  return (await response.json()) as { sessionId: string; clientSecret: string }
}
