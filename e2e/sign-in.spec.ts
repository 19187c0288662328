import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoAxeViolations } from './axe'
import { fillLoginForm, signInAs } from './session'
import { SHORT_TOKEN_PORT } from '../playwright.config'
import { refuseRenewal, tokenExpiresIn } from './faults'

const accountButton = (page: Page) => page.getByRole('button', { name: /^Account: / })

test('a steward signs in from a deep link and lands on the page asked for, named in the app bar', async ({ page }) => {
  await page.goto('/approvals')
  await expect(page).toHaveURL(/\/signin\?.*redirect=(%2F|\/)approvals/)
  await expect(page).toHaveURL(/silent=failed/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await fillLoginForm(page, 'steward')
  await expect(page).toHaveURL(/\/approvals$/)
  await expect(page.getByRole('button', { name: 'Account: Sam Steward' })).toBeVisible()
  await page.getByRole('button', { name: 'Account: Sam Steward' }).click()
  await expect(page.getByText('Registry person: Sam Steward')).toBeVisible()
})

test('reloading the callback page does not break the session', async ({ page }) => {
  await page.goto('/datasets')
  await expect(page).toHaveURL(/silent=failed/)
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  const callback = page.waitForURL(/\/auth\/callback\?/)
  await fillLoginForm(page, 'steward')
  await callback
  const callbackUrl = page.url()
  await expect(accountButton(page)).toBeVisible()
  await page.goto(callbackUrl)
  await expect(page).toHaveURL(/\/datasets$/)
  await expect(accountButton(page)).toBeVisible()
})

test('signing out ends the session in the provider too, without the provider asking again', async ({ page }) => {
  await signInAs(page, 'steward')
  const visited: string[] = []
  const providerQuestions: number[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url())
  })
  // A page that stays up long enough to load is checked; the provider's question would stay up for good.
  page.on('load', () => {
    void page
      .getByRole('heading', { level: 1, name: 'Sign out', exact: true })
      .count()
      .then((count) => providerQuestions.push(count), () => {})
  })
  await accountButton(page).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  // Nothing is clicked on the provider: it trusts the console's ID token, as Keycloak does.
  await expect(page).toHaveURL(/silent=failed/, { timeout: 30_000 })
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect(accountButton(page)).toHaveCount(0)
  expect(visited.some((url) => new URL(url).pathname.endsWith('/protocol/openid-connect/logout'))).toBe(true)
  expect(providerQuestions.filter((count) => count > 0)).toEqual([])
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await expect(page.getByLabel('Password')).toBeVisible()
})

test('a reader is refused a write page with a page that names the missing role', async ({ page }) => {
  await signInAs(page, 'reader')
  await page.goto('/register')
  await expect(page.getByRole('heading', { level: 1, name: 'More access needed' })).toBeVisible()
  await expect(page.getByText('write access to the data store (entity-registry-write)')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a second tab is signed in by the provider session, and both stay signed in', async ({ page, context }) => {
  await signInAs(page, 'steward')
  const second = await context.newPage()
  await second.goto('/reviewers')
  await expect(second).toHaveURL(/\/reviewers$/)
  await expect(accountButton(second)).toBeVisible()
  await expect(second.getByLabel('Password')).toHaveCount(0)
  await page.reload()
  await expect(accountButton(page)).toBeVisible()
})

test('a failed renewal returns to sign-in, then to the same page', async ({ page }) => {
  await signInAs(page, 'steward', '/approvals')
  // The page's own reads (the requests list, names) must be done first: one still in flight when the token is
  // made to look expired would renew it (or end the session) before the reload this test is about.
  await page.waitForLoadState('networkidle')
  // Fault injection: the stored access token is made to look expired and the provider refuses the refresh token.
  await tokenExpiresIn(page, -5)
  await refuseRenewal(page)
  await page.reload()
  await expect(page.getByText('Your session ended. Sign in again to continue where you left off.')).toBeVisible()
  await page.unroute('**/protocol/openid-connect/token')
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await expect(page).toHaveURL(/\/approvals$/)
  await expect(accountButton(page)).toBeVisible()
})

test('with 60-second access tokens the console keeps working past expiry without signing in again', async ({ page }) => {
  test.setTimeout(150_000)
  const origin = `http://localhost:${SHORT_TOKEN_PORT}`
  await signInAs(page, 'steward', `${origin}/datasets`)
  const storedExpiry = () =>
    page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))
      return key ? (JSON.parse(sessionStorage.getItem(key)!).expires_at as number) : null
    })
  const firstExpiry = await storedExpiry()
  expect(firstExpiry! - Date.now() / 1000).toBeLessThanOrEqual(60)
  // Past the token's lifetime, and past the APIs' 60 s leeway too.
  await page.waitForTimeout(75_000)
  await page.goto(`${origin}/approvals`)
  await expect(page).toHaveURL(`${origin}/approvals`)
  await accountButton(page).click()
  await expect(page.getByText('Registry person: Sam Steward')).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveCount(0)
  const renewedExpiry = await storedExpiry()
  expect(renewedExpiry).toBeGreaterThan(firstExpiry! + 60)
})
