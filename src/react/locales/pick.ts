import type { Messages } from './en'
import { type Locale, loadMessages, localeDirection, resolveLocale } from './index'

/**
 * The first of `tags` that names a shipped locale, with its direction and strings. Loaded lazily by
 * the widget (the locale list and matching stay out of its entry; see useLocaleMessages).
 */
export async function pickLocale(
  tags: ReadonlyArray<string | null | undefined>,
): Promise<{ locale: Locale; dir: 'ltr' | 'rtl'; messages: Messages }> {
  const locale = resolveLocale(...tags)
  return { locale, dir: localeDirection(locale), messages: await loadMessages(locale) }
}
