import type { Messages } from '../react/locales/en'
import type { Locale } from '../react/locales/index'
import enButton from './button-english'

/** What the button needs before the rest loads; once loaded, every key (English fills the gaps). */
export type ButtonMessages = typeof enButton & Partial<Messages>

export interface Strings {
  locale: Locale
  dir: 'ltr' | 'rtl'
  messages: ButtonMessages
}

/**
 * The strings a widget renders first (and on the server): English, the button's part only. The
 * rest of English arrives with the dialog's code; another language arrives whole (loadStrings).
 */
export const BUTTON_ENGLISH: Strings = { locale: 'en', dir: 'ltr', messages: enButton }

/** The widget's own `locale`, then `<html lang>`, then the browser's languages, in that order. Browser only. */
export function localeTags(locale?: string): Array<string | undefined> {
  return [locale, document.documentElement.lang, ...navigator.languages]
}

/**
 * The strings for the first tag that names a shipped locale, or undefined when the first tag is
 * English (nothing to load). The locale list and matching come as one small chunk (`pick`), the
 * catalog as another: 44 locales cost the first load nothing.
 */
export function loadStrings(tags: ReadonlyArray<string | null | undefined>): Promise<Strings> | undefined {
  if (/^en\b/i.test(tags.find(Boolean) ?? 'en')) return undefined
  return import('../react/locales/pick').then(({ pickLocale }) => pickLocale(tags))
}

/** The app's own wording laid over the locale's. */
export const withOverrides = (strings: Strings, overrides: Partial<Messages> | undefined): Strings =>
  overrides ? { ...strings, messages: { ...strings.messages, ...overrides } } : strings
