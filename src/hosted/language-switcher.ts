import { type Locale, resolveLocale, SUPPORTED_LOCALES } from '../react/locales'

/** Each language in its own name and script, so a person who cannot read the current one still finds theirs. */
function endonym(locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  } catch {
    return locale
  }
}

export interface LanguageSwitcher {
  readonly node: HTMLElement
  /** Shows `locale` as chosen, under `label` (both in the page's language). */
  update(locale: Locale, label: string): void
}

/** `div.vwh-lang`: a labelled native `<select>` of every shipped locale, English first. */
export function createLanguageSwitcher(doc: Document, onChange: (locale: Locale) => void): LanguageSwitcher {
  const node = doc.createElement('div')
  const label = doc.createElement('label')
  const select = doc.createElement('select')
  node.className = 'vwh-lang'
  select.id = 'vwh-lang'
  label.htmlFor = select.id
  for (const locale of SUPPORTED_LOCALES) {
    const option = doc.createElement('option')
    option.value = option.lang = locale
    option.textContent = endonym(locale)
    select.append(option)
  }
  select.onchange = () => onChange(resolveLocale(select.value))
  node.append(label, select)
  let shown: Locale | undefined
  return {
    node,
    update(locale, text) {
      label.textContent = text
      // Set only when the page's language changes: a choice whose strings are still loading stays selected.
      if (locale !== shown) select.value = shown = locale
    },
  }
}
