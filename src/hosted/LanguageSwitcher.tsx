import { useId } from 'react'
import { type Locale, resolveLocale, SUPPORTED_LOCALES } from '../react/locales'

/** Each language in its own name and script, so a person who cannot read the current one still finds theirs. */
function endonym(locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale
  } catch {
    return locale
  }
}

export interface LanguageSwitcherProps {
  value: Locale
  label: string
  onChange: (locale: Locale) => void
}

export function LanguageSwitcher({ value, label, onChange }: LanguageSwitcherProps) {
  const id = useId()
  return (
    <div className="vwh-lang">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(resolveLocale(e.currentTarget.value))}>
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {endonym(locale)}
          </option>
        ))}
      </select>
    </div>
  )
}
