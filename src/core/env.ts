/** True in a browser (and jsdom); false in Node SSR. Read at call time, never at import. */
export function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof document !== 'undefined'
}
