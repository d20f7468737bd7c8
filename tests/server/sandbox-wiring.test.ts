import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { startSandbox } from '../../src/sandbox'
import { createMemoryStore, createVerificationHandler } from '../../src/server'
import { toNodeListener } from '../../src/server/node'

let sandbox: Sandbox | undefined
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
  await sandbox?.close()
  sandbox = undefined
})

async function appServer() {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { server, appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('sandbox.handlerOptions()', () => {
  it('one call wires a backend: a FaceSign and a FaceVerify session pass and reach it as signed webhooks', async () => {
    sandbox = await startSandbox()
    const { server, appUrl } = await appServer()
    const handler = createVerificationHandler({
      ...sandbox.handlerOptions({ appUrl }),
      identify: () => ({ id: 'ann' }),
      store: createMemoryStore(),
    })
    closers.push(() => handler.close())
    server.on('request', toNodeListener(handler))
    const api = (path: string, init?: RequestInit) => fetch(`${appUrl}/api/verify${path}`, init)
    for (const provider of ['facesign', 'faceverify'] as const) {
      const created = await api('/sessions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ provider }),
      })
      expect(created.status).toBe(201)
      const session = await created.json()
      expect(new URL(session.url).host).toBe(sandbox.allowedHosts[0])
      const remote = sandbox.sessions().find((s) => s.url === session.url || s.uniqueIdentifier === session.sessionId)
      await sandbox.complete(remote?.id ?? '', 'pass')
      await sandbox.webhooksSettled()
      expect((await (await api(`/sessions/${session.sessionId}`)).json()).status).toBe('verified')
    }
    expect(sandbox.deliveries().every((d) => d.delivered)).toBe(true)
  })

  it('hands out the flow URL with the API URL, made-up sk_test_ keys, and the sandbox as the only allowed host', async () => {
    sandbox = await startSandbox()
    const options = sandbox.handlerOptions({ appUrl: 'http://localhost:3000' })
    expect(options.facesign).toMatchObject({ baseUrl: sandbox.facesignApiUrl, flowUrl: sandbox.facesignFlowUrl })
    expect(options.facesign.apiKey).toMatch(/^sk_test_/)
    expect(options.facesign.webhookSecret).toMatch(/^sk_test_/)
    expect(options.faceverify).toMatchObject({ baseUrl: sandbox.faceverifyApiUrl, allowedHosts: [`127.0.0.1:${sandbox.port}`] })
    expect(sandbox.allowedHosts).toEqual([`127.0.0.1:${sandbox.port}`])
  })

  it("adds the app's origin to a listed set of origins that may frame the flow page", async () => {
    sandbox = await startSandbox({ frameAncestors: ['http://localhost:4000'] })
    sandbox.handlerOptions({ appUrl: 'http://app.test:3000', returnUrl: 'http://app.test:3000/verify' })
    const flow = await fetch(`${sandbox.facesignFlowUrl}?client_secret=nothing`)
    expect(flow.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' http:\/\/localhost:4000 http:\/\/app\.test:3000/)
  })
})

describe('facesign.baseUrl without facesign.flowUrl', () => {
  it('is refused for a local (http) API, naming the missing option, instead of sending people to the real flow page', () => {
    expect(() =>
      createVerificationHandler({
        facesign: { apiKey: 'sk_test_x', baseUrl: 'http://127.0.0.1:4010/facesign/v1' },
        identify: () => null,
        store: createMemoryStore(),
      }),
    ).toThrow(/facesign\.flowUrl is not set/)
  })
})
