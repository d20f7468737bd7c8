import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, expect, type Locator, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/lib/chromium'
import { findLeaks, recordTraffic } from './recorder'

/** Chromium as the suite runs it, minus the fake camera: a desktop with no video input at all. */
export function launchWithoutCamera(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS.filter((arg) => !arg.includes('fake')) })
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

/**
 * A context of its own (another browser, or a phone's viewport), recorded and scanned for secrets as the
 * suite's fixture records the test's own context; `close()` fails the test on a leak or an unread body.
 */
export async function recordedContext(browser: Browser, markers: readonly string[], options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options)
  const recorder = recordTraffic(context)
  recorder.watchFor(markers)
  return {
    context,
    page: () => context.newPage(),
    async close() {
      await recorder.settleReads()
      await Promise.all(context.pages().map((p) => p.close()))
      await recorder.finish()
      await context.close()
      expect(recorder.unread, 'responses the recorder could not read').toEqual([])
      expect(findLeaks(recorder.entries, recorder.markers), 'secrets the browser received or sent').toEqual([])
    },
  }
}

/** Denies (or grants) the camera to `origin` in one context, as a person's "Block" in the permission prompt does. */
export async function setCamera(browser: Browser, context: BrowserContext, origin: string, setting: 'denied' | 'granted') {
  const page = context.pages()[0] ?? (await context.newPage())
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo')
  await (await browser.newBrowserCDPSession()).send('Browser.setPermission', {
    permission: { name: 'camera' },
    setting,
    origin,
    browserContextId: targetInfo.browserContextId,
  })
}

/** Reads the QR code on screen the way a phone's camera does: rendered to pixels, then decoded. */
export async function decodeQr(svg: Locator): Promise<string | undefined> {
  const size = 400
  const data = await svg.evaluate(async (node, px) => {
    const image = new Image()
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(node))}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = px
    const g = canvas.getContext('2d')!
    g.drawImage(image, 0, 0, px, px)
    return Array.from(g.getImageData(0, 0, px, px).data)
  }, size)
  return jsQR(Uint8ClampedArray.from(data), size, size)?.data
}

/** The sandbox's FaceSign creates so far: a device that cannot finish the flow must not add one. */
export const providerCreates = (sandbox: { counts(): Record<string, number> }) => sandbox.counts()['POST /facesign/v1/sessions'] ?? 0

/** The widget's "continue on your phone" view (in the dialog or inline). */
export const deviceView = (scope: Page | Locator): Locator => scope.locator('.vw-device')
