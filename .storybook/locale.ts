import hostedEnglish from '../src/hosted/locales/en'
import { ENGLISH_STRINGS, type HostedStrings, loadStrings } from '../src/hosted/strings'
import { englishMessages, localeDirection, type Messages, matchLocale, SUPPORTED_LOCALES } from '../src/react/locales'
import { pseudoMessages } from './pseudoLocale'

/** The toolbar's value for the pseudo-locale; '' keeps each story's own language. */
export const PSEUDO = 'pseudo'

export const localeToolbarItems = [
  { value: '', title: 'Story’s own language' },
  { value: PSEUDO, title: 'Pseudo-locale [Ṽêŕîƒý ······]' },
  ...SUPPORTED_LOCALES.map((locale) => ({ value: locale, title: locale })),
]

/** `dir` for the toolbar's language, when it names one. */
export function toolbarDirection(global: unknown): 'ltr' | 'rtl' | undefined {
  if (global === PSEUDO) return 'ltr'
  const locale = typeof global === 'string' ? matchLocale(global) : undefined
  return locale && localeDirection(locale)
}

/** VerifyProvider props for the toolbar's language: a shipped locale, or the pseudo strings over English. */
export function providerLocale(global: unknown): { locale?: string; messages?: Partial<Messages> } {
  if (global === PSEUDO) return { locale: 'en', messages: pseudoMessages(englishMessages) }
  return typeof global === 'string' && global ? { locale: global } : {}
}

/** Hosted-page strings for the toolbar's language; undefined leaves the story's own. */
export async function hostedStrings(global: unknown): Promise<HostedStrings | undefined> {
  if (global === PSEUDO) return { ...ENGLISH_STRINGS, widget: pseudoMessages(englishMessages), page: pseudoMessages(hostedEnglish) }
  const locale = typeof global === 'string' ? matchLocale(global) : undefined
  return locale && loadStrings(locale)
}

/**
 * Text that does not fit its box: an element whose content is wider than it (cut off, or spilling
 * over its neighbours), or a page that scrolls sideways. Each named by its text, for a readable failure.
 */
export function clippedText(root: HTMLElement): string[] {
  const clipped = [...root.querySelectorAll<HTMLElement>('button, h1, h2, p, label, select, a, [role="status"], [role="alert"]')]
    // A 1 px box is the visually-hidden pattern for screen-reader text: clipped on purpose.
    .filter((el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 40)}`)
  const page = document.documentElement
  return page.scrollWidth > page.clientWidth ? [...clipped, `page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`] : clipped
}
