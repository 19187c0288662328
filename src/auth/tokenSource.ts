import type { RenewalOutcome, TokenSource } from '@/api/http'
import { secondsLeft, type StoredUser } from './storedUser'

/** Renew this many seconds before the access token expires, so a request never leaves with a dying token. */
export const RENEW_MARGIN_SECONDS = 10
/**
 * The APIs accept a token up to this long past its expiry (clock-skew leeway): a token further from expiry
 * than this cannot have been refused for its age, so its 401 is Provena's "no access" and renewing would
 * only spend a refresh-token grant.
 */
export const CLOCK_SKEW_LEEWAY_SECONDS = 60

export interface SessionParts {
  /** The user as stored now, or null when signed out. */
  readUser(): StoredUser | null
  /** One renewal shared by concurrent callers (single flight); null when the session has ended. */
  renew(): Promise<StoredUser | null>
  /** Unix seconds. */
  now?(): number
}

/** The API module's tokens from the signed-in session: renewed before expiry, and after a 401 only when age could explain it. */
export function sessionTokenSource({ readUser, renew, now = () => Date.now() / 1000 }: SessionParts): TokenSource {
  return {
    async getAccessToken() {
      const user = readUser()
      if (!user) return null
      if (secondsLeft(user, now()) > RENEW_MARGIN_SECONDS) return user.access_token
      return (await renew())?.access_token ?? null
    },
    async renewRejectedToken(rejected): Promise<RenewalOutcome> {
      const user = readUser()
      if (!user) return { kind: 'ended' }
      // Another request renewed while this one was out: replay with its token, no second renewal.
      if (user.access_token !== rejected) return { kind: 'renewed', token: user.access_token }
      if (secondsLeft(user, now()) > CLOCK_SKEW_LEEWAY_SECONDS) return { kind: 'still-valid' }
      const renewed = await renew()
      return renewed ? { kind: 'renewed', token: renewed.access_token } : { kind: 'ended' }
    },
  }
}
