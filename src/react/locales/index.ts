import en, { type MessageKey, type Messages } from './en'

export type { MessageKey, Messages }
export { en as englishMessages }

export const SUPPORTED_LOCALES = [
  'en',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'is',
  'pl',
  'cs',
  'sk',
  'sl',
  'hr',
  'sr',
  'bg',
  'ro',
  'hu',
  'el',
  'tr',
  'ru',
  'uk',
  'lt',
  'lv',
  'et',
  'ar',
  'he',
  'fa',
  'ur',
  'hi',
  'bn',
  'ta',
  'th',
  'vi',
  'id',
  'ms',
  'fil',
  'ja',
  'ko',
  'zh',
  'zh-Hant',
] as const
export type Locale = (typeof SUPPORTED_LOCALES)[number]

// Tags that name a shipped language under another code: Norwegian and Nynorsk read Bokmål, Tagalog
// reads Filipino, and the legacy codes for Hebrew and Indonesian that older systems still send.
const ALIASES: Record<string, Locale> = { no: 'nb', nn: 'nb', tl: 'fil', iw: 'he', in: 'id' }

/** The shipped locale a BCP 47 tag asks for, region and script considered (`pt-BR` → `pt`, `zh-TW` → `zh-Hant`). */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const [base = '', ...rest] = (tag ?? '').toLowerCase().split(/[-_]/)
  if (base === 'zh') return rest.includes('hant') || (!rest.includes('hans') && /^(tw|hk|mo)$/.test(rest.at(-1) ?? '')) ? 'zh-Hant' : 'zh'
  return ALIASES[base] ?? SUPPORTED_LOCALES.find((l) => l === base)
}

/** The first tag that names a shipped locale, in order of preference; `en` when none does. */
export function resolveLocale(...tags: ReadonlyArray<string | null | undefined>): Locale {
  for (const tag of tags) {
    const locale = matchLocale(tag)
    if (locale) return locale
  }
  return 'en'
}

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar', 'he', 'fa', 'ur'])

export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr'
}

// One dynamic import per locale: each is its own chunk, fetched only when a page asks for it.
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  es: () => import('./es'),
  fr: () => import('./fr'),
  de: () => import('./de'),
  it: () => import('./it'),
  pt: () => import('./pt'),
  nl: () => import('./nl'),
  sv: () => import('./sv'),
  da: () => import('./da'),
  nb: () => import('./nb'),
  fi: () => import('./fi'),
  is: () => import('./is'),
  pl: () => import('./pl'),
  cs: () => import('./cs'),
  sk: () => import('./sk'),
  sl: () => import('./sl'),
  hr: () => import('./hr'),
  sr: () => import('./sr'),
  bg: () => import('./bg'),
  ro: () => import('./ro'),
  hu: () => import('./hu'),
  el: () => import('./el'),
  tr: () => import('./tr'),
  ru: () => import('./ru'),
  uk: () => import('./uk'),
  lt: () => import('./lt'),
  lv: () => import('./lv'),
  et: () => import('./et'),
  ar: () => import('./ar'),
  he: () => import('./he'),
  fa: () => import('./fa'),
  ur: () => import('./ur'),
  hi: () => import('./hi'),
  bn: () => import('./bn'),
  ta: () => import('./ta'),
  th: () => import('./th'),
  vi: () => import('./vi'),
  id: () => import('./id'),
  ms: () => import('./ms'),
  fil: () => import('./fil'),
  ja: () => import('./ja'),
  ko: () => import('./ko'),
  zh: () => import('./zh'),
  'zh-Hant': () => import('./zh-Hant'),
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === 'en' ? en : (await LOADERS[locale]()).default
}
