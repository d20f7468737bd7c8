import { englishMessages, type Locale, localeDirection, type Messages } from '../react/locales'
import { loadCatalog } from '../react/locales/catalogs'
import { byLocale } from '../react/locales/lazy'
import en, { type HostedMessages } from './locales/en'

/** The widget's status strings plus the page's own copy, for one locale. */
export interface HostedStrings {
  locale: Locale
  dir: 'ltr' | 'rtl'
  widget: Messages
  page: HostedMessages
}

export const ENGLISH_STRINGS: HostedStrings = { locale: 'en', dir: 'ltr', widget: englishMessages, page: en }

// One dynamic import per locale, as for the widget's strings: each its own chunk, fetched when chosen.
const loadPage = byLocale(import.meta.glob<HostedMessages>(['./locales/*.ts', '!./locales/en.ts'], { import: 'default' }), './locales')

/**
 * Both catalogs of a locale, each its own lazily fetched chunk, fetched together; English is always
 * at hand. The widget's table of chunks is imported here directly: the page waits for its strings
 * before the first paint, so it must not wait for that table first.
 */
export async function loadStrings(locale: Locale): Promise<HostedStrings> {
  if (locale === 'en') return ENGLISH_STRINGS
  const [widget, page] = await Promise.all([loadCatalog(locale), loadPage(locale)])
  return { locale, dir: localeDirection(locale), widget, page }
}
