import type { Messages } from './en'
import { byLocale } from './lazy'

// One dynamic import per locale: each is its own chunk, fetched only when a page asks for it.
export const loadCatalog = byLocale(
  import.meta.glob<Messages>(['./*.ts', '!./en.ts', '!./index.ts', '!./catalogs.ts', '!./format.ts', '!./pick.ts', '!./lazy.ts'], {
    import: 'default',
  }),
)
