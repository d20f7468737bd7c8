import en, { type MessageKey, type Messages } from './en'

export type { MessageKey, Messages }
export { en as englishMessages }

// biome-ignore format: the union is the list below, word for word
export type Locale =
  | 'en' | 'es' | 'fr' | 'de' | 'it' | 'pt' | 'nl' | 'sv' | 'da' | 'nb' | 'fi' | 'is' | 'pl' | 'cs' | 'sk' | 'sl' | 'hr' | 'sr'
  | 'bg' | 'ro' | 'hu' | 'el' | 'tr' | 'ru' | 'uk' | 'lt' | 'lv' | 'et' | 'ar' | 'he' | 'fa' | 'ur' | 'hi' | 'bn' | 'ta' | 'th'
  | 'vi' | 'id' | 'ms' | 'fil' | 'ja' | 'ko' | 'zh' | 'zh-Hant'

/**
 * Every shipped locale, English first (the order of the hosted page's language menu). One string,
 * split, costs the widget's entry less than an array literal; a test holds it equal to `Locale`
 * and to the catalogs on disk.
 */
export const SUPPORTED_LOCALES =
  'en es fr de it pt nl sv da nb fi is pl cs sk sl hr sr bg ro hu el tr ru uk lt lv et ar he fa ur hi bn ta th vi id ms fil ja ko zh zh-Hant'.split(
    ' ',
  ) as readonly Locale[]

// Tags that name a shipped language under another code: Norwegian and Nynorsk read Bokmål, and
// Tagalog reads Filipino.
const ALIASES: Record<string, Locale> = { no: 'nb', nn: 'nb', tl: 'fil' }

/** The shipped locale a BCP 47 tag asks for, region and script considered (`pt-BR` → `pt`, `zh-TW` → `zh-Hant`). */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const lower = `${tag}-`.toLowerCase().replace(/_/g, '-')
  const base = lower.slice(0, lower.indexOf('-'))
  if (base === 'zh') return /-(hant|tw|hk|mo)-/.test(lower) ? 'zh-Hant' : 'zh'
  // Compared, not trusted: `ALIASES.constructor` is a function, which no locale equals.
  return SUPPORTED_LOCALES.find((l) => l === (ALIASES[base] ?? base))
}

/** The first tag that names a shipped locale, in order of preference; `en` when none does. */
export function resolveLocale(...tags: ReadonlyArray<string | null | undefined>): Locale {
  return tags.map(matchLocale).find(Boolean) ?? 'en'
}

export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return /^(ar|he|fa|ur)$/.test(locale) ? 'rtl' : 'ltr'
}

/**
 * A locale's strings. The table of locale chunks is itself a chunk: a page in English never
 * downloads it, and the widget's entry stays within its size budget as locales are added.
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? en : (await import('./catalogs')).loadCatalog(locale)
}
