type Values = Record<string, string | number>

/**
 * Fills a message: `{name}` takes a value, and `{name, plural, one {# second} other {# seconds}}`
 * picks the branch for the locale's plural rules (an exact `=0` branch first, then the category,
 * then `other`), with `#` the number written the locale's way (Persian digits in `fa`, Bengali
 * ones in `bn`). A subset of ICU MessageFormat, so translators see a syntax they know.
 * A missing value leaves its placeholder visible rather than blank.
 */
export function formatMessage(template: string, values: Values, locale: string): string {
  let out = ''
  let i = 0
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', i)) {
    const close = matchingBrace(template, open)
    out += template.slice(i, open) + fillArgument(template.slice(open, close + 1), values, locale)
    i = close + 1
  }
  return out + template.slice(i)
}

/** `{name}` or `{name, plural, …}` → its name, whether it is a plural, and the branches of one. */
export function parseArgument(raw: string): { name: string; plural: boolean; branches: Map<string, string> } {
  const body = raw.slice(1, -1)
  const head = /^\s*(\w+)\s*(?:,\s*plural\s*,)?/.exec(body)
  const branches = new Map<string, string>()
  const plural = !!head && head[0].includes(',')
  const pattern = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y
  pattern.lastIndex = head?.[0].length ?? 0
  for (let m = plural ? pattern.exec(body) : null; m; m = pattern.exec(body)) {
    const end = matchingBrace(body, pattern.lastIndex - 1)
    branches.set(m[1]!, body.slice(pattern.lastIndex, end))
    pattern.lastIndex = end + 1
  }
  return { name: head?.[1] ?? '', plural, branches }
}

function fillArgument(raw: string, values: Values, locale: string): string {
  const { name, plural, branches } = parseArgument(raw)
  const value = values[name]
  if (value === undefined) return raw
  if (!plural) return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value
  const n = Number(value)
  const branch = branches.get(`=${n}`) ?? branches.get(new Intl.PluralRules(locale).select(n)) ?? branches.get('other')
  return branch === undefined ? raw : formatMessage(branch.replace(/#/g, new Intl.NumberFormat(locale).format(n)), values, locale)
}

/** Index of the `}` closing the `{` at `open` (the last index when unbalanced). */
export function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return i
  }
  return text.length - 1
}
