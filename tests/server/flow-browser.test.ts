import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium'
import { type Stack, startStack } from './harness'

// Generous: a loaded machine may take a while to start the camera or deliver a webhook.
const POLL = { timeout: 15_000 }

let stack: Stack
let browser: Browser
let parent: Server
let parentUrl: string

beforeAll(async () => {
  stack = await startStack()
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] })
  // A page on another origin (localhost vs the sandbox's 127.0.0.1) that frames the flow.
  parent = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/frame') {
      const src = url.searchParams.get('src') ?? ''
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(`<!doctype html><html lang="en"><title>app</title><main><h1>App</h1>
        <iframe title="Verification" allow="camera; microphone" src="${src.replace(/"/g, '&quot;')}" width="600" height="600"></iframe></main>
        <script>window.messages = []; addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }))</script></html>`)
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end('<!doctype html><html lang="en"><title>back</title><main><h1>Back in the app</h1></main></html>')
  })
  await new Promise<void>((resolve) => parent.listen(0, '127.0.0.1', resolve))
  parentUrl = `http://localhost:${(parent.address() as AddressInfo).port}`
}, 30_000)

afterAll(async () => {
  await browser?.close()
  parent?.closeAllConnections()
  await new Promise<void>((resolve) => parent?.close(() => resolve()))
  await stack?.close()
})

const statusOf = async (sessionId: string, user: string) => (await (await stack.api(`/sessions/${sessionId}`, { user })).json()).status

describe('hosted flow pages in Chromium', () => {
  it('FaceSign in a cross-origin iframe: camera preview, keyboard Pass, FlowMessages to the parent, webhook to the backend', async () => {
    const session = await (await stack.create('b1')).json()
    const page = await (await browser.newContext()).newPage()
    try {
      await page.goto(`${parentUrl}/frame?src=${encodeURIComponent(session.url)}`)
      const frame = page.frameLocator('iframe')
      await expect.poll(() => frame.locator('#camera-message').textContent(), POLL).toContain('Camera is on')
      await frame.getByRole('button', { name: 'Pass' }).focus()
      await page.keyboard.press('Enter')
      await expect
        .poll(
          () => page.evaluate(() => (window as unknown as { messages: { data: { type: string } }[] }).messages.map((m) => m.data.type)),
          POLL,
        )
        .toEqual(['ready', 'started', 'completed'])
      const messages = await page.evaluate(() => (window as unknown as { messages: { origin: string; data: unknown }[] }).messages)
      expect(messages.every((m) => m.origin === stack.sandbox.url)).toBe(true)
      expect(messages.at(-1)?.data).toEqual({ source: 'facesign-flow', type: 'completed', status: 'verified' })
      await expect.poll(() => statusOf(session.sessionId, 'b1'), POLL).toBe('verified')
    } finally {
      await page.context().close()
    }
  })

  it('has no axe violations and every button is reachable by Tab', async () => {
    const session = await (await stack.create('b2')).json()
    const page = await (await browser.newContext()).newPage()
    try {
      await page.goto(session.url)
      await expect.poll(() => page.locator('#camera-message').textContent(), POLL).not.toContain('Starting')
      const results = await new AxeBuilder({ page }).analyze()
      expect(results.violations.map((v) => v.id)).toEqual([])
      const focused: string[] = []
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab')
        focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ''))
      }
      expect(focused).toEqual(['Pass', 'Fail', 'Cancel'])
    } finally {
      await page.context().close()
    }
  })

  it('still works without a camera, and says so', async () => {
    const session = await (await stack.create('b3')).json()
    const page = await (await browser.newContext()).newPage()
    try {
      await page.addInitScript(() => Object.defineProperty(navigator, 'mediaDevices', { value: undefined }))
      await page.goto(session.url)
      await expect.poll(() => page.locator('#camera-message').textContent(), POLL).toContain('No camera is available')
      await page.getByRole('button', { name: 'Cancel' }).click()
      await expect.poll(() => statusOf(session.sessionId, 'b3'), POLL).toBe('canceled')
    } finally {
      await page.context().close()
    }
  })

  it('redirect mode: returns to return_url after the outcome, and ignores a non-http one', async () => {
    const session = await (await stack.create('b4')).json()
    const page = await (await browser.newContext()).newPage()
    try {
      await page.goto(`${session.url}&return_url=${encodeURIComponent(`${parentUrl}/back`)}`)
      await page.getByRole('button', { name: 'Fail' }).click()
      await page.waitForURL(`${parentUrl}/back`)
      await expect.poll(() => statusOf(session.sessionId, 'b4'), POLL).toBe('failed')

      const other = await (await stack.create('b5')).json()
      await page.goto(`${other.url}&return_url=${encodeURIComponent('javascript:alert(1)')}`)
      await page.getByRole('button', { name: 'Pass' }).click()
      await expect.poll(() => page.locator('#status').textContent(), POLL).toContain('Verified')
      expect(page.url()).toBe(`${other.url}&return_url=${encodeURIComponent('javascript:alert(1)')}`)
    } finally {
      await page.context().close()
    }
  })

  it('FaceVerify link: outcome then redirect to the return URL with the session id', async () => {
    const session = await (await stack.create('b6', { provider: 'faceverify' })).json()
    const page = await (await browser.newContext()).newPage()
    try {
      await page.goto(session.url)
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([])
      await page.getByRole('button', { name: 'Pass' }).click()
      await page.waitForURL(`${stack.appUrl}/?session=${session.sessionId}`)
      await expect.poll(() => statusOf(session.sessionId, 'b6'), POLL).toBe('verified')
    } finally {
      await page.context().close()
    }
  })
})
