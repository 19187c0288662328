import { expectNoAxeViolations } from './axe'
import { expect, test } from './fixtures'
import { signInAs } from './session'

test('the profile shows the account, its roles in words, the registry Person and the session; the token is copied only after a warning', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAs(page, 'steward')
  await page.getByRole('button', { name: /^Account: / }).click()
  await page.getByRole('link', { name: 'Profile' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Steward' })).toBeVisible()
  await expect(page.getByText('steward@example.org')).toBeVisible()
  await expect(page.getByText(/^Sam Steward \(10378\.1\/\d+\)$/)).toBeVisible()
  await expect(page.getByRole('list', { name: 'Allowed', exact: true })).toContainText('Register datasets, and change the ones your dataset roles allow')
  const withheld = page.getByRole('list', { name: 'Not allowed' })
  await expect(withheld).toContainText('Add dataset reviewers')
  await expect(withheld).toContainText('Needs sys-admin-read, sys-admin-write')
  await expect(page.getByText('entity-registry-write — Data store and registry: write')).toBeVisible()
  await expect(page.getByText(/Your access token expires at .+ \(in about \d+ min\)/)).toBeVisible()
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Copy access token…' }).click()
  const warning = page.getByRole('dialog', { name: 'Copy your access token?' })
  await expect(warning).toContainText('Anyone who has this token can act as you')
  await expectNoAxeViolations(page)
  await warning.getByRole('button', { name: 'Copy the token' }).click()
  await expect(page.getByText(/Copied your access token/)).toBeVisible()
  // The copied token is the real one: the data store accepts it.
  const token = await page.evaluate(() => navigator.clipboard.readText())
  const check = await fetch(`${baseURL}/data-store/check-access/check-write-access`, { headers: { authorization: `Bearer ${token}` } })
  expect(check.status).toBe(200)
  expect(((await check.json()) as { username: string }).username).toBe('steward')
})

test('an outsider without data store roles can open the profile and learn what is missing', async ({ page }) => {
  await signInAs(page, 'outsider', '/profile')
  await expect(page.getByRole('heading', { level: 1, name: 'Olly Outsider' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Not allowed' })).toContainText('Needs entity-registry-read')
  await expect(page.getByText('None the data store uses.')).toBeVisible()
})
