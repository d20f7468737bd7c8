import { matchingBrace, parseArgument } from '../src/react/locales/format'

// A pseudo-locale for Storybook only (never shipped): every letter accented, every string about
// 40 % longer and bracketed, so clipped, truncated or hard-coded text shows at a glance while the
// English meaning stays readable. Placeholders and plural syntax pass through untouched.

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'åƀçðêƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÊƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
)

const accent = (text: string) => text.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter)

/**
 * Rewrites the text of a message outside its placeholders (plural branches included, each padded
 * for its own length, so `# seconds` grows as much as `Verify your identity`).
 */
function mapText(template: string, map: (text: string) => string, plain = false): string {
  let out = ''
  let i = 0
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', i)) {
    const close = matchingBrace(template, open)
    const raw = template.slice(open, close + 1)
    const { name, plural, branches } = parseArgument(raw)
    out += map(template.slice(i, open))
    if (plain) out += plural ? mapText(branches.get('other') ?? '', map, true) : raw
    else out += plural ? `{${name}, plural, ${[...branches].map(([form, text]) => `${form} {${pseudoLocalize(text)}}`).join(' ')}}` : raw
    i = close + 1
  }
  return out + map(template.slice(i))
}

/** `Verify your identity` → `[Ṽêŕîƒý ýöûŕ îðêñţîţý ········]`; a plural's branches are each wrapped instead. */
export function pseudoLocalize(template: string): string {
  const hasPlural = template.trimStart().startsWith('{') && parseArgument(template.slice(0, matchingBrace(template, 0) + 1)).plural
  if (hasPlural && matchingBrace(template, 0) === template.length - 1) return mapText(template, accent)
  const padding = '·'.repeat(Math.max(2, Math.ceil(mapText(template, (t) => t, true).length * 0.4)))
  return `[${mapText(template, accent)} ${padding}]`
}

export function pseudoMessages<T extends Record<string, string>>(messages: T): T {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, pseudoLocalize(value)])) as T
}
