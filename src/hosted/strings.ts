import { englishMessages, type Locale, localeDirection, type Messages } from '../react/locales'
import { loadCatalog } from '../react/locales/catalogs'
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
  nl: () => import('./locales/nl'),
  sv: () => import('./locales/sv'),
  da: () => import('./locales/da'),
  nb: () => import('./locales/nb'),
  fi: () => import('./locales/fi'),
  is: () => import('./locales/is'),
  pl: () => import('./locales/pl'),
  cs: () => import('./locales/cs'),
  sk: () => import('./locales/sk'),
  sl: () => import('./locales/sl'),
  hr: () => import('./locales/hr'),
  sr: () => import('./locales/sr'),
  bg: () => import('./locales/bg'),
  ro: () => import('./locales/ro'),
  hu: () => import('./locales/hu'),
  el: () => import('./locales/el'),
  tr: () => import('./locales/tr'),
  ru: () => import('./locales/ru'),
  uk: () => import('./locales/uk'),
  lt: () => import('./locales/lt'),
  lv: () => import('./locales/lv'),
  et: () => import('./locales/et'),
  ar: () => import('./locales/ar'),
  he: () => import('./locales/he'),
  fa: () => import('./locales/fa'),
  ur: () => import('./locales/ur'),
  hi: () => import('./locales/hi'),
  bn: () => import('./locales/bn'),
  ta: () => import('./locales/ta'),
  th: () => import('./locales/th'),
  vi: () => import('./locales/vi'),
  id: () => import('./locales/id'),
  ms: () => import('./locales/ms'),
  fil: () => import('./locales/fil'),
  ja: () => import('./locales/ja'),
  ko: () => import('./locales/ko'),
  zh: () => import('./locales/zh'),
  'zh-Hant': () => import('./locales/zh-Hant'),
}

/**
 * Both catalogs of a locale, each its own lazily fetched chunk, fetched together; English is always
 * at hand. The widget's table of chunks is imported here directly: the page waits for its strings
 * before the first paint, so it must not wait for that table first.
 */
export async function loadStrings(locale: Locale): Promise<HostedStrings> {
  if (locale === 'en') return ENGLISH_STRINGS
  const [widget, { default: page }] = await Promise.all([loadCatalog(locale), PAGE_LOADERS[locale]()])
  return { locale, dir: localeDirection(locale), widget, page }
}
