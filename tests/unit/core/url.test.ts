import { describe, expect, it } from 'vitest'
import { isAllowedFlowUrl } from '../../../src/core'

describe('isAllowedFlowUrl', () => {
  it('accepts https links on the default provider domains', () => {
    expect(isAllowedFlowUrl('https://start.faceverify.ai/s/abc')).toBe(true)
    expect(isAllowedFlowUrl('https://verify.facesign.ai/?client_secret=x')).toBe(true)
  })

  it.each([
    'http://start.faceverify.ai/s/abc',
    'https://faceverify.ai.evil.com/s',
    'https://evilfaceverify.ai/s',
    'https://user:pass@start.faceverify.ai/s',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedFlowUrl(url)).toBe(false)
  })

  it('accepts http on loopback only when that host is allowed explicitly', () => {
    expect(isAllowedFlowUrl('http://127.0.0.1:4010/flow')).toBe(false)
    expect(isAllowedFlowUrl('http://127.0.0.1:4010/flow', ['127.0.0.1:4010'])).toBe(true)
    expect(isAllowedFlowUrl('http://127.0.0.1:4011/flow', ['127.0.0.1:4010'])).toBe(false)
    expect(isAllowedFlowUrl('http://localhost:9/flow', ['localhost'])).toBe(true)
    expect(isAllowedFlowUrl('http://10.0.0.1:4010/flow', ['10.0.0.1:4010'])).toBe(false)
    expect(isAllowedFlowUrl('http://[::1]:4010/flow', ['[::1]:4010'])).toBe(true)
    expect(isAllowedFlowUrl('http://[::1]:4011/flow', ['[::1]:4010'])).toBe(false)
    expect(isAllowedFlowUrl('http://localhost:4010/flow', ['*.localhost', '*.facesign.ai'])).toBe(false)
  })

  it('matches a wildcard on subdomains only, a bare host on any port, a host:port on that port', () => {
    expect(isAllowedFlowUrl('https://facesign.ai/flow')).toBe(false)
    expect(isAllowedFlowUrl('https://a.b.facesign.ai/flow')).toBe(true)
    expect(isAllowedFlowUrl('https://flows.example.com:8443/x', ['flows.example.com'])).toBe(true)
    expect(isAllowedFlowUrl('https://flows.example.com:8443/x', ['flows.example.com:443'])).toBe(false)
    expect(isAllowedFlowUrl('https://FLOWS.example.com/x', ['Flows.Example.com'])).toBe(true)
  })
})
