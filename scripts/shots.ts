/**
 * `npm run shots`: screenshots of every widget and hosted-page state, light and dark, English and
 * Arabic, 1280, 390 and 320 px wide, in shots/ with an index.html contact sheet. For people to look
 * at, not compared in CI. `--no-build` reuses dist-hosted/; `--out <dir>` writes elsewhere;
 * `--only <text>` takes only the states whose name contains it.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from '@playwright/test'
import { freePort } from '../tests/e2e/support/ports'
import { CHROMIUM_ARGS, chromiumPath } from './lib/chromium'
import { runStartScript } from './lib/start-process'

const ROOT = resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const OUT = resolve(ROOT, option('--out') ?? 'shots')
/** `--only hosted` takes just the states whose name contains it. */
const ONLY = option('--only')

const LANGS = ['en', 'ar'] as const
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 320, height: 640 },
] as const
const THEMES = ['light', 'dark'] as const

type Lang = (typeof LANGS)[number]
interface Shot {
  state: string
  lang: Lang
  width: number
  theme: (typeof THEMES)[number]
  file: string
}

/** A state: gets the page there, and says what to capture (the viewport when no locator). */
interface Scenario {
  state: string
  /** `none`: the page runs in a Chromium with no video input at all (a desktop without a camera). */
  camera?: 'none'
  /** `phone()` opens a page in a phone's viewport, with the fake camera. */
  run(page: Page, base: string, lang: Lang, phone: () => Promise<Page>): Promise<Locator | 'page' | 'viewport'>
}

const FLOW_TIMEOUT = 15_000
const dialogFlow = (page: Page) => page.getByRole('dialog').frameLocator('iframe')
const hostedFlow = (page: Page) => page.frameLocator('.vwh-flow iframe')

async function flowReady(frame: ReturnType<typeof dialogFlow>): Promise<void> {
  await frame.getByRole('button', { name: 'Pass' }).waitFor({ timeout: FLOW_TIMEOUT })
  await frame.getByText('Camera is on').waitFor({ timeout: FLOW_TIMEOUT })
}

/** Not awaited: the click removes the flow's iframe (see tests/e2e/support/hosted.ts). */
function choose(frame: ReturnType<typeof dialogFlow>, outcome: 'Pass' | 'Fail' | 'Cancel'): void {
  void frame
    .getByRole('button', { name: outcome })
    .click()
    .catch(() => undefined)
}

const demoCard = (page: Page, mode: string) =>
  page
    .locator('section.demo-provider')
    .first()
    .locator('li.demo-card', { has: page.locator('h3', { hasText: `mode="${mode}"` }) })
const modalButton = (page: Page) => demoCard(page, 'modal').locator('button.vw-button')

async function demoResult(page: Page, base: string, lang: Lang, outcome: 'Pass' | 'Fail' | 'Cancel', state: string) {
  await page.goto(`${base}/demo/?lang=${lang}`)
  await modalButton(page).click()
  await flowReady(dialogFlow(page))
  choose(dialogFlow(page), outcome)
  await page.locator(`button.vw-button[data-state="${state}"]`).first().waitFor()
  return demoCard(page, 'modal')
}

const apiError = (status: number, type: string, message: string, headers: Record<string, string> = {}) => ({
  status,
  headers,
  contentType: 'application/json',
  body: JSON.stringify({ error: { type, code: type, message } }),
})

/** The widget's view of the device in the demo's dialog (docs/handoff.md), once it shows `view`. */
async function deviceView(page: Page, view: string): Promise<'viewport'> {
  await page.locator(`dialog .vw-device[data-view="${view}"] .vw-device-title`).waitFor({ timeout: FLOW_TIMEOUT })
  if (view === 'handoff') await page.locator('dialog .vw-qr svg').waitFor({ timeout: FLOW_TIMEOUT })
  return 'viewport'
}

/** Blocks the camera for the page's origin, as a person's "Block" in the permission prompt does. */
async function blockCamera(page: Page, origin: string): Promise<void> {
  const context = page.context()
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo')
  await (await context.browser()!.newBrowserCDPSession()).send('Browser.setPermission', {
    permission: { name: 'camera' },
    setting: 'denied',
    origin,
    browserContextId: targetInfo.browserContextId,
  })
}

