import type { Messages } from './en'
import type { Locale } from './index'

// One dynamic import per locale: each is its own chunk, fetched only when a page asks for it.
// Typed by the list in index.ts, so a locale added there without a catalog fails to compile.
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

export async function loadCatalog(locale: Exclude<Locale, 'en'>): Promise<Messages> {
  return (await LOADERS[locale]()).default
}
