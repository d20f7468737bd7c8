import { describe, expect, it } from 'vitest'
import { pseudoLocalize, pseudoMessages } from '../../../.storybook/pseudoLocale'
import hostedEnglish from '../../../src/hosted/locales/en'
import { englishMessages } from '../../../src/react/locales'
import { formatMessage } from '../../../src/react/locales/format'

describe('the Storybook pseudo-locale', () => {
  it('accents every letter, brackets the text and makes it about 40 % longer', () => {
    const text = pseudoLocalize('Verify your identity')
    expect(text).toBe('[Ṽêŕîƒý ýöûŕ îðêñţîţý ········]')
    expect(text.length).toBeGreaterThanOrEqual(Math.round('Verify your identity'.length * 1.4))
    expect(text).not.toMatch(/[a-z]/i)
  })

  it('keeps placeholders and plural syntax working', () => {
    const page = pseudoMessages(hostedEnglish)
    expect(formatMessage(page.footer, { provider: 'FaceSign' }, 'en')).toContain('FaceSign')
    expect(formatMessage(page.rateLimitedBody, { seconds: 1 }, 'en')).toMatch(/^\[Ţŕýîñĝ åĝåîñ îñ 1 šêçöñð\. ·{10,12}\]$/)
    expect(formatMessage(page.rateLimitedBody, { seconds: 5 }, 'en')).toMatch(/^\[Ţŕýîñĝ åĝåîñ îñ 5 šêçöñðš\. ·{10,12}\]$/)
  })

  it('covers every key of the widget and the page', () => {
    expect(Object.keys(pseudoMessages(englishMessages))).toEqual(Object.keys(englishMessages))
    for (const value of Object.values(pseudoMessages({ ...englishMessages, ...hostedEnglish }))) {
      expect(formatMessage(value, { seconds: 2, provider: '@' }, 'en')).toMatch(/^\[[^a-z]+ ·+\]$/i)
    }
  })
})
