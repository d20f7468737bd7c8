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

// One dynamic import per locale: each is its own chunk, fetched only when a page asks for it.
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  es: () => import('./es'),
  fr: () => import('./fr'),
  de: () => import('./de'),
  it: () => import('./it'),
  pt: () => import('./pt'),
  ja: () => import('./ja'),
  zh: () => import('./zh'),
  ar: () => import('./ar'),
  hi: () => import('./hi'),
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? en : (await LOADERS[locale]()).default
}
