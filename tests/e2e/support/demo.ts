import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'
import type { Provider, VerifyMode } from '../../../src/core'

const NAMES: Record<Provider, string> = { facesign: 'FaceSign', faceverify: 'FaceVerify' }

/** The demo's card for one provider and mode. */
export function demoCard(page: Page, provider: Provider, mode: VerifyMode): Locator {
  return page
    .locator('section.demo-provider', { has: page.getByRole('heading', { level: 2, name: NAMES[provider], exact: true }) })
    .locator('li.demo-card', { has: page.locator('h3', { hasText: `mode="${mode}"` }) })
}

/** The VerifyButton of a card; `data-state` is its phase or the session status. */
export const verifyButton = (card: Locator): Locator => card.locator('button.vw-button')

export const dialogFlow = (page: Page): FrameLocator => page.getByRole('dialog').frameLocator('iframe')

/** The demo's callback log, newest first. */
export const eventLog = (page: Page): Locator => page.getByRole('log', { name: 'Widget callbacks' })

export async function expectButtonState(card: Locator, state: string | RegExp): Promise<void> {
  await expect(verifyButton(card)).toHaveAttribute('data-state', state)
}
