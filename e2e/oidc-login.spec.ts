import { createHash, randomBytes } from 'node:crypto'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoAxeViolations } from './axe'

const REALM = '/auth/realms/provena'

/** Starts an authorization-code + PKCE request for the console's client, as oidc-client-ts would. */
async function openLogin(page: Page, baseURL: string) {
  const verifier = randomBytes(32).toString('base64url')
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const url = new URL(`${baseURL}${REALM}/protocol/openid-connect/auth`)
  const params = {
    client_id: 'datastore-console',
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: `${baseURL}/auth/callback`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  }
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  await page.goto(url.toString())
  return { verifier, redirectUri: params.redirect_uri }
}

test('the local provider signs a demo account in through its login page, with PKCE', async ({ page, baseURL, request }) => {
  const { verifier, redirectUri } = await openLogin(page, baseURL!)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('Username').fill('steward')
  await page.getByLabel('Password').fill('steward')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(/\/auth\/callback\?/)
  const code = new URL(page.url()).searchParams.get('code')
  expect(code).toBeTruthy()
  const token = await request.post(`${baseURL}${REALM}/protocol/openid-connect/token`, {
    form: { grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri, client_id: 'datastore-console', code_verifier: verifier },
  })
  expect(token.status()).toBe(200)
  const { access_token } = await token.json()
  const claims = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString())
  expect(claims.preferred_username).toBe('steward')
  expect(claims.realm_access.roles).toContain('entity-registry-write')
  const check = await request.get(`${baseURL}/data-store/check-access/check-write-access`, { headers: { authorization: `Bearer ${access_token}` } })
  expect(check.status()).toBe(200)
})

test('wrong credentials say so and keep the username', async ({ page, baseURL }) => {
  await openLogin(page, baseURL!)
  await page.getByLabel('Username').fill('steward')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('Invalid username or password.')
  await expect(page.getByLabel('Username')).toHaveValue('steward')
  await expect(page.getByLabel('Password')).toHaveValue('')
})

for (const account of ['reviewer', 'admin', 'reader', 'outsider']) {
  test(`the demo account "${account}" signs in with its name as password`, async ({ page, baseURL }) => {
    await openLogin(page, baseURL!)
    await page.getByLabel('Username').fill(account)
    await page.getByLabel('Password').fill(account)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/auth\/callback\?.*code=/)
  })
}
