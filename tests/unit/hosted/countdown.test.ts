import { screen } from '@testing-library/dom'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadStrings } from '../../../src/hosted/strings'
import { apiError, json, session } from '../support/backend'
import { closePage, openPage, settle, view } from './page-harness'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  closePage()
  vi.useRealTimers()
})

/** The page in `locale` whose first create is refused with a 429 and `Retry-After: seconds`; the next one succeeds. */
async function countdown(locale: 'en' | 'ru' | 'ar' | 'fa', seconds: number) {
  const strings = await loadStrings(locale)
  let creates = 0
  const { edge } = await openPage(
    {
      'POST /sessions': () =>
        creates++ === 0
          ? apiError(429, 'rate_limit_error', 'Too many requests.', { 'Retry-After': String(seconds) }, 'too_many_sessions')
          : json(session(), 201),
    },
    {},
    strings,
  )
  const text = () => document.querySelector('.vwh-countdown')?.textContent
  const tick = () => vi.advanceTimersByTimeAsync(1000)
  return { text, tick, creates: () => edge.count('POST', '/sessions') }
}

describe('the hosted page’s rate-limit countdown', () => {
  it('says seconds in the singular and plural, then tries again by itself', async () => {
    const { text, tick, creates } = await countdown('en', 2)
    expect(view()).toBe('rate_limited')
    expect(text()).toBe('Trying again in 2 seconds.')
    await tick()
    expect(text()).toBe('Trying again in 1 second.')
    expect(creates()).toBe(1)
    await tick()
    await settle()
    expect(creates()).toBe(2)
    expect(view()).toBe('requires_input')
    expect(document.querySelector('.vwh-countdown')).toBeNull()
  })

  it('uses Russian’s one, few and many forms', async () => {
    const { text, tick } = await countdown('ru', 5)
    const seen = [text()]
    for (let i = 0; i < 4; i++) {
      await tick()
      seen.push(text())
    }
    expect(seen).toEqual(
      [5, 4, 3, 2, 1].map((n) => `Повторная попытка через ${n} ${n === 5 ? 'секунд' : n === 1 ? 'секунду' : 'секунды'}.`),
    )
  })

  it('uses Arabic’s dual and Persian digits', async () => {
    const ar = await countdown('ar', 2)
    expect(ar.text()).toBe('إعادة المحاولة خلال ثانيتين.')
    closePage()
    const fa = await countdown('fa', 12)
    expect(fa.text()).toBe('تلاش دوباره تا ۱۲ ثانیهٔ دیگر.')
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('لطفاً کمی صبر کنید')
  })
})
