import en, { type MessageKey, type Messages } from './en'

export type { MessageKey, Messages }
export { en as englishMessages }

export const SUPPORTED_LOCALES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ja', 'zh', 'ar', 'hi'] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]

/** `pt-BR` → `pt`; an unsupported or missing tag → `en`. */
export function resolveLocale(tag: string | undefined): Locale {
  const base = tag?.toLowerCase().split(/[-_]/)[0]
  return SUPPORTED_LOCALES.find((l) => l === base) ?? 'en'
}

export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr'
}

/** Each locale is its own chunk, fetched only when a page asks for it. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'es':
      return (await import('./es')).default
    case 'fr':
      return (await import('./fr')).default
    case 'de':
      return (await import('./de')).default
    case 'it':
      return (await import('./it')).default
    case 'pt':
      return (await import('./pt')).default
    case 'ja':
      return (await import('./ja')).default
    case 'zh':
      return (await import('./zh')).default
    case 'ar':
      return (await import('./ar')).default
    case 'hi':
      return (await import('./hi')).default
    default:
      return en
  }
}
