// @vitest-environment node
import { describe, expect, it } from 'vitest'

describe('verify-widget/element on a server', () => {
  it('imports in Node without touching window and defines nothing', async () => {
    expect(typeof window).toBe('undefined')
    const element = await import('../../../src/element')
    expect(typeof element.VerifyButtonElement).toBe('function')
    expect(() => element.defineVerifyButton()).not.toThrow()
    expect(typeof element.createVerification).toBe('function')
    // Making a verification touches nothing of the page either (a server-rendered app makes one while rendering).
    expect(() => element.createVerification({ provider: 'facesign' }, { skin: true })).not.toThrow()
  })
})
