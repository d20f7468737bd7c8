import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { demoCard, dialogFlow, expectButtonState, verifyButton } from '../support/demo'
import { chooseInFrame, expectFlowReady, expectView, faceVerifyRoundTrip, flowFrame } from '../support/hosted'

/** Collects CSP violations from every frame of the page: the DOM event and the console's report. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeBinding('reportCspViolation', (source, text: string) => violations.push(`${source.frame.url()}: ${text}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation?: (t: string) => void }).reportCspViolation
      report?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text()))
      violations.push(`console: ${message.text()}`)
  })
  return violations
}

const directives = (header: string) =>
  Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  ) as Record<string, string[]>

test('the hosted page runs whole flows under its strict CSP with zero violations', async ({ page, app }) => {
  const violations = await watchCsp(page)
  const response = await page.goto('/')
  const header = response?.headers()['content-security-policy'] ?? ''
  const csp = directives(header)
  expect(csp['script-src']).toEqual(["'self'"])
  expect(csp['style-src']).toEqual(["'self'"])
  expect(csp['object-src']).toEqual(["'none'"])
  expect(csp['base-uri']).toEqual(["'none'"])
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['connect-src']).toEqual(["'self'"])
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.)/)

  await expectFlowReady(page)
  await chooseInFrame(flowFrame(page), 'Pass')
  await expectView(page, 'verified')

  await page.evaluate(() => sessionStorage.clear())
  await faceVerifyRoundTrip(page, app, 'Fail', '&lang=de')
  await expectView(page, 'failed')

  await page.goto('/?lang=ar')
  await expectFlowReady(page)
  await chooseInFrame(flowFrame(page), 'Cancel')
  await expectView(page, 'canceled')
  expect(violations).toEqual([])
})

test('the demo runs the modal flow under the same CSP with zero violations', async ({ page }) => {
  const violations = await watchCsp(page)
  const response = await page.goto('/demo/')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  const card = demoCard(page, 'facesign', 'modal')
  await verifyButton(card).click()
  await chooseInFrame(dialogFlow(page), 'Pass')
  await expectButtonState(card, 'verified')
  expect(violations).toEqual([])
  // The watch itself reports a violation when there is one: an inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.inlineRan = true'
    document.head.append(script)
  })
  await expect.poll(() => violations.some((v) => v.includes('script-src'))).toBe(true)
  expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false)
})
