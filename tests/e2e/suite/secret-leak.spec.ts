import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { expect, test } from '../fixtures'
import { chooseInFrame, expectFlowReady, expectView, faceVerifyRoundTrip, flowFrame } from '../support/hosted'
import { findLeaks } from '../support/recorder'

const ROOT = resolve(import.meta.dirname, '../../..')
// Node-only parts of the package never reach a browser.
const SERVER_ONLY = ['dist/node', 'dist/types/server', 'dist/types/sandbox']

function files(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (SERVER_ONLY.includes(relative(ROOT, path))) return []
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

test('every built browser asset is free of keys and secrets', async ({ app }) => {
  const assets = ['dist', 'dist-hosted', 'storybook-static'].flatMap((dir) => files(join(ROOT, dir)))
  expect(assets.length).toBeGreaterThan(10)
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
