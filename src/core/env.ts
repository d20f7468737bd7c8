/**
 * True in a browser (and jsdom); false in Node SSR and in workers, which have no document.
 * Read at call time, never at import.
 */
export function isBrowser(): boolean {
  return typeof document !== 'undefined'
}
