import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, normalize, resolve } from 'node:path'
import type { Page, Request } from '@playwright/test'
import type { RunningApp } from './app'

const ROOT = resolve(import.meta.dirname, '../../..')
const DIST = join(ROOT, 'dist')

/** The package's browser build must exist: `npm test` builds it; a lone e2e run builds it here. */
export function ensureLibraryBuild(): void {
  if (existsSync(join(DIST, 'element.js')) && existsSync(join(DIST, 'index.js'))) return
  const result = spawnSync('npm', ['run', 'build:lib'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build:lib failed')
}

/** Where the test page lives on the app's origin (same origin as the backend, as an integrator's page is). */
export const ELEMENT_PAGE = '/element-page/'

/**
 * A page with no framework and no bundler: the package's dist/element.js by a plain
 * `<script type="module">`, and one `<verify-button>` with `attributes`. `events.js` (a file: the CSP
 * allows no inline script) records every `verify-*` event the page hears, and every CSP violation.
 * Served from the app's origin under the same strict CSP as the hosted page.
 *
 * `own` replaces the element with the page's own markup and module (`page.js`, after element.js), for
 * a page that drives `createVerification` itself as an integrator's code does; it records what it hears
 * into the same lists (`window.__ui`, `window.__links`).
 */
export async function serveElementPage(
  page: Page,
  app: RunningApp,
  attributes: string,
  options: { lang?: string; frameSrc?: string; own?: { markup: string; script: string } } = {},
): Promise<Request[]> {
  // The page is answered by the test (page.route), so Chromium cannot tell it comes from loopback and
  // treats the sandbox's loopback flow as a local-network request from the outside. A page served by
  // a loopback server (the demo) needs no permission; in production both are public hosts.
  // Granting one permission refuses every other (CDP's grantPermissions): the camera is granted with it,
  // as the fake-camera flags would when the person is asked, or the camera check reads it as blocked.
  await page.context().grantPermissions(['local-network-access', 'camera'])
  const scripts: Request[] = []
  // The page's own scripts (the flow's frame loads its provider's).
  page.on('request', (request) => {
    if (request.resourceType() === 'script' && request.frame() === page.mainFrame()) scripts.push(request)
  })
  const sandbox = app.sandbox.url
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${options.frameSrc ?? sandbox}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
  const html = `<!doctype html>
<html lang="${options.lang ?? 'en'}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>verify-button, no framework</title>
    <meta name="verify-widget:allowed-hosts" content="${new URL(sandbox).host}">
    <script type="module" src="${ELEMENT_PAGE}events.js"></script>
    <script type="module" src="${ELEMENT_PAGE}dist/element.js"></script>${options.own ? `\n    <script type="module" src="${ELEMENT_PAGE}page.js"></script>` : ''}
  </head>
  <body>
    <main>
      <h1>Verify with a custom element</h1>
      ${options.own?.markup ?? `<verify-button ${attributes}></verify-button>`}
    </main>
  </body>
</html>`
  const events = `window.__events = []
window.__csp = []
for (const type of ['verify-status', 'verify-verified', 'verify-failed', 'verify-canceled', 'verify-error'])
  document.addEventListener(type, (event) => window.__events.push(type + ':' + (type === 'verify-error' ? event.detail.code : event.detail.status)))
document.addEventListener('securitypolicyviolation', (event) => window.__csp.push(event.violatedDirective + ' ' + event.blockedURI))
window.__ui = []
window.__links = []
document.addEventListener('verify-event', (event) => window.__ui.push(event.detail))
document.addEventListener('verify-handoff', (event) => window.__links.push(event.detail))`
  const camera = `(self "${sandbox}")`
  await page.route(`${app.url}${ELEMENT_PAGE}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(ELEMENT_PAGE.length)
    const headers = { 'Cache-Control': 'no-store' }
    if (path === '' || path === 'index.html')
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: html,
        headers: { ...headers, 'Content-Security-Policy': csp, 'Permissions-Policy': `camera=${camera}, microphone=${camera}` },
      })
    if (path === 'events.js') return route.fulfill({ contentType: 'text/javascript', body: events, headers })
    if (path === 'page.js' && options.own) return route.fulfill({ contentType: 'text/javascript', body: options.own.script, headers })
    const file = normalize(join(DIST, path.replace(/^dist\//, '')))
    if (!path.startsWith('dist/') || !file.startsWith(`${DIST}/`) || !existsSync(file))
      return route.fulfill({ status: 404, body: 'Not found' })
    return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file), headers })
  })
  return scripts
}

/** The `verify-*` events the page heard, in order (`type:status` or `type:code`). */
export const heardEvents = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __events: string[] }).__events)
export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)

/** The `verify-event` details the page heard (the UI's typed events), in order. */
export const uiEvents = (page: Page): Promise<{ type: string; [key: string]: unknown }[]> =>
  page.evaluate(() => (window as unknown as { __ui: { type: string }[] }).__ui)
/** The `verify-handoff` details (links to a phone) the page heard. */
export const handoffLinks = (page: Page): Promise<{ url: string; sessionId: string; expiresAt: string }[]> =>
  page.evaluate(() => (window as unknown as { __links: { url: string; sessionId: string; expiresAt: string }[] }).__links)
