import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import hostedEnglish from '../../../src/hosted/locales/en'
import { loadStrings } from '../../../src/hosted/strings'
import { englishMessages, type Locale, SUPPORTED_LOCALES } from '../../../src/react/locales'
import { loadDeviceMessages } from '../../../src/react/locales/device/catalogs'
import deviceEnglish from '../../../src/react/locales/device/en'
import { formatMessage, matchingBrace, parseArgument } from '../../../src/react/locales/format'

/**
 * Where a translation may rightly be the English text itself ("OK", a brand, a loanword).
 * Anything else equal to English is a string someone forgot to translate.
 */
const SAME_AS_ENGLISH: Partial<Record<Locale, readonly string[]>> = {}

/** Letters each non-Latin locale must write every string in: a catalog pasted into the wrong file fails. */
const SCRIPTS: Partial<Record<Locale, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  bg: /\p{Script=Cyrillic}/u,
  sr: /\p{Script=Cyrillic}/u,
  el: /\p{Script=Greek}/u,
  hi: /\p{Script=Devanagari}/u,
  bn: /\p{Script=Bengali}/u,
  ta: /\p{Script=Tamil}/u,
  th: /\p{Script=Thai}/u,
  ko: /\p{Script=Hangul}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  zh: /\p{Script=Han}/u,
  'zh-Hant': /\p{Script=Han}/u,
}

/** `{name}` and `{name, plural, …}` arguments of a message, plural branches included, as a sorted list. */
function argumentsOf(template: string): string[] {
  const names = new Set<string>()
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', matchingBrace(template, open) + 1)) {
    const { name, plural, branches } = parseArgument(template.slice(open, matchingBrace(template, open) + 1))
    names.add(plural ? `${name}, plural` : name)
    for (const branch of branches.values()) for (const inner of argumentsOf(branch)) names.add(inner)
  }
  return [...names].sort()
}

/** Every plural argument's branches, to check each covers the counts the locale distinguishes. */
function pluralsOf(template: string): Map<string, string>[] {
  const found: Map<string, string>[] = []
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', matchingBrace(template, open) + 1)) {
    const { plural, branches } = parseArgument(template.slice(open, matchingBrace(template, open) + 1))
    if (plural) found.push(branches)
  }
  return found
}

const catalogs = await Promise.all(
  SUPPORTED_LOCALES.map(async (locale) => {
    const [{ widget: base, page }, device] = await Promise.all([loadStrings(locale), loadDeviceMessages(locale)])
    // The widget's strings with those of its camera and phone views (a catalog of their own per locale).
    const widget = { ...base, ...device }
    return { locale, widget, page, all: { ...widget, ...page } as Record<string, string> }
  }),
)
const english = catalogs[0]!.all

describe('locale catalogs', () => {
  it('ships 40+ locales, the right-to-left ones among them, English first', () => {
    expect(SUPPORTED_LOCALES.length).toBeGreaterThanOrEqual(40)
    expect(SUPPORTED_LOCALES[0]).toBe('en')
    expect(SUPPORTED_LOCALES).toEqual(expect.arrayContaining(['ar', 'he', 'fa', 'ur']))
    expect(new Set(SUPPORTED_LOCALES).size).toBe(SUPPORTED_LOCALES.length)
  })

  it('lists exactly the catalogs on disk, for the widget and for the hosted page', () => {
    for (const dir of ['src/react/locales', 'src/react/locales/device', 'src/hosted/locales']) {
      const files = readdirSync(resolve(import.meta.dirname, '../../..', dir)).filter(
        (f) => !/^(index|catalogs|format|pick|lazy)\.ts$|^device$/.test(f),
      )
      expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...SUPPORTED_LOCALES].sort())
    }
  })

  it.each(catalogs.map((c) => [c.locale, c]))('%s has exactly the English keys, none empty', (_, { widget, page }) => {
    expect(Object.keys(widget).sort()).toEqual(Object.keys({ ...englishMessages, ...deviceEnglish }).sort())
    expect(Object.keys(page).sort()).toEqual(Object.keys(hostedEnglish).sort())
    for (const value of [...Object.values(widget), ...Object.values(page)]) expect(value.trim()).not.toBe('')
  })

  it.each(catalogs.map((c) => [c.locale, c]))('%s keeps every placeholder of the English strings', (_, { all }) => {
    for (const [key, value] of Object.entries(all)) expect([key, argumentsOf(value)]).toEqual([key, argumentsOf(english[key]!)])
  })

  it.each(catalogs.slice(1).map((c) => [c.locale, c]))('%s leaves nothing in English unless allowed', (locale, { all }) => {
    const allowed = new Set(SAME_AS_ENGLISH[locale as Locale] ?? [])
    const untranslated = Object.keys(all).filter((key) => all[key] === english[key] && !allowed.has(key))
    expect(untranslated).toEqual([])
  })

  it.each(catalogs.map((c) => [c.locale, c]))(
    '%s covers each plural form its language uses, and fills without leftovers',
    (locale, { all }) => {
      const rules = new Intl.PluralRules(locale)
      for (const [key, value] of Object.entries(all)) {
        for (const branches of pluralsOf(value)) {
          expect([key, branches.has('other')]).toEqual([key, true])
          for (let n = 0; n <= 120; n++) {
            const category = rules.select(n)
            expect([key, n, branches.has(`=${n}`) || branches.has(category)]).toEqual([key, n, true])
          }
        }
        for (const seconds of [0, 1, 2, 3, 5, 11, 21, 22, 25, 100]) {
          expect(formatMessage(value, { seconds, provider: 'FaceSign' }, locale)).not.toMatch(/[{}#]/)
        }
      }
    },
  )

  it.each(Object.entries(SCRIPTS))('%s is written in its own script', (locale, script) => {
    const { all } = catalogs.find((c) => c.locale === locale)!
    for (const [key, value] of Object.entries(all)) expect([key, script.test(value)]).toEqual([key, true])
  })

  it('zh-Hant is its own traditional-character text, not a copy of zh', () => {
    const zh = catalogs.find((c) => c.locale === 'zh')!.all
    const hant = catalogs.find((c) => c.locale === 'zh-Hant')!.all
    const copied = Object.keys(hant).filter((key) => hant[key] === zh[key])
    expect(copied).toEqual(['cancel'])
  })
})
