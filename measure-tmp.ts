import { chromium } from '@playwright/test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from './scripts/lib/chromium'
import { runStartScript } from './scripts/lib/start-process'
const app = await runStartScript({ env: { PORT: '4731', SANDBOX_PORT: '4741', VERIFY_DIST_DIR: '/tmp/looks-hosted', VERIFY_DATA_DIR: mkdtempSync(join(tmpdir(), 'lk-')) } })
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${app.url}/demo/`)
  await page.locator('button.vw-button').first().click()
  const fl = page.getByRole('dialog').frameLocator('iframe')
  await fl.getByRole('button', { name: 'Pass' }).waitFor()
  await fl.getByText('Camera is on').waitFor()
  const frame = page.frames().find((f) => f !== page.mainFrame())!
  for (const w of [288, 320, 358, 390, 480, 544, 576, 640]) {
    await page.evaluate((w) => { const i = document.querySelector('dialog iframe') as HTMLIFrameElement; i.style.width = w + 'px'; i.style.height = '300px' }, w)
    await page.waitForTimeout(200)
    console.log(w, await frame.evaluate(() => document.documentElement.scrollHeight))
  }
} finally { await browser.close(); await app.stop() }
