import { fireEvent, screen } from '@testing-library/dom'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ENGLISH_STRINGS, loadStrings } from '../../../src/hosted/strings'
import { apiError, FakeEventSource, json, session, snapshot } from '../support/backend'
import { card, closePage, openPage, settle, view } from './page-harness'

const { widget: w, page: p } = ENGLISH_STRINGS

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  closePage()
  vi.useRealTimers()
})

const heading = () => screen.getByRole('heading', { level: 2 })

/** The page with a backend whose create answers `made` (a FaceSign session waiting for the person). */
async function pageWithSession(made = session()) {
  const opened = await openPage({
    'POST /sessions': () => json(made, 201),
    'GET /sessions/:id': () => json(snapshot(made, 'requires_input')),
  })
  return { ...opened, made, push: (status: Parameters<typeof snapshot>[1]) => FakeEventSource.latest().emitStatus(snapshot(made, status)) }
}

describe('the hosted page', () => {
  it('builds the page the stylesheet and the browser tests select on: header, main named by its title, status line, footer', async () => {
    await pageWithSession()
    const main = screen.getByRole('main')
    expect(main).toHaveClass('vwh-main')
    expect(main).toHaveAccessibleName(w.start)
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(w.start)
    expect(card()).toHaveAttribute('aria-labelledby', 'vwh-state-title')
    expect(view()).toBe('requires_input')
    expect(document.querySelector('.vwh-flow iframe')).not.toBeNull()
    expect(document.querySelector('.vwh-brand')).toHaveTextContent('FaceSign')
    expect(document.querySelector('.vwh-footer')).toHaveTextContent('FaceSign')
    expect(screen.getByLabelText(p.language).tagName).toBe('SELECT')
    // The polite status line says the state's title; the busy start says nothing.
    const status = document.querySelector('.vwh-sr-only[role="status"]')
    expect(status).toHaveAttribute('aria-live', 'polite')
    expect(status).toHaveTextContent(w.requires_input)
  })

  it('shows the test-mode banner for a test session only', async () => {
    await pageWithSession(session({ livemode: false }))
    expect(screen.getByRole('complementary', { name: w.testMode })).toHaveTextContent(`${w.testMode}: ${p.testModeNote}`)
    closePage()
    await pageWithSession(session({ livemode: true }))
    expect(screen.queryByRole('complementary')).toBeNull()
  })

  it('moves focus to the new state’s heading, but never out of the flow from requires_input to in_progress', async () => {
    const { push } = await pageWithSession()
    expect(heading()).toHaveFocus()
    // The person is in the flow: focus is inside its container.
    const inFlow = document.querySelector<HTMLElement>('.vwh-flow iframe')!
    inFlow.tabIndex = 0
    inFlow.focus()
    push('in_progress')
    await settle()
    expect(view()).toBe('in_progress')
    expect(heading()).toHaveTextContent(w.in_progress)
    expect(inFlow).toHaveFocus()
    push('verified')
    await settle()
    expect(view()).toBe('verified')
    expect(heading()).toHaveTextContent(w.verified)
    expect(heading()).toHaveFocus()
    expect(document.querySelector('.vwh-flow')).toBeNull()
  })

  it('keeps the flow’s iframe in place across every repaint (a moved iframe reloads)', async () => {
    const { push } = await pageWithSession()
    const frame = document.querySelector('.vwh-flow iframe')
    // Every removal under the card: an iframe taken out and put back reloads, even into the same place.
    const removed: Node[] = []
    const observer = new MutationObserver((records) => removed.push(...records.flatMap((r) => [...r.removedNodes])))
    observer.observe(card()!, { childList: true, subtree: true })
    // Its chunk loaded before the switch, so the switch paints within this test's turn.
    await loadStrings('fr')
    push('in_progress')
    await settle()
    fireEvent.change(screen.getByLabelText(p.language), { target: { value: 'fr' } })
    await settle()
    expect(document.documentElement.lang).toBe('fr')
    expect(document.querySelector('.vwh-flow iframe')).toBe(frame)
    expect(frame!.isConnected).toBe(true)
    await settle()
    observer.disconnect()
    expect(removed.filter((node) => node === frame || node.contains(frame))).toEqual([])
  })

  it('switches language in place: strings, lang and dir, and ?lang= kept for a reload', async () => {
    await pageWithSession()
    const ar = await loadStrings('ar')
    fireEvent.change(screen.getByLabelText(p.language), { target: { value: 'ar' } })
    await settle()
    expect(document.documentElement).toHaveAttribute('lang', 'ar')
    expect(document.documentElement).toHaveAttribute('dir', 'rtl')
    expect(heading()).toHaveTextContent(ar.widget.requires_input)
    expect(screen.getByLabelText(ar.page.language)).toHaveValue('ar')
    expect(new URL(window.location.href).searchParams.get('lang')).toBe('ar')
  })

  it('offline: says so, then starts by itself once the connection is back', async () => {
    const made = session()
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    let creates = 0
    await openPage({
      'POST /sessions': () => (creates++ === 0 ? Promise.reject(new TypeError('Failed to fetch')) : json(made, 201)),
      'GET /sessions/:id': () => json(snapshot(made, 'requires_input')),
    })
    window.dispatchEvent(new Event('offline'))
    await settle()
    expect(view()).toBe('offline')
    expect(heading()).toHaveTextContent(p.offlineTitle)
    online.mockReturnValue(true)
    window.dispatchEvent(new Event('online'))
    await settle()
    expect(creates).toBe(2)
    expect(view()).toBe('requires_input')
  })

  it('an error offers a retry that starts again', async () => {
    const made = session()
    let creates = 0
    await openPage({
      'POST /sessions': () => (creates++ === 0 ? apiError(500, 'api_error', 'Down.') : json(made, 201)),
      'GET /sessions/:id': () => json(snapshot(made, 'requires_input')),
    })
    expect(view()).toBe('error')
    expect(heading()).toHaveTextContent(p.errorTitle)
    expect(heading()).toHaveFocus()
    screen.getByRole('button', { name: w.retry }).click()
    await settle()
    expect(view()).toBe('requires_input')
    expect(creates).toBe(2)
  })

  it('on the phone, a link opened elsewhere gets its own page and no way to start here', async () => {
    const { edge } = await openPage(
      { 'POST /handoffs/claim': () => apiError(409, 'invalid_request_error', 'Taken.', {}, 'handoff_taken') },
      { device: true, handoffToken: 'tok_phone' },
    )
    expect(edge.count('POST', '/handoffs/claim')).toBe(1)
    expect(view()).toBe('handoff_taken')
    expect(heading()).toHaveTextContent(p.handoffTakenTitle)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('on the computer, a refresh refused because the session ended is an error with a retry, not a phone’s page', async () => {
    const made = session()
    await openPage({
      'POST /sessions': () => apiError(400, 'invalid_request_error', 'Gone.', {}, 'session_finished'),
      'GET /sessions/:id': () => json(snapshot(made, 'requires_input')),
    })
    expect(view()).toBe('error')
    expect(screen.getByRole('button', { name: w.retry })).toBeVisible()
  })

  it('destroy removes the page and stops following the session', async () => {
    const { push, root, page } = await pageWithSession()
    const source = FakeEventSource.latest()
    page.destroy()
    expect(root.childElementCount).toBe(0)
    expect(source.closed).toBe(true)
    push('verified')
    await settle()
    expect(card()).toBeNull()
    page.destroy()
  })
})
