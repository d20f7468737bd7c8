import { act, render, screen } from '@testing-library/react'
import { createRef } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StateCard } from '../../../src/hosted/StateCard'
import { loadStrings } from '../../../src/hosted/strings'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

async function countdown(locale: 'en' | 'ru' | 'ar' | 'fa', retryAfterMs: number) {
  const strings = await loadStrings(locale)
  const onStart = vi.fn()
  render(
    <StateCard
      view={{ kind: 'rate_limited', retryAfterMs }}
      strings={strings}
      headingRef={createRef()}
      onStart={onStart}
      onCancel={() => {}}
    />,
  )
  const text = () => document.querySelector('.vwh-countdown')?.textContent
  const tick = () => act(() => vi.advanceTimersByTime(1000))
  return { text, tick, onStart }
}

describe('the hosted page’s rate-limit countdown', () => {
  it('says seconds in the singular and plural, then tries again', async () => {
    const { text, tick, onStart } = await countdown('en', 2000)
    expect(text()).toBe('Trying again in 2 seconds.')
    tick()
    expect(text()).toBe('Trying again in 1 second.')
    tick()
    expect(onStart).toHaveBeenCalledOnce()
  })

  it('uses Russian’s one, few and many forms', async () => {
    const { text, tick } = await countdown('ru', 5000)
    const seen = [text()]
    for (let i = 0; i < 4; i++) {
      tick()
      seen.push(text())
    }
    expect(seen).toEqual(
      [5, 4, 3, 2, 1].map((n) => `Повторная попытка через ${n} ${n === 5 ? 'секунд' : n === 1 ? 'секунду' : 'секунды'}.`),
    )
  })

  it('uses Arabic’s dual and Persian digits', async () => {
    const ar = await countdown('ar', 2000)
    expect(ar.text()).toBe('إعادة المحاولة خلال ثانيتين.')
    document.body.innerHTML = ''
    const fa = await countdown('fa', 12_000)
    expect(fa.text()).toBe('تلاش دوباره تا ۱۲ ثانیهٔ دیگر.')
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('لطفاً کمی صبر کنید')
  })
})
