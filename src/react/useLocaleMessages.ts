'use client'
import { useEffect, useState } from 'react'
import en, { type Messages } from './locales/en'
import type { Locale } from './locales/index'

export interface LocaleMessages {
  locale: Locale
  dir: 'ltr' | 'rtl'
  messages: Messages
}

const ENGLISH: LocaleMessages = { locale: 'en', dir: 'ltr', messages: en }

/**
 * Strings for `locale`, else `<html lang>`, else the browser's languages in order; each tag falls
 * back from its region to the language (`pt-BR` → `pt`), and a tag no locale matches is skipped.
 * English renders first (and on the server), so the markup hydrates identically; another
 * locale's chunk loads after mount. `overrides` (the app's own wording) lie over either.
 *
 * When the first tag given is English, nothing more loads. Otherwise the locale list, the matching
 * and the table of locale chunks arrive as one small chunk (`pick`): 44 locales then cost the
 * widget's entry nothing.
 */
export function useLocaleMessages(locale?: string, overrides?: Partial<Messages>): LocaleMessages {
  const [value, setValue] = useState(ENGLISH)
  useEffect(() => {
    let live = true
    const tags = [locale, document.documentElement.lang, ...navigator.languages]
    if (/^en\b/i.test(tags.find(Boolean) ?? 'en')) return setValue(ENGLISH)
    import('./locales/pick')
      .then(({ pickLocale }) => pickLocale(tags))
      .then(
        (picked) => live && setValue(picked),
        () => live && setValue(ENGLISH),
      )
    return () => {
      live = false
    }
  }, [locale])
  return overrides ? { ...value, messages: { ...value.messages, ...overrides } } : value
}
