import { expect, test } from '../fixtures'
import { demoCard, dialogFlow, verifyButton } from '../support/demo'
import {
  computed,
  expectFillsViewport,
  expectFlowFits,
  expectNoHorizontalOverflow,
  expectWithinViewport,
  flowFrameOf,
  PRIMARY,
} from '../support/geometry'
import { chooseInFrame, expectView, flowFrame } from '../support/hosted'

const DESKTOP = { width: 1280, height: 720 }
const PHONE = { width: 390, height: 844 }
const NARROW = { width: 320, height: 640 }

test.describe('demo: the widget is styled by its stylesheet', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the button has the theme's background and padding (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.goto('/demo/')
      const button = verifyButton(demoCard(page, 'facesign', 'modal'))
      const style = await computed(button, ['background-color', 'padding-top', 'padding-inline-start', 'min-height', 'border-radius'])
      expect(style).toEqual({
        'background-color': PRIMARY[scheme],
        'padding-top': '10px',
        'padding-inline-start': '20px',
        'min-height': '44px',
        'border-radius': '8px',
      })
    })
  }

  test('the badge and the status are laid out apart from the button, not run together', async ({ page }) => {
    await page.goto('/demo/')
    const card = demoCard(page, 'facesign', 'modal')
    await verifyButton(card).click()
    await chooseInFrame(dialogFlow(page), 'Pass')
    await expect(verifyButton(card)).toHaveAttribute('data-state', 'verified')
    const [button, badge] = [await verifyButton(card).boundingBox(), await card.locator('.vw-badge').boundingBox()]
    expect(badge!.x, 'the badge starts after the button and the gap').toBeGreaterThanOrEqual(button!.x + button!.width + 4)
    expect(await computed(card.locator('.vw-badge'), ['border-top-left-radius', 'font-size'])).toEqual({
      'border-top-left-radius': '999px',
      'font-size': '12px',
    })
  })
})

test.describe('demo: the dialog fits the flow', () => {
  test('desktop: the dialog is within the viewport and the flow shows without scrolling inside it', async ({ page }) => {
    await page.setViewportSize(DESKTOP)
    await page.goto('/demo/')
    await verifyButton(demoCard(page, 'facesign', 'modal')).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await expectFlowFits(dialog.locator('iframe'), 'desktop dialog')
    await expectWithinViewport(page, dialog, 'dialog')
    await expectWithinViewport(page, dialog.locator('iframe'), 'flow iframe')
    // The flow's Pass button is in sight without scrolling the frame.
    const pass = (await flowFrameOf(dialog.locator('iframe'))).getByRole('button', { name: 'Pass' })
    await expect(pass).toBeInViewport()
  })

  for (const viewport of [PHONE, NARROW]) {
    test(`${viewport.width} px: the dialog is a full-screen sheet and nothing overflows sideways`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto('/demo/')
      await expectNoHorizontalOverflow(page, 'demo page')
      await verifyButton(demoCard(page, 'facesign', 'modal')).click()
      const dialog = page.getByRole('dialog')
      await flowFrameOf(dialog.locator('iframe'))
      await expectFillsViewport(page, dialog, 'dialog')
      await expectWithinViewport(page, dialog.locator('iframe'), 'flow iframe')
      await expectNoHorizontalOverflow(page, 'demo page with the dialog')
      if (viewport === PHONE) await expectFlowFits(dialog.locator('iframe'), 'phone sheet')
    })
  }

  test('inline: the frame is as large as the flow, on desktop and on a phone', async ({ page }) => {
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport)
      await page.goto('/demo/')
      const card = demoCard(page, 'facesign', 'inline')
      await verifyButton(card).click()
      await expectFlowFits(card.locator('iframe'), `inline at ${viewport.width} px`)
      await expectNoHorizontalOverflow(page, `inline at ${viewport.width} px`)
    }
  })
})

