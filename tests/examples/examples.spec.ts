import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { envForApp } from '../../scripts/lib/node22.mjs'
import { chooseInFrame } from '../e2e/support/hosted'
import { freePort } from '../e2e/support/ports'

const EXAMPLES = resolve(import.meta.dirname, '../../examples')

interface App {
  url: string
  output(): string
  stop(): Promise<void>
}

/** `npm start` in an example, in its own process group, resolved once it serves its page. */
async function startExample(name: string, script = 'start'): Promise<App> {
  // A fresh store for each run (the Next.js example keeps the README's default, SQLite in .data/).
  rmSync(resolve(EXAMPLES, name, '.data'), { recursive: true, force: true })
  const port = await freePort()
  const url = `http://localhost:${port}`
  let log = ''
  const child: ChildProcess = spawn('npm', ['run', script], {
    cwd: resolve(EXAMPLES, name),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A made-up cookie key: the examples refuse to run in production without one.
    env: envForApp(resolve(EXAMPLES, name), {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'production',
      COOKIE_SECRET: randomBytes(32).toString('hex'),
    }),
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
    await exited
  }
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log}`)
        try {
          const r = await fetch(url, { signal: AbortSignal.timeout(2000) })
          await r.body?.cancel()
          return r.status
        } catch {
          return 0
        }
      },
      { timeout: 60_000, message: `${name} serves ${url}` },
    )
    .toBe(200)
  return { url, output: () => log, stop }
}

// The React apps use <VerifyButton>; the element apps use <verify-button> (React 19, Vue 3, and a plain
// HTML page), whose shadow root Playwright's role queries see into, and whose `verify-*` events the apps
// listen to. The Next.js app twice: its Turbopack and its webpack build load the default store's driver
// differently. plain-html-python: `verify-widget serve` on another origin than the page (CORS), which
// the element calls with the identity token the Python app signs (token-url).
const RUNS = [
  { name: 'vite-express', script: 'start', label: 'vite-express' },
  { name: 'vite-hono', script: 'start', label: 'vite-hono' },
  { name: 'next-app-router', script: 'start', label: 'next-app-router' },
  { name: 'next-app-router', script: 'start:webpack', label: 'next-app-router (webpack)' },
  { name: 'hono-workers', script: 'start', label: 'hono-workers' },
  { name: 'element-react', script: 'start', label: 'element-react' },
  { name: 'element-vue', script: 'start', label: 'element-vue' },
  { name: 'plain-html-python', script: 'start', label: 'plain-html-python' },
]

for (const { name, script, label } of RUNS) {
  test(`${label}: verify with the sandbox in Chromium, the verified callback fires and the server gate opens`, async ({ page }) => {
    const app = await startExample(name, script)
    try {
      // The service's calls (on another origin for plain-html-python), as Chromium sends them.
      const calls: { method: string; url: string; type: string; headers: Promise<Record<string, string>> }[] = []
      page.on('request', (request) => {
        if (request.url().includes('/api/verify/') && request.method() !== 'OPTIONS')
          calls.push({ method: request.method(), url: request.url(), type: request.resourceType(), headers: request.allHeaders() })
      })
      await page.goto(app.url)
      // Before: the server refuses the members area to this (signed-in, unverified) browser.
      expect((await page.request.get(`${app.url}/api/members`)).status()).toBe(403)

      await page.getByRole('button', { name: 'Verify your identity' }).click()
      // Not awaited: the click makes the widget remove the iframe, which can leave Playwright's click
      // waiting forever; the test waits for what the click must cause instead.
      await chooseInFrame(page.getByRole('dialog').frameLocator('iframe'), 'Pass')

      await expect(page.getByTestId('verified')).toHaveText('Verified')
      // The element apps also show the last `verify-status` event they heard.
      if (name.startsWith('element-')) await expect(page.getByTestId('status')).toHaveText('verified')
      await expect(page.getByTestId('members')).toHaveText('Welcome, verified member.')
      expect((await page.request.get(`${app.url}/api/members`)).status()).toBe(200)
      if (name === 'plain-html-python') {
        // verify-widget serve on its own origin (CORS), every call with the identity token the Python app
        // signed, never in a URL; the status stream read with fetch, since EventSource sends no header.
        const service = new URL(calls[0]!.url).origin
        expect(service).not.toBe(new URL(app.url).origin)
        expect(calls.map((c) => c.method)).toContain('POST')
        for (const call of calls) {
          const { authorization = '' } = await call.headers
          expect(call.url.startsWith(service)).toBe(true)
          expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/)
          expect(call.url).not.toContain(authorization.slice('Bearer '.length))
        }
        const streams = calls.filter((c) => c.url.endsWith('/events'))
        expect(streams.length).toBeGreaterThan(0)
        for (const stream of streams) expect(stream.type).toBe('fetch')
      }
    } finally {
      await app.stop()
      test
        .info()
        .attach('server output', { body: app.output() })
        .catch(() => {})
    }
  })
}