const SCENARIOS: Scenario[] = [
  {
    state: 'widget-idle',
    run: async (page, base, lang) => {
      await page.goto(`${base}/demo/?lang=${lang}`)
      return 'page'
    },
  },
  {
    state: 'widget-dialog',
    run: async (page, base, lang) => {
      await page.goto(`${base}/demo/?lang=${lang}`)
      await modalButton(page).click()
      await flowReady(dialogFlow(page))
      return 'viewport'
    },
  },
  {
    state: 'widget-inline',
    run: async (page, base, lang) => {
      await page.goto(`${base}/demo/?lang=${lang}`)
      await demoCard(page, 'inline').locator('button.vw-button').click()
      await flowReady(demoCard(page, 'inline').frameLocator('iframe'))
      return demoCard(page, 'inline')
    },
  },
  { state: 'widget-verified', run: (page, base, lang) => demoResult(page, base, lang, 'Pass', 'verified') },
  { state: 'widget-failed', run: (page, base, lang) => demoResult(page, base, lang, 'Fail', 'failed') },
  { state: 'widget-canceled', run: (page, base, lang) => demoResult(page, base, lang, 'Cancel', 'canceled') },
  {
    state: 'widget-error',
    run: async (page, base, lang) => {
      await page.route('**/api/verify/sessions', (route) => route.fulfill(apiError(503, 'api_error', 'Unavailable')), { times: 1 })
      await page.goto(`${base}/demo/?lang=${lang}`)
      await modalButton(page).click()
      await demoCard(page, 'modal').locator('.vw-error').waitFor()
      return demoCard(page, 'modal')
    },
  },
  {
    state: 'widget-device-camera-blocked',
    run: async (page, base, lang) => {
      await page.goto(`${base}/demo/?lang=${lang}`)
      await blockCamera(page, base)
      await modalButton(page).click()
      return deviceView(page, 'camera_denied')
    },
  },
  {
    state: 'widget-device-phone-link',
    camera: 'none',
    run: async (page, base, lang) => {
      await page.goto(`${base}/demo/?lang=${lang}`)
      await modalButton(page).click()
      return deviceView(page, 'handoff')
    },
  },
  {
    state: 'widget-device-opened-on-phone',
    camera: 'none',
    run: async (page, base, lang, phone) => {
      await page.goto(`${base}/demo/?lang=${lang}`)
      await modalButton(page).click()
      await deviceView(page, 'handoff')
      const mobile = await phone()
      await mobile.goto((await page.locator('dialog .vw-link').textContent()) ?? '')
      await flowReady(hostedFlow(mobile))
      return deviceView(page, 'opened')
    },
  },
  {
    state: 'widget-device-flow-not-loaded',
    run: async (page, base, lang) => {
      // The flow's page is never answered (a proxy holding it); the page's clock jumps over the 20 s it is given.
      await page.clock.install()
      await page.route(/\/facesign\/flow\?/, () => undefined)
      await page.goto(`${base}/demo/?lang=${lang}`)
      await modalButton(page).click()
      await page.locator('dialog iframe').waitFor({ state: 'attached', timeout: FLOW_TIMEOUT })
      await page.clock.fastForward(21_000)
      return deviceView(page, 'flow_failed')
    },
  },
  {
    state: 'hosted-flow',
    run: async (page, base, lang) => {
      await page.goto(`${base}/?provider=facesign&lang=${lang}`)
      await flowReady(hostedFlow(page))
      return 'page'
    },
  },
  ...(['verified', 'failed', 'canceled'] as const).map(
    (view): Scenario => ({
      state: `hosted-${view}`,
      run: async (page, base, lang) => {
        await page.goto(`${base}/?provider=facesign&lang=${lang}`)
        await flowReady(hostedFlow(page))
        choose(hostedFlow(page), view === 'verified' ? 'Pass' : view === 'failed' ? 'Fail' : 'Cancel')
        await page.locator(`section.vwh-card[data-view="${view}"]`).waitFor()
        return 'page'
      },
    }),
  ),
  {
    state: 'hosted-starting',
    run: async (page, base, lang) => {
      // Never answered: the page stays in its starting state for the picture.
      await page.route('**/api/verify/sessions', () => undefined, { times: 1 })
      await page.goto(`${base}/?provider=facesign&lang=${lang}`)
      await page.locator('section.vwh-card[data-view="starting"]').waitFor()
      return 'page'
    },
  },
  {
    state: 'hosted-rate-limited',
    run: async (page, base, lang) => {
      const limited = apiError(429, 'rate_limit_error', 'Too many requests.', { 'Retry-After': '60' })
      await page.route('**/api/verify/sessions', (route) => route.fulfill(limited), { times: 1 })
      await page.goto(`${base}/?provider=facesign&lang=${lang}`)
      await page.locator('section.vwh-card[data-view="rate_limited"]').waitFor()
      return 'page'
    },
  },
  {
    state: 'hosted-error',
    run: async (page, base, lang) => {
      await page.route('**/api/verify/sessions', (route) => route.fulfill(apiError(503, 'api_error', 'Unavailable')), { times: 1 })
      await page.goto(`${base}/?provider=facesign&lang=${lang}`)
      await page.locator('section.vwh-card[data-view="error"]').waitFor()
      return 'page'
    },
  },
  {
    state: 'hosted-offline',
    run: async (page, base, lang) => {
      await page.goto(`${base}/?provider=facesign&lang=${lang}`)
      await flowReady(hostedFlow(page))
      await page.context().setOffline(true)
      await page.locator('section.vwh-card[data-view="offline"]').waitFor()
      return 'page'
    },
  },
]

/**
 * Every frame has painted since the last change: the flow's iframe is cross-origin (its own
 * renderer), and a picture taken before it paints shows an empty frame.
 */
async function settled(page: Page): Promise<void> {
  const twoFrames = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  await Promise.all(page.frames().map((frame) => frame.evaluate(twoFrames).catch(() => undefined)))
}

