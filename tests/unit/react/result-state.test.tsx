import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SessionStatus, VerificationSession } from '../../../src/core'
import { VerifyButton } from '../../../src/react'
import { FakeEventSource, fakeFetch, json, session, snapshot, withFakeClockAndStream } from '../support/backend'
import { renderWidget } from './render'

const flush = withFakeClockAndStream()

/** Starts a FaceSign session in the dialog and lets the backend report `status`. */
async function finishWith(status: SessionStatus) {
  const sessions: VerificationSession[] = []
  const edge = fakeFetch({
    'POST /sessions': () => {
      sessions.push(session())
      return json(sessions.at(-1), 201)
    },
    'GET /sessions/:id': () => json(snapshot(sessions.at(-1)!, 'in_progress')),
  })
  renderWidget(<VerifyButton provider="facesign" />, { fetch: edge.fetch })
  fireEvent.click(screen.getByRole('button', { name: 'Verify your identity' }))
  await flush()
  act(() => FakeEventSource.latest().emitStatus(snapshot(sessions[0]!, status)))
  await flush()
  return edge
}

describe('the button after a result', () => {
  it('verified: a confirmed state that starts nothing when pressed', async () => {
    const edge = await finishWith('verified')
    const button = screen.getByRole('button', { name: 'Identity verified' })
    expect(button).toHaveAttribute('data-state', 'verified')
    expect(button).toHaveAttribute('aria-disabled', 'true')
    fireEvent.pointerDown(button, { button: 0 })
    fireEvent.click(button)
    await flush()
    expect(edge.count('POST', '/sessions')).toBe(1)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it.each([
    ['failed', 'Try verification again'],
    ['canceled', 'Start verification again'],
    ['expired', 'Start a new verification'],
  ] as const)('%s: the label offers the next step, which starts a new session', async (status, label) => {
    const edge = await finishWith(status)
    const button = screen.getByRole('button', { name: label })
    expect(button).not.toHaveAttribute('aria-disabled')
    fireEvent.click(button)
    await flush()
    expect(edge.count('POST', '/sessions')).toBe(2)
    expect(screen.getByRole('dialog')).toHaveAttribute('open')
  })

  it('failed: a hint says what helps next time', async () => {
    await finishWith('failed')
    expect(screen.getByRole('status')).toHaveTextContent('Verification failed')
    expect(screen.getByText('Good light and a clear view of your face help.')).toBeInTheDocument()
  })
})
