import { expect, test } from '@playwright/test'

test('the built hosted page renders its verification view', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('#root')).not.toBeEmpty()
  expect(errors).toEqual([])
})
