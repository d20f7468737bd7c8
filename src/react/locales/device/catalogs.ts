import type { Locale } from '../index'
import en, { type DeviceMessages } from './en'

// One dynamic import per locale, as for the widget's other strings: each its own chunk.
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: DeviceMessages }>> = {
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

/** A locale's device strings (English at hand; a chunk that fails to load leaves English). */
export async function loadDeviceMessages(locale: Locale): Promise<DeviceMessages> {
  return locale === 'en' ? en : (await LOADERS[locale]().catch(() => ({ default: en }))).default
}