/**
 * The whole page, taken with a viewport as tall as the page rather than `fullPage` (which
 * stitches the picture while the flow's iframe is repainting and can leave it blank).
 */
async function wholePage(page: Page, viewport: { width: number; height: number }, path: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) })
  await settled(page)
  await page.screenshot({ path, animations: 'disabled' })
  await page.setViewportSize(viewport)
}

async function capture(browser: Browser, noCamera: Browser, base: string): Promise<Shot[]> {
  const shots: Shot[] = []
  for (const lang of LANGS)
    for (const viewport of WIDTHS)
      for (const scenario of SCENARIOS.filter((s) => !ONLY || s.state.includes(ONLY))) {
        // A fresh context per state: no session, cookie or offline flag carries over.
        const options = { viewport, colorScheme: 'light', reducedMotion: 'reduce' } as const
        const context = await (scenario.camera === 'none' ? noCamera : browser).newContext(options)
        const page = await context.newPage()
        const phones: BrowserContext[] = []
        const phone = async () => {
          const mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
          phones.push(mobile)
          return mobile.newPage()
        }
        try {
          const target = await scenario.run(page, base, lang, phone)
          for (const theme of THEMES) {
            await page.emulateMedia({ colorScheme: theme })
            const file = `${scenario.state}--${lang}--${viewport.width}--${theme}.png`
            const path = join(OUT, file)
            if (target === 'page') await wholePage(page, viewport, path)
            else {
              await settled(page)
              await (target === 'viewport' ? page : target).screenshot({ path, animations: 'disabled' })
            }
            shots.push({ state: scenario.state, lang, width: viewport.width, theme, file })
          }
          process.stdout.write('.')
        } catch (error) {
          // What the page showed instead, to see why (not on the contact sheet).
          const failed = `${scenario.state}--${lang}--${viewport.width}--failed.png`
          await page.screenshot({ path: join(OUT, failed) }).catch(() => undefined)
          console.error(`\n${scenario.state} ${lang} ${viewport.width}: ${(error as Error).message.split('\n')[0]} (${failed})`)
        } finally {
          await Promise.all([context, ...phones].map((c) => c.close()))
        }
      }
  return shots
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

function contactSheet(shots: Shot[]): string {
  const states = [...new Set(shots.map((s) => s.state))]
  const sections = states.map((state) => {
    const figures = shots
      .filter((s) => s.state === state)
      .map(
        (s) =>
          `<figure><a href="${s.file}"><img src="${s.file}" alt="${escapeHtml(`${state}, ${s.lang}, ${s.width} px, ${s.theme}`)}" loading="lazy"></a><figcaption>${s.lang} · ${s.width} px · ${s.theme}</figcaption></figure>`,
      )
      .join('\n')
    return `<section><h2 id="${state}">${state}</h2><div class="grid">${figures}</div></section>`
  })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>verify-widget screenshots</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; background: #f4f5f7; color: #1b1f24; }
nav a { margin-inline-end: 1rem; }
.grid { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
figure { margin: 0; background: #fff; border: 1px solid #c9ced6; border-radius: 6px; padding: 0.5rem; }
img { display: block; max-width: 240px; max-height: 360px; object-fit: contain; object-position: top; }
figcaption { font-size: 0.8rem; color: #4a5361; margin-top: 0.25rem; }
</style>
</head>
<body>
<h1>verify-widget screenshots</h1>
<p>${shots.length} pictures taken ${new Date().toISOString()}. Click one for full size.</p>
<nav>${states.map((s) => `<a href="#${s}">${s}</a>`).join('')}</nav>
${sections.join('\n')}
</body>
</html>
`
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('vite build failed')
  }
  mkdirSync(OUT, { recursive: true })
  // Only what an earlier run wrote: --out may name a folder that holds other files.
  for (const file of readdirSync(OUT)) if (file.endsWith('.png') || file === 'index.html') rmSync(join(OUT, file))
  const dataDir = mkdtempSync(join(tmpdir(), 'verify-shots-'))
  const [port, sandboxPort] = [await freePort(), await freePort()]
  // The embedded sandbox, whatever keys the environment holds: pictures never touch a real provider.
  const app = await runStartScript({
    // Every picture's user comes from loopback: the per-address limits would count the whole run as one client.
    env: {
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      VERIFY_DATA_DIR: dataDir,
      VERIFY_SANDBOX: '1',
      VERIFY_CREATE_LIMIT_PER_ADDRESS: '1000',
      VERIFY_CREATE_LIMIT_GLOBAL: '1000',
    },
  })
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] })
  // The same Chromium without the fake camera: a desktop with no video input.
  const noCamera = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS.filter((arg) => !arg.includes('fake')) })
  // Ctrl-C stops the app too (it runs in its own process group).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void Promise.allSettled([browser.close(), noCamera.close(), app.stop()]).then(() => process.exit(130))
    })
  try {
    const shots = await capture(browser, noCamera, app.url)
    writeFileSync(join(OUT, 'index.html'), contactSheet(shots))
    console.log(`\n${shots.length} screenshots: ${relative(process.cwd(), join(OUT, 'index.html'))}`)
  } finally {
    await Promise.all([browser.close(), noCamera.close()])
    await app.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
