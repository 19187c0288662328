import { expect, type Page } from '@playwright/test'

/** Signs in through the console's sign-in page and the provider's real login form. */
export async function signInAs(page: Page, username: string, start = '/datasets') {
  await page.goto(start)
  // The sign-in page first tries the provider's session silently; a fresh browser has none.
  await expect(page).toHaveURL(/\/signin\?.*silent=failed/)
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await fillLoginForm(page, username)
  await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible()
  await expect(page).not.toHaveURL(/\/auth\/callback/)
}

/** The provider's login form; the demo accounts' passwords are their names. */
export async function fillLoginForm(page: Page, username: string, password = username) {
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}
