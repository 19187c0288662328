import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoAxeViolations } from './axe'
import { signInAs } from './session'

async function chooseTheme(page: Page, option: string) {
  await page.getByRole('button', { name: /^Theme:/ }).click()
  await page.getByRole('menuitemradio', { name: option }).click()
}

/** Vuetify marks the application root with the theme it applied. */
function appliedTheme(page: Page) {
  return page.locator('.v-application').evaluate((root) => (root.classList.contains('v-theme--dark') ? 'dark' : 'light'))
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'steward')
})

test('the theme follows the operating system until the user chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/datasets')
  await expect(page.getByRole('button', { name: 'Theme: Follow the system' })).toBeVisible()
  await expect.poll(() => appliedTheme(page)).toBe('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => appliedTheme(page)).toBe('light')
})

test('the chosen theme survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/datasets')
  await chooseTheme(page, 'Dark')
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible()
  await expect.poll(() => appliedTheme(page)).toBe('dark')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible()
  await expect.poll(() => appliedTheme(page)).toBe('dark')
  await expectNoAxeViolations(page)

  await chooseTheme(page, 'Follow the system')
  await page.reload()
  await expect(page.getByRole('button', { name: 'Theme: Follow the system' })).toBeVisible()
  await expect.poll(() => appliedTheme(page)).toBe('light')
})
