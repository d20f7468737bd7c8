import { act, fireEvent, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VerificationDialog } from '../../../src/react'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const flush = () => act(() => vi.advanceTimersByTimeAsync(0))

describe('VerificationDialog', () => {
  it('opens modally with a labelled title, a close button and a live status', () => {
    render(
      <VerificationDialog open title="Identity verification" closeLabel="Close" onClose={() => {}} status="Verification in progress">
        <p>flow</p>
      </VerificationDialog>,
    )
    const dialog = screen.getByRole('dialog', { name: 'Identity verification' })
    expect(dialog).toHaveAttribute('open')
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Verification in progress')
    expect(screen.getByText('flow')).toBeInTheDocument()
  })

  it('routes Escape and the close button to onClose and stays open until the owner closes it', () => {
    const onClose = vi.fn()
    render(<VerificationDialog open title="T" closeLabel="Close" onClose={onClose} />)
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalledTimes(2)
    expect(screen.getByRole('dialog')).toHaveAttribute('open')
  })

  it('does not report a close when StrictMode re-runs its effects on mount', async () => {
    const onClose = vi.fn()
    render(
      <StrictMode>
        <VerificationDialog open title="T" closeLabel="Close" onClose={onClose} />
      </StrictMode>,
    )
    await flush()
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog')).toHaveAttribute('open')
  })

  it('returns focus to the given element when it closes', async () => {
    const target = document.body.appendChild(document.createElement('button'))
    const ref = { current: target }
    const { rerender } = render(<VerificationDialog open title="T" closeLabel="Close" onClose={() => {}} returnFocusRef={ref} />)
    screen.getByRole('button', { name: 'Close' }).focus()
    rerender(<VerificationDialog open={false} title="T" closeLabel="Close" onClose={() => {}} returnFocusRef={ref} />)
    await flush()
    expect(document.activeElement).toBe(target)
    target.remove()
  })
})
