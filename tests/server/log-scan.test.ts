import { describe, expect, it } from 'vitest'
import { maskSecrets } from '../../src/server'
import { describeForScan, holdsSecret } from '../support/log-scan'

// The scan every server test file runs (tests/support/log-scan.ts) must see a secret when there is one.
describe('the log scan', () => {
  it.each([
    'refused key sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    'Bearer sk_test_harness_facesign_key',
    'webhook secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    'flow at http://127.0.0.1:4010/facesign/flow?client_secret=vs_abc123_secret_def456',
    'secret vs_abc123_secret_def456 in a message',
    'url https://verify.facesign.ai/#client_secret=opaque',
  ])('finds %s', (text) => {
    expect(holdsSecret(text)).toBe(true)
    // …and the console report's masking takes it out.
    expect(holdsSecret(maskSecrets(text))).toBe(false)
  })

  it('lets masked and harmless text through, and reads an error’s cause', () => {
    for (const text of ['sk_test_… was refused', 'client_secret=… refused', 'session vws_1a2b', 'flow http://127.0.0.1/facesign/flow']) {
      expect(holdsSecret(text)).toBe(false)
    }
    const nested = new Error('outer', { cause: new Error('inner sk_live_abcdef123') })
    expect(holdsSecret(describeForScan(nested))).toBe(true)
  })
})
