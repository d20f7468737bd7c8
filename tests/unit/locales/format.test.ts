import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../src/react/locales/format'

const countdown = '{seconds, plural, =0 {Now.} one {In # second.} other {In # seconds.}}'

describe('formatMessage', () => {
  it('fills {name} placeholders and leaves a missing one visible', () => {
    expect(formatMessage('Checked by {provider}. {other}', { provider: 'FaceSign' }, 'en')).toBe('Checked by FaceSign. {other}')
  })

  it('picks the exact branch, then the plural category, with the number written the locale way', () => {
    expect([0, 1, 2, 1500].map((seconds) => formatMessage(countdown, { seconds }, 'en'))).toEqual([
      'Now.',
      'In 1 second.',
      'In 2 seconds.',
      'In 1,500 seconds.',
    ])
    expect(formatMessage('{seconds, plural, other {# s}}', { seconds: 1500 }, 'de')).toBe('1.500 s')
    expect(formatMessage('{seconds, plural, other {# ثانیه}}', { seconds: 30 }, 'fa')).toBe('۳۰ ثانیه')
  })

  it('follows each language’s own plural rules (Russian: one, few, many)', () => {
    const ru = '{seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}'
    expect([1, 2, 5, 11, 21, 22, 25].map((seconds) => formatMessage(ru, { seconds }, 'ru'))).toEqual([
      '1 секунду',
      '2 секунды',
      '5 секунд',
      '11 секунд',
      '21 секунду',
      '22 секунды',
      '25 секунд',
    ])
  })

  it('falls back to other, and fills placeholders inside a branch', () => {
    expect(formatMessage('{n, plural, other {# by {provider}}}', { n: 1, provider: 'P' }, 'en')).toBe('1 by P')
  })
})
