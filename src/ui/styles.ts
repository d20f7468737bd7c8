type StyledRoot = ShadowRoot & { verifyWidgetStyles?: Set<string> }

/**
 * Gives a shadow root one of the widget's stylesheets, once (`name` tells them apart). A constructed
 * sheet (adoptedStyleSheets) is not an inline `<style>`, so a strict CSP (`style-src 'self'`) allows
 * it and the page imports no stylesheet. Every browser with light-dark(), which the styles are written
 * in, has constructed sheets; jsdom has none (its shadow roots stay unstyled).
 */
export function adoptStyles(root: ShadowRoot, name: string, css: string): void {
  const styled = root as StyledRoot
  styled.verifyWidgetStyles ??= new Set()
  if (!root.adoptedStyleSheets || styled.verifyWidgetStyles.has(name)) return
  styled.verifyWidgetStyles.add(name)
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
}
