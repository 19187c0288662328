import { expect, test } from './fixtures'
import { expectNoAxeViolations } from './axe'
import { signInAs } from './session'

const NAV = [
  { name: 'Datasets', path: '/datasets' },
  { name: 'Approvals', path: '/approvals' },
  { name: 'Reviewers', path: '/reviewers' },
  { name: 'Register dataset', path: '/datasets/new' },
]

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'steward')
})

test('the shell renders the app bar, the navigation and the first page', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/datasets$/)
  await expect(page.getByRole('banner').getByRole('link', { name: 'Provena Datastore Console' })).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  for (const entry of NAV) await expect(nav.getByRole('link', { name: entry.name })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible()
  await expect(page).toHaveTitle('Datasets · Provena Datastore Console')
})

for (const entry of NAV) {
  test(`"${entry.name}" is reachable and opens by keyboard`, async ({ page }) => {
    await page.goto('/not-a-start-page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    const link = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: entry.name })
    let reached = false
    for (let presses = 0; presses < 20 && !reached; presses++) {
      await page.keyboard.press('Tab')
      reached = await link.evaluate((element) => element === document.activeElement)
    }
    expect(reached, `Tab never reached the "${entry.name}" link`).toBe(true)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`${entry.path}$`))
    await expect(page.getByRole('heading', { level: 1, name: entry.name })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: entry.name })).toBeFocused()
  })
}

test('the skip link moves focus past the navigation to the content', async ({ page }) => {
  await page.goto('/datasets')
  await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

test('an unknown address shows the not-found page with a way back', async ({ page }) => {
  await page.goto('/no/such/page?x=1')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page.getByText('/no/such/page?x=1')).toBeVisible()
  await page.getByRole('link', { name: 'Go to datasets' }).click()
  await expect(page).toHaveURL(/\/datasets$/)
})

test('the drawer can be hidden and shown from the app bar', async ({ page }) => {
  await page.goto('/datasets')
  const nav = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(nav).toBeInViewport()
  await page.getByRole('button', { name: 'Hide navigation' }).click()
  await expect(nav).not.toBeInViewport()
  await page.getByRole('button', { name: 'Show navigation' }).click()
  await expect(nav).toBeInViewport()
})

test('the shell and the not-found page have no axe violations', async ({ page }) => {
  await page.goto('/datasets')
  await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.goto('/missing')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expectNoAxeViolations(page)
})
