/** The custom property styles.css sets on `.vw-root`; nothing else defines it. */
export const STYLESHEET_MARKER = '--vw-stylesheet'

// One warning per document, however many widgets it has (a WeakSet: a test's document can go away).
const warned = new WeakSet<Document>()

/**
 * Development only: an app that forgot `import 'verify-widget/styles.css'` gets a console warning
 * instead of an unstyled widget nobody notices (bundlers drop this in production builds).
 */
export function warnIfStylesheetMissing(root: HTMLElement | null): void {
  if (process.env.NODE_ENV === 'production' || !root) return
  const doc = root.ownerDocument
  if (warned.has(doc) || getComputedStyle(root).getPropertyValue(STYLESHEET_MARKER).trim() !== '') return
  warned.add(doc)
  console.warn("verify-widget: styles missing. Add import 'verify-widget/styles.css' to your app.")
}
