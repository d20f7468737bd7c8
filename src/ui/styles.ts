type StyledRoot = ShadowRoot & { verifyWidgetStyles?: Set<string> }

/**
 * Gives a shadow root one of the widget's stylesheets, once (`name` tells them apart). A constructed
 * sheet (adoptedStyleSheets) is not an inline `<style>`, so a strict CSP (`style-src 'self'`) allows
 * it and the page imports no stylesheet. Browsers without constructed sheets (and jsdom) get a
 * `<style>` element instead.
 */
export function adoptStyles(root: ShadowRoot, name: string, css: string): void {
  const styled = root as StyledRoot
  styled.verifyWidgetStyles ??= new Set()
  const names = styled.verifyWidgetStyles
  if (names.has(name)) return
  names.add(name)
  if (root.adoptedStyleSheets) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } else {
    const style = root.ownerDocument.createElement('style')
    style.textContent = css
    root.prepend(style)
  }
}
