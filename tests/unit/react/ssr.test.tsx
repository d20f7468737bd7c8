// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { VerifyButton, VerifyProvider } from '../../../src/react'

describe('server rendering', () => {
  it('renders the button in Node without touching window', () => {
    expect(typeof window).toBe('undefined')
    const html = renderToString(
      <VerifyProvider endpoint="/api/verify" appearance={{ theme: 'dark' }}>
        <VerifyButton provider="facesign" />
      </VerifyProvider>,
    )
    expect(html).toContain('<button type="button" class="vw-button" aria-haspopup="dialog" aria-expanded="false" data-state="idle"')
    expect(html).toContain('Verify your identity')
    expect(html).toContain('data-theme="dark"')
    expect(html).not.toContain('style=')
  })
})
