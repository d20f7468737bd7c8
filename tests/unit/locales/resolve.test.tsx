import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { VerifyButton } from '../../../src/react'
import { type Locale, loadMessages, localeDirection, matchLocale, resolveLocale } from '../../../src/react/locales'
import { renderWidget } from '../react/render'
import { fakeFetch } from '../support/backend'

afterEach(() => {
  vi.restoreAllMocks()
  document.documentElement.lang = ''
})

const browserLanguages = (...languages: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages)

describe('matchLocale', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['pt_PT', 'pt'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['EN-gb', 'en'],
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh-hant-tw', 'zh-Hant'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['nb-NO', 'nb'],
    ['tl', 'fil'],
    ['fil-PH', 'fil'],
    ['he-IL', 'he'],
    ['sr-Cyrl-RS', 'sr'],
  ])('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale)
  })

  it.each(['', 'xx', 'x-pseudo', 'english', 'cy-GB', 'constructor', '__proto__', 'toString', null, undefined])(
    '%j names no shipped locale',
    (tag) => {
      expect(matchLocale(tag)).toBeUndefined()
    },
  )
})

describe('resolveLocale', () => {
  it('takes the first tag that names a shipped locale, in order, else English', () => {
    expect(resolveLocale('de', 'fr', 'ja')).toBe('de')
    expect(resolveLocale(undefined, 'fr-CA', 'ja')).toBe('fr')
    expect(resolveLocale('xx', '', null, 'pt-BR')).toBe('pt')
    expect(resolveLocale('xx', 'yy')).toBe('en')
    expect(resolveLocale()).toBe('en')
  })

  it('writes Arabic, Hebrew, Persian and Urdu right to left', () => {
    expect(['ar', 'he', 'fa', 'ur', 'en', 'ja'].map((l) => localeDirection(resolveLocale(l)))).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ])
  })
})

// The first import of a locale's chunk transforms it on the spot, slowly on a busy machine. The tests
// wait for that import itself (the module the widget is loading) rather than a fixed time; the
// suite's timeout is only a ceiling.
const LOCALE_IMPORT = { timeout: 60_000 }

describe('the widget picks its language from the locale prop, then <html lang>, then the browser', LOCALE_IMPORT, () => {
  const rendered = async (name: string, expected: Locale, locale?: string) => {
    renderWidget(<VerifyButton provider="facesign" />, { fetch: fakeFetch({}).fetch, locale })
    await loadMessages(expected)
    return (await screen.findByRole('button', { name })).closest('.vw-root')
  }

  it('the locale prop wins over <html lang> and the browser', async () => {
    document.documentElement.lang = 'fr'
    browserLanguages('de-DE', 'de')
    const root = await rendered('Verifieer je identiteit', 'nl', 'nl-BE')
    expect(root).toHaveAttribute('lang', 'nl')
  })

  it('<html lang> wins over the browser when the prop names nothing shipped', async () => {
    document.documentElement.lang = 'pl-PL'
    browserLanguages('de-DE')
    await rendered('Potwierdź swoją tożsamość', 'pl', 'xx')
  })

  it('the browser languages decide, in order, when the page names none shipped', async () => {
    document.documentElement.lang = 'cy'
    browserLanguages('gd-GB', 'zh-TW', 'en-US')
    const root = await rendered('驗證您的身分', 'zh-Hant')
    expect(root).toHaveAttribute('lang', 'zh-Hant')
  })

  it('a right-to-left language from the browser turns the widget around', async () => {
    browserLanguages('he-IL')
    const root = await rendered('לאימות הזהות', 'he')
    expect(root).toHaveAttribute('dir', 'rtl')
  })

  it('English when nothing matches', async () => {
    document.documentElement.lang = 'cy'
    browserLanguages('gd')
    await rendered('Verify your identity', 'en')
    expect(screen.getByRole('button').closest('.vw-root')).toHaveAttribute('dir', 'ltr')
  })
})

describe('VerifyProvider messages', LOCALE_IMPORT, () => {
  it('lays the app’s own wording over the chosen locale', async () => {
    renderWidget(<VerifyButton provider="facesign" />, {
      fetch: fakeFetch({}).fetch,
      locale: 'de',
      messages: { start: 'Mit Gesicht bestätigen' },
    })
    const button = await screen.findByRole('button', { name: 'Mit Gesicht bestätigen' })
    await loadMessages('de')
    await expect.poll(() => button.closest('.vw-root')?.getAttribute('lang')).toBe('de')
    expect(button).toHaveTextContent('Mit Gesicht bestätigen')
  })
})
