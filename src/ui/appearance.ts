export type Theme = 'light' | 'dark' | 'auto'

/** CSS custom properties the widget reads; each maps to `--vw-<kebab-name>`. */
export interface AppearanceVariables {
  colorPrimary?: string
  colorPrimaryText?: string
  colorBackground?: string
  colorText?: string
  colorDanger?: string
  colorBorder?: string
  borderRadius?: string
  fontFamily?: string
}

export interface Appearance {
  /** `auto` (default) follows prefers-color-scheme. */
  theme?: Theme
  variables?: AppearanceVariables
}

/**
 * Sets variables through CSSOM, which a strict CSP (no 'unsafe-inline' styles) allows, unlike a
 * `style=` attribute.
 */
export function applyAppearance(element: HTMLElement, appearance: Appearance | undefined): void {
  for (const [key, value] of Object.entries(appearance?.variables ?? {})) {
    if (typeof value === 'string') element.style.setProperty(`--vw-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value)
  }
}
