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

async function loadPageMessages(locale: Locale): Promise<HostedMessages> {
  switch (locale) {
    case 'es':
      return (await import('./locales/es')).default
    case 'fr':
      return (await import('./locales/fr')).default
    case 'de':
      return (await import('./locales/de')).default
    case 'it':
      return (await import('./locales/it')).default
    case 'pt':
      return (await import('./locales/pt')).default
    case 'ja':
      return (await import('./locales/ja')).default
    case 'zh':
      return (await import('./locales/zh')).default
    case 'ar':
      return (await import('./locales/ar')).default
    case 'hi':
      return (await import('./locales/hi')).default
    default:
      return en
  }
}

/** Both catalogs of a locale, each its own lazily fetched chunk; English is always at hand. */
export async function loadStrings(locale: Locale): Promise<HostedStrings> {
  if (locale === 'en') return ENGLISH_STRINGS
  const [widget, page] = await Promise.all([loadMessages(locale), loadPageMessages(locale)])
  return { locale, dir: localeDirection(locale), widget, page }
}

/** `{name}` placeholders; a missing value leaves the placeholder visible rather than blank. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match))
}
