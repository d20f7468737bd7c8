import { expect, type FrameLocator, type Locator, type Page, type Route } from '@playwright/test'

/** The hosted page's state card: `data-view` names the state (verified, failed, offline, …). */
export const stateCard = (page: Page): Locator => page.locator('section.vwh-card')

export const flowFrame = (page: Page): FrameLocator => page.frameLocator('.vwh-flow iframe')

export async function expectView(page: Page, view: string, timeout?: number): Promise<void> {
  await expect(stateCard(page)).toHaveAttribute('data-view', view, timeout ? { timeout } : undefined)
}

/** The FaceSign flow is on screen and ready for an outcome. */
export async function expectFlowReady(page: Page): Promise<void> {
  await expect(flowFrame(page).getByRole('button', { name: 'Pass' })).toBeEnabled()
}

/** The session id the page is tracking (kept in sessionStorage: the id only, never a secret). */
export const trackedSessionId = (page: Page): Promise<string | null> => page.evaluate(() => sessionStorage.getItem('verify-widget:session'))

/** The sandbox's FaceSign session id behind the flow iframe (`vs_…` before `_secret_`). */
export async function flowSessionId(page: Page): Promise<string> {
  const src = await page.locator('.vwh-flow iframe').getAttribute('src')
  const secret = new URL(src ?? '').searchParams.get('client_secret') ?? ''
  return secret.split('_secret_')[0] ?? ''
}

/**
 * Clicks an outcome button inside an embedded flow. The click makes the widget remove the flow's
 * iframe; when that happens before Chromium acknowledges the mouse input, Playwright's click never
 * returns. So the click is not awaited: the test waits for the outcome the click must cause.
 */
export async function chooseInFrame(frame: FrameLocator, outcome: 'Pass' | 'Fail' | 'Cancel'): Promise<void> {
  const button = frame.getByRole('button', { name: outcome })
  await expect(button).toBeEnabled()
  void button.click().catch(() => undefined)
}

/** The backend's create route, as page.route matches it. */
export const CREATE = '**/api/verify/sessions'

/** The next create gets `answer` instead of the backend's. */
export async function answerNextCreate(page: Page, answer: Parameters<Route['fulfill']>[0]): Promise<void> {
  await page.route(CREATE, (route) => route.fulfill(answer), { times: 1 })
}

/** Holds the next create until the returned release is called, then answers it with `then`. */
export async function holdNextCreate(page: Page, then: (route: Route) => Promise<void>): Promise<() => void> {
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(
    CREATE,
    async (route) => {
      await released
      await then(route)
    },
    { times: 1 },
  )
  return release
}

/** The backend's refresh route (a new client secret), as page.route matches it. */
export const REFRESH = '**/api/verify/sessions/*/refresh'

/** A create answer whose client secret the sandbox no longer accepts (as if it had expired). */
function staleSecret(json: Record<string, unknown>): Record<string, unknown> {
  const url = new URL(String(json.url))
  const secret = `${String(json.clientSecret).split('_secret_')[0]}_secret_stale`
  url.searchParams.set('client_secret', secret)
  return { ...json, clientSecret: secret, url: url.href }
}

/** The real answers of `route` (`times`: the next ones only), with their client secret gone stale. */
export async function serveStaleSecret(page: Page, route: string, times?: number): Promise<void> {
  await page.route(
    route,
    async (r) => {
      const response = await r.fetch()
      await r.fulfill({ response, json: staleSecret(await response.json()) })
    },
    { times },
  )
}

/**
 * From the hosted page (`/?provider=faceverify` plus `query`) out to the sandbox's FaceVerify page,
 * an outcome there, and the redirect back to the app.
 */
export async function faceVerifyRoundTrip(
  page: Page,
  app: { url: string; sandbox: { url: string } },
  outcome: 'Pass' | 'Fail',
  query = '',
): Promise<void> {
  await page.goto(`/?provider=faceverify${query}`)
  await page.waitForURL(new RegExp(`^${app.sandbox.url}/faceverify/s/`))
  await page.getByRole('button', { name: outcome }).click()
  await page.waitForURL(new RegExp(`^${app.url}/`))
}
