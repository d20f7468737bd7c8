'use client'
import { useEffect, useState } from 'react'
import { loadStrings, localeTags, withOverrides } from '../ui/strings'
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
 * The same rules as the widget's own (src/ui/strings.ts), with every English string inlined.
 */
export function useLocaleMessages(locale?: string, overrides?: Partial<Messages>): LocaleMessages {
  const [value, setValue] = useState(ENGLISH)
  useEffect(() => {
    let live = true
    const pending = loadStrings(localeTags(locale))
    if (!pending) return setValue(ENGLISH)
    pending.then(
      (picked) => live && setValue(picked as LocaleMessages),
      () => live && setValue(ENGLISH),
    )
    return () => {
      live = false
    }
  }, [locale])
  return withOverrides(value, overrides) as LocaleMessages
}
