import { expect, test } from './fixtures'
import { expectNoAxeViolations } from './axe'

// These tests inject faults on purpose: page.route replaces the server's config.json.

test('a missing config.json explains itself instead of a blank page', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }))
  await page.goto('/datasets')
  await expect(page.getByRole('heading', { level: 1, name: 'Provena Datastore Console cannot start' })).toBeVisible()
  await expect(page.getByText('The server answered 404')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a config.json that is not JSON says so', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"dataStoreApi": "http://x",' }),
  )
  await page.goto('/')
  await expect(page.getByText('It is not valid JSON.')).toBeVisible()
})

test('each wrong setting is named with what it must be', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const real = await (await route.fetch()).json()
    delete real.oidc.clientId
    real.searchApi = 'search.example.org'
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(real) })
  })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: /cannot start/ })).toBeVisible()
  await expect(page.getByText('"searchApi" must be an absolute http(s) URL, but is "search.example.org".')).toBeVisible()
  await expect(page.getByText('"oidc.clientId" must be the non-empty id')).toBeVisible()
  await expect(page).toHaveTitle(/Configuration problem/)
})
