import type { Locale } from './index'

/** A folder's catalogs as Vite's `import.meta.glob` gives them: `./xx.ts` → its lazy default export. */
export type CatalogFiles<T> = Record<string, () => Promise<T>>

/**
 * The loader of one catalog per locale from a folder's files, each its own chunk fetched on demand.
 * A locale with no file is refused by name (tests/unit/locales/catalogs.test.ts holds every folder
 * equal to the list of locales).
 */
export function byLocale<T>(files: CatalogFiles<T>, folder = '.'): (locale: Exclude<Locale, 'en'>) => Promise<T> {
  return (locale) => {
    const load = files[`${folder}/${locale}.ts`]
    return load ? load() : Promise.reject(new Error(`verify-widget: no catalog for locale "${locale}" in ${folder}`))
  }
}
