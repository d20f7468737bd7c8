import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, relative, resolve } from 'node:path'
import { expect, test } from '../fixtures'
import { chooseInFrame, expectFlowReady, expectView, faceVerifyRoundTrip, flowFrame } from '../support/hosted'
import { findLeaks, recordTraffic } from '../support/recorder'

const ROOT = resolve(import.meta.dirname, '../../..')
// The backend's builds (Node's and the Web-standard one for Workers, Deno, Bun, edge): they name the settings they read.
const SERVER_ONLY = ['dist/node', 'dist/web', 'dist/types/server', 'dist/types/sandbox']

/** The built folders a browser gets its files from: each must be there, or the scan would pass on nothing. */
const BUILT = { dist: 'npm run build:lib', 'dist-hosted': 'npm run build:hosted', 'storybook-static': 'npm run build-storybook' }

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (SERVER_ONLY.includes(relative(ROOT, path))) return []
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

test('every built browser asset is free of keys and secrets', async ({ app }) => {
  const missing = Object.entries(BUILT).filter(
    ([dir]) => !existsSync(join(ROOT, dir, 'index.html')) && !existsSync(join(ROOT, dir, 'index.js')),
  )
  expect(missing.map(([dir, build]) => `${dir}/ is missing or empty: run \`${build}\``)).toEqual([])
  const assets = Object.keys(BUILT).flatMap((dir) => files(join(ROOT, dir)))
  for (const dir of Object.keys(BUILT))
    expect(assets.filter((a) => a.startsWith(join(ROOT, dir, '/'))).length, `files scanned in ${dir}/`).toBeGreaterThan(2)
  // A developer's own `npm start` keys, when there are any, must not have slipped into a build either.
  const localKeys = join(ROOT, '.data/local-keys.json')
  const developerKeys = existsSync(localKeys) ? Object.values(JSON.parse(readFileSync(localKeys, 'utf8')) as Record<string, string>) : []
  const markers = [...app.markers, ...developerKeys]
  const leaks = assets.flatMap((path) => {
    const text = readFileSync(path, 'latin1')
    const hits = markers.filter((m) => text.includes(m))
    if (/sk_(test|live)_[A-Za-z0-9]/.test(text)) hits.push('sk_test_/sk_live_ key')
    if (/FACESIGN_WEBHOOK_SECRET|FACEVERIFY_SECRET_KEY/.test(text)) hits.push('secret variable name')
    return hits.length ? [`${relative(ROOT, path)}: ${hits.join(', ')}`] : []
  })
  expect(leaks).toEqual([])
})

test('the browser sees no key across pages, scripts, styles, API, streams, iframes and redirects', async ({ page, app, traffic }) => {
  await page.goto('/')
  await expectFlowReady(page)
  await chooseInFrame(flowFrame(page), 'Pass')
  await expectView(page, 'verified')
  await page.evaluate(() => sessionStorage.clear())
  await faceVerifyRoundTrip(page, app, 'Pass')
  await expectView(page, 'verified')
  await page.goto('/demo/')
  await expect(page.locator('#root')).not.toBeEmpty()
  await traffic.settle()

  const responses = traffic.entries.filter((e) => e.kind === 'response')
  const seen = (what: string, match: (e: (typeof responses)[number]) => boolean) =>
    expect(responses.filter(match).length, `recorded ${what}`).toBeGreaterThan(0)
  seen(
    'the hosted page',
    (e) => e.contentType.startsWith('text/html') && e.url.startsWith(app.url) && e.text.includes('verify-widget:endpoint'),
  )
  seen('scripts', (e) => e.contentType.includes('javascript') && e.url.startsWith(app.url))
  seen('styles', (e) => e.contentType.startsWith('text/css'))
  seen('API answers', (e) => e.url.includes('/api/verify/sessions') && e.text.includes('"sessionId"'))
  seen('the FaceSign client secret (the one secret a browser may hold)', (e) => e.text.includes('_secret_'))
  seen('status streams', (e) => e.contentType.startsWith('text/event-stream') && e.text.includes('event: status'))
  seen('the flow iframe', (e) => e.url.startsWith(`${app.sandbox.url}/facesign/flow`) && e.text.includes('FaceSign verification'))
  seen('the FaceVerify provider page', (e) => e.url.startsWith(`${app.sandbox.url}/faceverify/s/`))
  seen('the demo page', (e) => e.url.startsWith(`${app.url}/demo/`) && e.contentType.startsWith('text/html'))
  expect(findLeaks(traffic.entries, app.markers)).toEqual([])
  // The gate itself sees a key where one would be.
  const planted = { kind: 'response' as const, url: 'planted', contentType: 'text/plain', text: `x${app.keys.facesignWebhookSecret}x` }
  const caught = findLeaks([planted], app.markers)
  expect(caught).toHaveLength(1)
  expect(caught[0]).toContain(app.keys.facesignWebhookSecret)
})

test('every browser test of the suite records its traffic (it takes `test` from the fixtures)', () => {
  const suite = import.meta.dirname
  const specs = readdirSync(suite).filter((name) => name.endsWith('.spec.ts'))
  expect(specs.length).toBeGreaterThan(10)
  const unrecorded = specs.filter((name) => {
    const text = readFileSync(join(suite, name), 'utf8')
    return (
      !/import \{[^}]*\btest\b[^}]*\} from '\.\.\/fixtures'/.test(text) ||
      /import \{[^}]*\btest\b[^}]*\} from '@playwright\/test'/.test(text)
    )
  })
  expect(unrecorded).toEqual([])
})

test('a stream still open when its page closes is scanned all the same', async ({ browser }) => {
  const planted = `PLANTED_${Date.now()}`
  // A status stream that never ends, as for a session still open when a test stops.
  const server = createServer((request, response) => {
    if (request.url === '/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      response.write(`event: status\ndata: {"secret":"${planted}"}\n\n`)
      return
    }
    response.writeHead(200, { 'Content-Type': 'text/html' })
    response.end(
      '<!doctype html><title>waiting</title><script>new EventSource("/events").addEventListener("status", () => { document.title = "heard" })</script>',
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const context = await browser.newContext()
  try {
    const recorder = recordTraffic(context)
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await expect(page).toHaveTitle('heard')
    await recorder.settleReads()
    await page.close()
    await recorder.finish()
    expect(recorder.unread).toEqual([])
    expect(findLeaks(recorder.entries, [planted])).toEqual([expect.stringContaining('/events')])
  } finally {
    await context.close()
    server.closeAllConnections()
    server.close()
  }
})
