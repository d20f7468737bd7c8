import { expect, type Frame, type Locator, type Page } from '@playwright/test'

/** The widget's default primary colour (light, dark) as getComputedStyle reports it. */
export const PRIMARY = { light: 'rgb(36, 81, 214)', dark: 'rgb(143, 176, 255)' } as const

/** The box of an element, rounded to whole pixels (sub-pixel layout is not a failure). */
async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox()
  if (!b) throw new Error('the element is not rendered')
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) }
}

/** The element lies entirely inside the viewport. */
export async function expectWithinViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const b = await box(locator)
  const viewport = page.viewportSize()!
  expect(b.x, `${what}: left edge`).toBeGreaterThanOrEqual(0)
  expect(b.y, `${what}: top edge`).toBeGreaterThanOrEqual(0)
  expect(b.x + b.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width)
  expect(b.y + b.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height)
}

/** The element covers the whole viewport (a full-screen sheet). */
export async function expectFillsViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const viewport = page.viewportSize()!
  expect(await box(locator), what).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height })
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
export async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `${what}: page width ${scrollWidth} in a ${clientWidth} px viewport`).toBeLessThanOrEqual(clientWidth)
}

/** The sandbox flow page inside `iframe`, once its camera is on (the flow at its full height). */
export async function flowFrameOf(iframe: Locator): Promise<Frame> {
  const frame = await (await iframe.elementHandle())?.contentFrame()
  if (!frame) throw new Error('the flow iframe has no document')
  await frame.getByText('Camera is on').waitFor()
  return frame
}

/**
 * The frame is at least as large as the flow it shows: the flow's document does not scroll
 * inside it (the camera and the outcome buttons are all in sight).
 */
export async function expectFlowFits(iframe: Locator, what: string): Promise<void> {
  const frame = await flowFrameOf(iframe)
  const size = await frame.evaluate(() => {
    const root = document.documentElement
    return {
      scrollHeight: root.scrollHeight,
      clientHeight: root.clientHeight,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
    }
  })
  expect(size.scrollHeight, `${what}: flow height ${size.scrollHeight} in a ${size.clientHeight} px frame`).toBeLessThanOrEqual(
    size.clientHeight,
  )
  expect(size.scrollWidth, `${what}: flow width ${size.scrollWidth} in a ${size.clientWidth} px frame`).toBeLessThanOrEqual(
    size.clientWidth,
  )
}

/** Computed style properties of an element, by name. */
export function computed(locator: Locator, properties: readonly string[]): Promise<Record<string, string>> {
  return locator.evaluate(
    (el, names) => Object.fromEntries(names.map((name) => [name, getComputedStyle(el).getPropertyValue(name)])),
    properties as string[],
  )
}
