import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { VerifyButton } from '../../../src/react'
import { fakeFetch } from '../support/backend'
import { renderWidget } from './render'

const MESSAGE = /verify-widget: styles missing\. Add import 'verify-widget\/styles\.css'/

/** Takes the stylesheet the unit setup loads out of the document until the test ends. */
function withoutStylesheet(): void {
  const sheet = document.head.querySelector('style[data-verify-widget="styles"]')
  if (!sheet) throw new Error('the unit setup loads the stylesheet')
  sheet.remove()
  onTestFinished(() => document.head.append(sheet))
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

// The order matters: the warning is given once per document.
describe('the development warning for a missing stylesheet', () => {
  it('stays quiet when the stylesheet is loaded', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderWidget(<VerifyButton provider="facesign" />, { fetch: fakeFetch({}).fetch })
    expect(screen.getByRole('button')).toBeInTheDocument()
    expect(warn).not.toHaveBeenCalled()
  })

  it('is not given in production builds', () => {
    withoutStylesheet()
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderWidget(<VerifyButton provider="facesign" />, { fetch: fakeFetch({}).fetch })
    expect(warn).not.toHaveBeenCalled()
  })

  it('names the import to add, once however many widgets the page has', () => {
    withoutStylesheet()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderWidget(
      <>
        <VerifyButton provider="facesign" />
        <VerifyButton provider="faceverify" mode="redirect" />
      </>,
      { fetch: fakeFetch({}).fetch },
    )
    expect(screen.getAllByRole('button')).toHaveLength(2)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toMatch(MESSAGE)
  })
})
