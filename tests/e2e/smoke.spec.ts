import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { formatSize, gzipSize, HOSTED_PAGE_JS_LIMIT, limitBytes } from '../../scripts/lib/size.mjs'
import { type StaticServer, serveStatic } from '../storybook/static-server'

// The hosted page as built (dist-hosted, served on an ephemeral port), with the backend stubbed at the network edge.
const DIST_HOSTED = resolve(import.meta.dirname, '../../dist-hosted')
const API_ROUTES = '**/api/verify/sessions**'
const FLOW = 'https://flow.facesign.ai/'

/** The CSP the README recommends for the hosted page, applied to the built document. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'frame-src https://*.facesign.ai',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

const session = (overrides: Record<string, unknown> = {}) => ({
  sessionId: 'vs_smoke',
  provider: 'facesign',
  status: 'requires_input',
  clientSecret: 'vs_smoke_secret_x',
  url: FLOW,
  livemode: true,
  ...overrides,
})

const errorBody = (type: string, message: string) => JSON.stringify({ error: { type, code: type, message } })

/** Serves the document with a strict CSP and records every violation the browser reports. */
async function withStrictCsp(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } })
    },
  )
  await page.route(`${FLOW}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Flow</title><p>Flow</p></html>' }),
  )
  return violations
}

/**
 * The backend of the contract, stubbed: `POST /sessions` answers in turn (the last one repeats),
 * `GET /sessions/:id` reports the created session unchanged, and the events route is missing so
 * the page falls back to polling.
 */
function stubSession(page: Page, answers: { status: number; body: string; headers?: Record<string, string> }[]) {
  let call = 0
  let created = session()
  return page.route(API_ROUTES, (route) => {
    const { pathname } = new URL(route.request().url())
    if (pathname.endsWith('/sessions')) {
      const answer = answers[Math.min(call++, answers.length - 1)]!
      if (answer.status < 300) created = JSON.parse(answer.body)
      return route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body, headers: answer.headers })
    }
    if (pathname.endsWith('/events'))
      return route.fulfill({ status: 404, contentType: 'application/json', body: errorBody('not_found_error', 'No') })
    const { sessionId, provider, status, livemode } = created
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ sessionId, provider, status, livemode, updatedAt: new Date().toISOString() }),
    })
  })
}

const test = base.extend<object, { hosted: StaticServer }>({
  hosted: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      if (!existsSync(resolve(DIST_HOSTED, 'index.html')))
        throw new Error('dist-hosted/index.html is missing: run `npm run build:hosted` (or `npm run build`) first.')
      const server = await serveStatic(DIST_HOSTED)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ hosted }, use) => use(hosted.url),
})

test('the built hosted page renders its verification view', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('#root')).not.toBeEmpty()
  expect(errors).toEqual([])
})

for (const lang of ['en', 'ar']) {
  test(`JavaScript the page loads stays within ${HOSTED_PAGE_JS_LIMIT} gzip (${lang})`, async ({ page }) => {
    // Every body is awaited before adding up: a body still being read would count as nothing.
    const scripts = new Map<string, Promise<number>>()
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return
      scripts.set(
        response.url(),
        response.body().then((body) => gzipSize(body)),
      )
    })
    await stubSession(page, [{ status: 201, body: JSON.stringify(session()) }])
    await page.goto(`/?lang=${lang}`)
    await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'requires_input')
    const total = (await Promise.all(scripts.values())).reduce((sum, n) => sum + n, 0)
    console.log(`hosted page JS (${lang}): ${formatSize(total)} gzip in ${scripts.size} files`)
    expect(scripts.size).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(limitBytes(HOSTED_PAGE_JS_LIMIT))
  })
}

test('under a strict CSP: no violation, backend error then retry, focus on the new state', async ({ page }) => {
  const violations = await withStrictCsp(page)
  await stubSession(page, [
    { status: 500, body: errorBody('api_error', 'Boom') },
    { status: 201, body: JSON.stringify(session({ livemode: false })) },
  ])
  await page.goto('/')
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'error')
  await page.locator('section.vwh-card button').click()
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'requires_input')
  await expect(page.locator('#vwh-state-title')).toBeFocused()
  await expect(page.locator('.vwh-flow iframe')).toHaveAttribute('src', /client_secret=vs_smoke_secret_x/)
  await expect(page.getByRole('complementary', { name: 'Test mode' })).toBeVisible()
  expect(violations).toEqual([])
  const axe = await new AxeBuilder({ page }).analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
})

test('rate limited: counts down from Retry-After, then retries by itself', async ({ page }) => {
  await stubSession(page, [
    { status: 429, body: errorBody('rate_limit_error', 'Too many requests.'), headers: { 'Retry-After': '2' } },
    { status: 201, body: JSON.stringify(session()) },
  ])
  await page.route(`${FLOW}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Flow</title>' }))
  // The page's clock stands still until the test moves it: each second of the countdown is seen
  // however slowly the machine runs, and the retry comes when the clock says so.
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 1000)
  await page.goto('/')
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'rate_limited')
  await expect(page.locator('.vwh-countdown')).toHaveText('Trying again in 2 seconds.')
  await page.clock.runFor(1000)
  await expect(page.locator('.vwh-countdown')).toHaveText('Trying again in 1 second.')
  await page.clock.runFor(1000)
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'requires_input')
})

test('offline: shows it, and starts once the connection is back', async ({ page, context }) => {
  await stubSession(page, [{ status: 201, body: JSON.stringify(session()) }])
  await page.route(`${FLOW}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Flow</title>' }))
  await page.goto('/')
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'requires_input')
  await context.setOffline(true)
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'offline')
  await context.setOffline(false)
  await expect(page.locator('section.vwh-card')).toHaveAttribute('data-view', 'requires_input')
})

test('language switcher: right-to-left, kept in ?lang=, 320 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await stubSession(page, [{ status: 500, body: errorBody('api_error', 'Boom') }])
  await page.goto('/')
  await page.getByLabel('Language').selectOption('ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  expect(new URL(page.url()).searchParams.get('lang')).toBe('ar')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
})
