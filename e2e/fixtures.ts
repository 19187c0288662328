import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { test as base } from '@playwright/test'
import type { CollectionFormat } from '../src/api/models/registry'
import { signIn } from '../server/tests/helpers/sign-in'

/** A dataset minted for one test alone: tests that write never share data or depend on each other's order. */
export interface FreshDataset {
  id: string
  name: string
  /** Who owns it (and so may edit, version and request its release). */
  owner: string
}

const EXAMPLE = new URL('../server/data/examples/valid_ro_raw1.json', import.meta.url)

/** Calls the real APIs as a demo user, with a real token from the stack's login page. */
export async function apiAs(baseURL: string, username: string) {
  const { access_token } = await signIn(baseURL, username, username)
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseURL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
    return JSON.parse(text) as T
  }
  return { call }
}

/** The registry Person a demo account is linked to (the Auth API's link lookup). */
export async function personIdOf(api: Awaited<ReturnType<typeof apiAs>>, username: string): Promise<string> {
  const link = await api.call<{ success: boolean; person_id: string | null }>('GET', `/auth-api/link/user/lookup?username=${encodeURIComponent(username)}`)
  if (!link.person_id) throw new Error(`${username} is not linked to a registry Person`)
  return link.person_id
}

/** Provena's own valid example payload under a name of the test's, pointed at a demo organisation. */
export function examplePayload(name: string, organisationId: string): CollectionFormat {
  const payload = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as CollectionFormat
  payload.associations.organisation_id = organisationId
  payload.dataset_info.publisher_id = organisationId
  payload.dataset_info.name = name
  return payload
}

/** What the page's Content-Security-Policy refused, as the browser reported it. */
export interface CspViolation {
  directive: string
  blocked: string
  source: string
  page: string
}

/**
 * Every e2e test runs under the stack's real policy and fails on any violation, on any page it opened: the
 * listener goes in before the console's own scripts, and reports through a binding that survives navigation.
 */
const withCspGuard = base.extend<{ cspViolations: CspViolation[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: CspViolation[] = []
      await context.exposeBinding('__reportCspViolation', (_source, violation: CspViolation) => void violations.push(violation))
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCspViolation(v: unknown): void }).__reportCspViolation
          report({
            directive: event.effectiveDirective,
            blocked: event.blockedURI,
            source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
            page: location.href,
          })
        })
      })
      await use(violations)
      base.expect(violations, 'the Content-Security-Policy refused something').toEqual([])
    },
    { auto: true },
  ],
})

export const test = withCspGuard.extend<{ freshDataset: FreshDataset }>({
  freshDataset: async ({ baseURL }, use, testInfo) => {
    const owner = 'steward'
    const api = await apiAs(baseURL!, owner)
    const organisations = await api.call<{ items: { id: string }[] }>('POST', '/registry/registry/agent/organisation/list', { page_size: 1 })
    const name = `${testInfo.title.slice(0, 60)} ${randomUUID().slice(0, 8)}`
    const minted = await api.call<{ status: { success: boolean; details: string }; handle: string }>(
      'POST',
      '/data-store/register/mint-dataset',
      examplePayload(name, organisations.items[0].id),
    )
    if (!minted.status.success) throw new Error(`Minting the test's dataset failed: ${minted.status.details}`)
    await use({ id: minted.handle, name, owner })
  },
})

export { expect } from '@playwright/test'
