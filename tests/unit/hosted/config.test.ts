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
    })
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
