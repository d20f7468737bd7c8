import { englishMessages, type Locale, loadMessages, localeDirection, type Messages } from '../react/locales'
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
const PAGE_LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: HostedMessages }>> = {
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
  it: () => import('./locales/it'),
  pt: () => import('./locales/pt'),
  ja: () => import('./locales/ja'),
  zh: () => import('./locales/zh'),
  ar: () => import('./locales/ar'),
  hi: () => import('./locales/hi'),
}

/** Both catalogs of a locale, each its own lazily fetched chunk; English is always at hand. */
export async function loadStrings(locale: Locale): Promise<HostedStrings> {
  if (locale === 'en') return ENGLISH_STRINGS
  const [widget, { default: page }] = await Promise.all([loadMessages(locale), PAGE_LOADERS[locale]()])
  return { locale, dir: localeDirection(locale), widget, page }
}

/** `{name}` placeholders; a missing value leaves the placeholder visible rather than blank. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match))
}
