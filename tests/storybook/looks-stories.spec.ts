import { resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { computed, expectFillsViewport, expectNoHorizontalOverflow, expectWithinViewport, PRIMARY } from '../e2e/support/geometry'
import { type StaticServer, serveStatic } from './static-server'

const STATIC_DIR = resolve(import.meta.dirname, '../../storybook-static')

const test = base.extend<object, { storybook: StaticServer }>({
  storybook: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const server = await serveStatic(STATIC_DIR)
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
})

/** One story alone in Storybook's preview frame, as the stories spec opens it. */
async function openStory(page: Page, storybook: StaticServer, id: string): Promise<void> {
  await page.goto(`${storybook.url}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`)
  await expect(page.locator('button.vw-button, section.vwh-card').first()).toBeVisible({ timeout: 30_000 })
}

test.describe('Storybook: the widget as its stylesheet draws it', () => {
  test("Idle: the button has the theme's background and padding, light and dark", async ({ page, storybook }) => {
    await openStory(page, storybook, 'widget-verifybutton--idle')
    const style = ['background-color', 'padding-top', 'padding-inline-start', 'min-height']
    expect(await computed(page.locator('button.vw-button'), style)).toEqual({
      'background-color': PRIMARY.light,
      'padding-top': '10px',
      'padding-inline-start': '20px',
      'min-height': '44px',
    })
    await openStory(page, storybook, 'widget-verifybutton--dark')
    expect(await computed(page.locator('button.vw-button'), ['background-color'])).toEqual({ 'background-color': PRIMARY.dark })
  })

  test('Modal flow: within the viewport on desktop, a full-screen sheet at 390 px, the frame never scrolls inside', async ({
    page,
    storybook,
  }) => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport)
      await openStory(page, storybook, 'widget-verifybutton--modal-flow')
      const dialog = page.getByRole('dialog')
      await expect(dialog.locator('iframe')).toBeVisible({ timeout: 15_000 })
      if (viewport.width > 480) await expectWithinViewport(page, dialog, 'dialog')
      else await expectFillsViewport(page, dialog, 'dialog')
      await expectWithinViewport(page, dialog.locator('iframe'), 'flow iframe')
      const frame = page.frameLocator('dialog iframe')
      await expect(frame.locator('h1')).toBeVisible()
      const inner = await frame.locator('html').evaluate((root) => root.scrollHeight - root.clientHeight)
      expect(inner, 'the mock flow does not scroll inside the frame').toBeLessThanOrEqual(0)
    }
  })

  test('320 px: no story of the widget or the hosted page overflows sideways', async ({ page, storybook }) => {
    await page.setViewportSize({ width: 320, height: 640 })
    for (const id of ['widget-verifybutton--failed', 'widget-verifybutton--right-to-left', 'hosted-page--waiting-for-the-person']) {
      await openStory(page, storybook, id)
      await expectNoHorizontalOverflow(page, id)
    }
  })

  test('Right to left: the widget starts at the right edge', async ({ page, storybook }) => {
    await openStory(page, storybook, 'widget-verifybutton--right-to-left')
    await expect(page.locator('.vw-root')).toHaveAttribute('dir', 'rtl')
    const button = (await page.locator('button.vw-button').boundingBox())!
    const width = page.viewportSize()!.width
    expect(width - (button.x + button.width), 'nearer the right edge').toBeLessThan(button.x)
  })
})