test.describe('demo: right to left', () => {
  test('Arabic mirrors the widget: button and badge start at the right, the close button left of the title', async ({ page }) => {
    await page.setViewportSize(DESKTOP)
    await page.goto('/demo/?lang=ar')
    const card = demoCard(page, 'facesign', 'modal')
    await expect(card.locator('.vw-root')).toHaveAttribute('dir', 'rtl')
    await verifyButton(card).click()
    const dialog = page.getByRole('dialog')
    await flowFrameOf(dialog.locator('iframe'))
    const [title, close] = [await dialog.locator('.vw-dialog-title').boundingBox(), await dialog.locator('.vw-close').boundingBox()]
    expect(close!.x + close!.width, 'close button left of the title').toBeLessThanOrEqual(title!.x)
    await page.keyboard.press('Escape')
    await expect(verifyButton(card)).toHaveAttribute('data-state', 'canceled')
    // The button starts from the right edge of the card; the badge follows it leftwards on the same
    // line, or starts from the right edge on a line of its own when the label is long.
    const cardBox = (await card.boundingBox())!
    const button = (await verifyButton(card).boundingBox())!
    const badge = (await card.locator('.vw-badge').boundingBox())!
    expect(cardBox.x + cardBox.width - (button.x + button.width), 'button nearer the right edge').toBeLessThan(button.x - cardBox.x)
    if (badge.y < button.y + button.height) expect(badge.x + badge.width, 'badge left of the button').toBeLessThanOrEqual(button.x)
    else expect(cardBox.x + cardBox.width - (badge.x + badge.width), 'badge nearer the right edge').toBeLessThan(badge.x - cardBox.x)
  })

  test('Arabic at 320 px: nothing overflows sideways', async ({ page }) => {
    await page.setViewportSize(NARROW)
    await page.goto('/demo/?lang=ar')
    await expect(page.locator('.vw-root').first()).toHaveAttribute('dir', 'rtl')
    await expectNoHorizontalOverflow(page, 'Arabic demo')
  })
})

test.describe('demo: the button after a result', () => {
  test('verified is a confirmed state in the success colour; failed offers to try again', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/demo/')
    const card = demoCard(page, 'facesign', 'modal')
    await verifyButton(card).click()
    await chooseInFrame(dialogFlow(page), 'Fail')
    await expect(verifyButton(card)).toHaveText('Try verification again')
    expect(await computed(verifyButton(card), ['background-color', 'color'])).toEqual({
      'background-color': 'rgba(0, 0, 0, 0)',
      color: PRIMARY.light,
    })
    await verifyButton(card).click()
    await chooseInFrame(dialogFlow(page), 'Pass')
    await expect(verifyButton(card)).toHaveText('Identity verified')
    await expect(verifyButton(card)).toHaveAttribute('aria-disabled', 'true')
    expect(await computed(verifyButton(card), ['background-color', 'color'])).toEqual({
      'background-color': 'rgb(30, 122, 60)',
      color: 'rgb(255, 255, 255)',
    })
  })
})

test.describe('hosted page: layout', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    test(`${viewport.width} px: the flow shows without scrolling inside its frame`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto('/?provider=facesign')
      await expectFlowFits(page.locator('.vwh-flow iframe'), `hosted page at ${viewport.width} px`)
      await expectNoHorizontalOverflow(page, 'hosted page')
    })
  }

  test('320 px, English and Arabic: nothing overflows sideways, Arabic mirrors the header', async ({ page }) => {
    await page.setViewportSize(NARROW)
    for (const lang of ['en', 'ar']) {
      await page.goto(`/?provider=facesign&lang=${lang}`)
      await expect(flowFrame(page).getByRole('button', { name: 'Pass' })).toBeEnabled()
      await expectNoHorizontalOverflow(page, `hosted page (${lang})`)
    }
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    const select = await page.getByRole('combobox').boundingBox()
    expect(select!.x + select!.width / 2, 'language picker on the left').toBeLessThan(NARROW.width / 2)
    await chooseInFrame(flowFrame(page), 'Pass')
    await expectView(page, 'verified')
    await expectNoHorizontalOverflow(page, 'hosted page verified (ar)')
  })
})

test.describe('hosted page: static files', () => {
  test('robots.txt keeps the page out of search indexes; the icon is served; the page says noindex', async ({ page, request }) => {
    const robots = await request.get('/robots.txt')
    expect(robots.status()).toBe(200)
    expect(robots.headers()['content-type']).toContain('text/plain')
    expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/)
    const icon = await request.get('/favicon.svg')
    expect(icon.status()).toBe(200)
    expect(icon.headers()['content-type']).toBe('image/svg+xml')
    await page.goto('/')
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    const href = await page.locator('link[rel="icon"]').getAttribute('href')
    expect((await request.get(new URL(href!, page.url()).href)).status()).toBe(200)
  })
})
