'use client'
import { useEffect, useState } from 'react'
import { englishMessages, type Locale, loadMessages, localeDirection, type Messages, resolveLocale } from './locales'

export interface LocaleMessages {
  locale: Locale
  dir: 'ltr' | 'rtl'
  messages: Messages
}

const ENGLISH: LocaleMessages = { locale: 'en', dir: 'ltr', messages: englishMessages }

/**
 * Strings for `locale`, else `<html lang>`, else the browser's languages in order; each tag falls
 * back from its region to the language (`pt-BR` → `pt`), and a tag no locale matches is skipped.
 * English renders first (and on the server), so the markup hydrates identically; another
 * locale's chunk loads after mount. `overrides` (the app's own wording) lie over either.
 */
export function useLocaleMessages(locale?: string, overrides?: Partial<Messages>): LocaleMessages {
  const [value, setValue] = useState(ENGLISH)
  useEffect(() => {
    let live = true
    const resolved = resolveLocale(locale, document.documentElement.lang, ...navigator.languages)
    if (resolved === 'en') return setValue(ENGLISH)
    loadMessages(resolved).then(
      (messages) => live && setValue({ locale: resolved, dir: localeDirection(resolved), messages }),
      () => live && setValue(ENGLISH),
    )
    return () => {
      live = false
    }
  }, [locale])
  return overrides ? { ...value, messages: { ...value.messages, ...overrides } } : value
}
