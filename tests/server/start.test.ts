import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorCode, head, rawRequest } from './raw-http'

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

let child: ChildProcess
let output = ''
let app: string
let sandboxPort: number
const dir = mkdtempSync(join(tmpdir(), 'vw-start-'))

beforeAll(async () => {
  const [port, sandbox] = [await freePort(), await freePort()]
  sandboxPort = sandbox
  app = `http://127.0.0.1:${port}`
  const dist = join(dir, 'dist')
  mkdirSync(join(dist, 'src', 'demo'), { recursive: true })
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="en"><head><title>hosted</title></head><body></body></html>')
  writeFileSync(
    join(dist, 'src', 'demo', 'index.html'),
    '<!doctype html><html lang="en"><head><title>demo</title></head><body></body></html>',
  )
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(sandbox),
    VERIFY_DATA_DIR: join(dir, 'data'),
    VERIFY_DIST_DIR: dist,
  }
  for (const key of [
    'FACESIGN_API_KEY',
    'FACEVERIFY_API_KEY',
    'FACEVERIFY_SECRET_KEY',
    'FACESIGN_WEBHOOK_SECRET',
    'VERIFY_SANDBOX',
    'VERIFY_SANDBOX_URL',
    'FACESIGN_BASE_URL',
    'FACEVERIFY_BASE_URL',
  ])
    delete env[key]
  child = spawn(join('node_modules', '.bin', 'tsx'), ['scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString()
  })
  for (let i = 0; i < 200 && !output.includes('Press Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 50))
  if (!output.includes('Press Ctrl-C')) throw new Error(`npm start did not come up:\n${output}`)
}, 30_000)

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('scripts/start.ts', () => {
  it('prints the URLs', () => {
    expect(output).toContain(`hosted page  http://localhost:${new URL(app).port}/`)
    expect(output).toContain(`sandbox      http://127.0.0.1:${sandboxPort}`)
  })

  it('serves the hosted page with the meta tags, security headers and a first-visit cookie', async () => {
    const r = await fetch(`${app}/`)
    expect(r.status).toBe(200)
    const html = await r.text()
    expect(html).toContain('<meta name="verify-widget:endpoint" content="/api/verify">')
    expect(html).toContain(`<meta name="verify-widget:allowed-hosts" content="127.0.0.1:${sandboxPort}">`)
    expect(r.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src http://127.0.0.1:${sandboxPort} https://*.facesign.ai; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
    )
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(r.headers.get('permissions-policy')).toContain(`camera=(self "http://127.0.0.1:${sandboxPort}"`)
    expect(r.headers.get('set-cookie')).toMatch(/^vw_uid=[^;]+; Path=\/; HttpOnly; SameSite=Lax/)
    const demo = await fetch(`${app}/demo/`)
    expect(await demo.text()).toContain('<title>demo</title>')
    const asset = await fetch(`${app}/assets/app-abc123.js`)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${app}/assets/..%2f..%2f..%2fpackage.json`)).status).toBe(400)
  })

  it('puts the identity cookie only on answers no cache keeps', async () => {
    const page = await fetch(`${app}/`)
    expect(page.headers.get('set-cookie')).toMatch(/^vw_uid=/)
    expect(page.headers.get('cache-control')).toBe('no-store')
    // A first visit that starts on a cacheable file gets no identity from it.
    const asset = await fetch(`${app}/assets/app-abc123.js`)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(asset.headers.get('set-cookie')).toBeNull()
    const api = await fetch(`${app}/api/verify/sessions/vws_none`)
    expect(api.headers.get('set-cookie')).toMatch(/^vw_uid=/)
    expect(api.headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['GET /% HTTP/1.1', 'localhost', 400, 'invalid_path'],
    ['GET http://[/ HTTP/1.1', 'localhost', 400, 'invalid_path'],
    ['GET //evil.example/api/verify/sessions/x HTTP/1.1', 'localhost', 400, 'invalid_path'],
    ['TRACE /api/verify/sessions HTTP/1.1', 'localhost', 405, 'method_not_allowed'],
    ['TRACE / HTTP/1.1', 'localhost', 405, 'method_not_allowed'],
    ['GET / HTTP/1.1', 'exa mple', 400, 'invalid_host'],
  ])('answers %s (Host %s) with %i JSON and keeps serving', async (line, host, status, code) => {
    const response = await rawRequest(Number(new URL(app).port), head(line, host))
    expect(response.status).toBe(status)
    expect(errorCode(response)).toBe(code)
    expect(child.exitCode).toBeNull()
    expect((await fetch(`${app}/`)).status).toBe(200)
  })

  it('runs the whole loop: each browser is its own user, the sandbox webhook reaches the backend', async () => {
    const cookie = (await fetch(`${app}/`)).headers.get('set-cookie')!.split(';')[0]!
    const headers = { 'Content-Type': 'application/json', Cookie: cookie, Origin: app }
    const created = await fetch(`${app}/api/verify/sessions`, { method: 'POST', headers, body: '{"provider":"facesign"}' })
    expect(created.status).toBe(201)
    const session = await created.json()
    expect(JSON.stringify(session)).not.toMatch(/sk_(test|live)_/)
    expect(created.headers.get('permissions-policy')).toContain('camera=()')
    const stranger = await fetch(`${app}/api/verify/sessions/${session.sessionId}`)
    expect(stranger.status).toBe(404)
    const flow = await fetch(`${session.url.replace('/facesign/flow?', '/facesign/flow/event?')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'pass', client_secret: session.clientSecret }),
    })
    expect(flow.status).toBe(200)
    let status = ''
    for (let i = 0; i < 300 && status !== 'verified'; i++) {
      status = (await (await fetch(`${app}/api/verify/sessions/${session.sessionId}`, { headers: { Cookie: cookie } })).json()).status
      await new Promise((r) => setTimeout(r, 30))
    }
    expect(status).toBe('verified')
  })

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(fetch(`${app}/`)).rejects.toThrow()
  })
})
