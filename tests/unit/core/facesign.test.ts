import { afterEach, describe, expect, it, vi } from 'vitest'
import { FaceSignClient, type FlowMessage } from '../../../src/core'

const URL_OK = 'https://verify.facesign.ai/?client_secret=vs_1_secret_x'

function post(data: unknown, origin: string, source: MessageEventSource | null) {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }))
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('FaceSignClient', () => {
  it('mounts the flow in an iframe allowed to use camera and microphone', () => {
    const host = document.body.appendChild(document.createElement('div'))
    const flow = FaceSignClient({ clientSecret: 'vs_1_secret_x', url: 'https://verify.facesign.ai/start', title: 'Verify' })
    flow.mount(host)
    const iframe = host.querySelector('iframe')!
    expect(iframe.getAttribute('allow')).toBe('camera; microphone')
    expect(iframe.title).toBe('Verify')
    expect(new URL(iframe.src).searchParams.get('client_secret')).toBe('vs_1_secret_x')
    flow.destroy()
  })

  it('refuses a flow URL on a host that is not allowed, creating nothing', () => {
    expect(() => FaceSignClient({ clientSecret: 's', url: 'https://evil.example/flow' })).toThrowError(
      expect.objectContaining({ code: 'untrusted_url' }),
    )
    expect(() => FaceSignClient({ clientSecret: 's', url: 'http://127.0.0.1:4010/flow' })).toThrowError(/allowedHosts/)
    expect(FaceSignClient({ clientSecret: 's', url: 'http://127.0.0.1:4010/flow', allowedHosts: ['127.0.0.1:4010'] })).toBeTruthy()
  })

  it('accepts messages only from the flow origin and its own iframe window', () => {
    const host = document.body.appendChild(document.createElement('div'))
    const flow = FaceSignClient({ clientSecret: 's', url: URL_OK })
    const seen: FlowMessage[] = []
    flow.on('completed', (m) => seen.push(m))
    flow.on('error', (m) => seen.push(m))
    flow.mount(host)
    const frameWindow = host.querySelector('iframe')!.contentWindow
    const other = document.body.appendChild(document.createElement('iframe')).contentWindow
    const message = { source: 'facesign-flow', type: 'completed', status: 'verified' }

    post(message, 'https://evil.example', frameWindow)
    post(message, 'https://verify.facesign.ai', other)
    post(message, 'https://verify.facesign.ai', window)
    post({ source: 'other', type: 'completed', status: 'verified' }, 'https://verify.facesign.ai', frameWindow)
    expect(seen).toEqual([])

    post(message, 'https://verify.facesign.ai', frameWindow)
    post({ source: 'facesign-flow', type: 'error', message: 'camera denied' }, 'https://verify.facesign.ai', frameWindow)
    expect(seen).toEqual([
      { source: 'facesign-flow', type: 'completed' },
      { source: 'facesign-flow', type: 'error', message: 'camera denied' },
    ])
    flow.destroy()
  })

  it('points the iframe at a refreshed secret', () => {
    const host = document.body.appendChild(document.createElement('div'))
    const flow = FaceSignClient({ clientSecret: 's', url: URL_OK })
    flow.mount(host)
    flow.update({ clientSecret: 'fresh', url: 'https://verify.facesign.ai/?client_secret=fresh' })
    expect(new URL(host.querySelector('iframe')!.src).searchParams.get('client_secret')).toBe('fresh')
    expect(() => flow.update({ clientSecret: 'x', url: 'https://evil.example/' })).toThrowError(/allowedHosts/)
    flow.destroy()
  })

  it('destroy() removes the iframe and the listener, and is safe twice', () => {
    const host = document.body.appendChild(document.createElement('div'))
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const flow = FaceSignClient({ clientSecret: 's', url: URL_OK })
    const fn = vi.fn()
    flow.on('ready', fn)
    flow.mount(host)
    const frameWindow = host.querySelector('iframe')!.contentWindow
    flow.destroy()
    flow.destroy()
    expect(host.querySelector('iframe')).toBeNull()
    const listener = add.mock.calls.find((c) => c[0] === 'message')![1]
    expect(remove.mock.calls.some((c) => c[0] === 'message' && c[1] === listener)).toBe(true)
    post({ source: 'facesign-flow', type: 'ready' }, 'https://verify.facesign.ai', frameWindow)
    expect(fn).not.toHaveBeenCalled()
    add.mockRestore()
    remove.mockRestore()
  })
})
