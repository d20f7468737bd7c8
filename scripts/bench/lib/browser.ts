import { existsSync } from 'node:fs'
import { type Browser, chromium } from '@playwright/test'

const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

/** Debian's headless Chromium with a fake camera, the same flags the end-to-end suite uses. */
export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH.')
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  })
}
