import { expect, type BrowserContext, type Page } from '@playwright/test'

/**
 * Fault injection shared by the fault suites: each fault is the same for every flow, and each flow says how
 * its user submits, what their input is and how many writes the server holds. A clear message must appear
 * within this long of the fault reaching the user.
 */
export const MESSAGE_WITHIN_MS = 2_000

/** Makes the stored access token look as if it expires in `seconds` (negative: already expired). */
export async function tokenExpiresIn(page: Page, seconds: number) {
  await page.evaluate((left) => {
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))) {
      const user = JSON.parse(sessionStorage.getItem(key)!)
      user.expires_at = Math.floor(Date.now() / 1000) + left
      sessionStorage.setItem(key, JSON.stringify(user))
    }
  }, seconds)
}

/** The provider refuses the refresh token, as it does once the session is over. */
export async function refuseRenewal(page: Page) {
  await page.route('**/protocol/openid-connect/token', (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'invalid_grant', error_description: 'Session not active' }) }),
  )
}

/** Answers the next matching request with this status and body, as the data store would. */
export async function failOnce(page: Page, url: string, status: number, detail: string) {
  await page.route(url, (route) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ detail }) }), { times: 1 })
}

/** The next matching request is held and never answered. */
export async function hang(page: Page, url: string) {
  await page.route(url, () => undefined, { times: 1 })
}

/** Drops the next matching request's connection. */
export async function resetOnce(page: Page, url: string) {
  await page.route(url, (route) => route.abort('connectionreset'), { times: 1 })
}

/** Counts the requests the page sends to a URL from now on. */
export function countRequests(page: Page, part: string): () => number {
  let count = 0
  page.on('request', (request) => request.url().includes(part) && count++)
  return () => count
}

/** Closes the tab and opens the same address in a new one: the provider's session signs it in again. */
export async function closeAndReopen(page: Page, context: BrowserContext): Promise<Page> {
  const url = page.url()
  await page.close()
  const next = await context.newPage()
  await next.goto(url)
  await expect(next.getByRole('button', { name: /^Account: / })).toBeVisible()
  return next
}
