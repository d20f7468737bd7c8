import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test'
import { type StaticServer, serveStatic } from './static-server'

const STATIC_DIR = resolve(import.meta.dirname, '../../storybook-static')

interface IndexEntry {
  id: string
  type: string
  title: string
  name: string
  tags?: string[]
}

/** Rules about a whole page; a component story is a fragment that a page places inside its own landmarks. */
const PAGE_RULES = ['page-has-heading-one', 'landmark-one-main', 'region']

/** Every story of the built Storybook; a missing build fails loudly instead of running nothing. */
function readStories(): IndexEntry[] {
  const index = JSON.parse(readFileSync(resolve(STATIC_DIR, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }
  return Object.values(index.entries).filter((entry) => entry.type === 'story')
}

// One browser context per worker, so Storybook's bundles download and compile once; each story
// still gets its own page (and so its own sessionStorage).
const test = base.extend<{ page: Page }, { storybook: StaticServer; sharedContext: BrowserContext }>({
  storybook: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await serveStatic(STATIC_DIR)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  sharedContext: [
    async ({ browser }, use) => {
      const context = await browser.newContext()
      await use(context)
      await context.close()
    },
    { scope: 'worker' },
  ],
  page: async ({ sharedContext }, use) => {
    const page = await sharedContext.newPage()
    await use(page)
    await page.close()
  },
})

/** Records the preview's lifecycle events, which fire before a test could subscribe after load. */
function recordStoryEvents() {
  const events: { type: string; payload: unknown }[] = []
  Object.assign(window, { __storyEvents: events })
  let channel: { on(type: string, fn: (payload: unknown) => void): void } | undefined
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value
      for (const type of ['storyFinished', 'storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing']) {
        value.on(type, (payload: unknown) => events.push({ type, payload }))
      }
    },
  })
}

interface Violation {
  id: string
  nodes: { target: unknown[] }[]
}

/** What Storybook's own checks (the a11y addon's axe run) reported, in one readable line each. */
function describeReports(reporters: { type: string; result?: { violations?: Violation[] } }[] = []): string {
  return reporters
    .flatMap((r) => (r.result?.violations ?? []).map((v) => `${r.type} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`))
    .join('; ')
}

const stories = readStories()

test('the built Storybook has stories', () => {
  expect(stories.length).toBeGreaterThan(0)
})

for (const story of stories) {
  test(`${story.title} › ${story.name} renders, plays and passes axe`, async ({ page, storybook }) => {
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.addInitScript(recordStoryEvents)
    await page.goto(`${storybook.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`)

    const finished = await page.waitForFunction(
      () => {
        const events = (window as unknown as { __storyEvents?: { type: string; payload: unknown }[] }).__storyEvents ?? []
        return events.find((e) => e.type !== 'storyFinished') ?? events.find((e) => e.type === 'storyFinished')
      },
      undefined,
      { timeout: 60_000 },
    )
    const event = (await finished.jsonValue()) as { type: string; payload: { status?: string; reporters?: [] } }
    expect(event.type, `Storybook reported ${JSON.stringify(event.payload)}`).toBe('storyFinished')
    expect(event.payload.status, `a Storybook check failed: ${describeReports(event.payload.reporters)}`).toBe('success')
    await expect(page.locator('body')).not.toHaveClass(/sb-show-errordisplay/)
    expect(pageErrors).toEqual([])

    // The whole document, not just #storybook-root: dialogs render in a portal on <body>.
    const axe = new AxeBuilder({ page })
    const results = await (story.tags?.includes('page') ? axe : axe.disableRules(PAGE_RULES)).analyze()
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    expect(summary).toEqual([])
  })
}
