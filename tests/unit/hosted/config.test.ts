import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_ALLOWED_HOSTS } from '../../../src/core'
import { readHostedConfig } from '../../../src/hosted/config'

function meta(name: string, content: string) {
  const el = document.createElement('meta')
  el.name = `verify-widget:${name}`
  el.content = content
  document.head.append(el)
}

afterEach(() => {
  for (const el of document.head.querySelectorAll('meta')) el.remove()
  window.history.replaceState(null, '', '/')
})

describe('readHostedConfig', () => {
  it('falls back to the default endpoint, the providers own hosts and FaceSign', () => {
    expect(readHostedConfig()).toEqual({
      endpoint: '/api/verify',
      allowedHosts: DEFAULT_ALLOWED_HOSTS,
      provider: 'facesign',
      providerFromUrl: false,
      sessionId: undefined,
      lang: undefined,
      device: false,
      cameraCheck: true,
    })
  })

  it('takes a handoff token out of the address bar at once, and turns the camera check off by meta tag', () => {
    const token = 'A1b2'.repeat(10).slice(0, 43)
    window.history.replaceState(null, '', `/?lang=fr#handoff=${token}`)
    meta('camera-check', 'false')
    const config = readHostedConfig()
    expect(config).toMatchObject({ handoffToken: token, device: true, cameraCheck: false, sessionId: undefined, lang: 'fr' })
    expect(window.location.hash).toBe('')
    expect(window.location.search).toBe('?lang=fr')
    window.history.replaceState(null, '', '/')
  })

  it('reads the endpoint and allowed hosts the server injected as meta tags', () => {
    meta('endpoint', '/verify-api')
    meta('allowed-hosts', '127.0.0.1:4010, verify.example.com ,')
    const config = readHostedConfig()
    expect(config.endpoint).toBe('/verify-api')
    expect(config.allowedHosts).toEqual(['127.0.0.1:4010', 'verify.example.com'])
  })

  it('takes provider, language and session from the URL, ignoring an unknown provider', () => {
    window.history.replaceState(null, '', '/?provider=faceverify&lang=ar&session=ses_1')
    expect(readHostedConfig()).toMatchObject({ provider: 'faceverify', providerFromUrl: true, lang: 'ar', sessionId: 'ses_1' })
    window.history.replaceState(null, '', '/?provider=onfido')
    expect(readHostedConfig()).toMatchObject({ provider: 'facesign', providerFromUrl: false })
  })

  it('resumes the session id this tab kept before a redirect', () => {
    sessionStorage.setItem('verify-widget:session', 'ses_kept')
    expect(readHostedConfig().sessionId).toBe('ses_kept')
  })
})
