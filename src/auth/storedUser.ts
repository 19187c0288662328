import { getConfig } from '@/config'

/** The user as oidc-client-ts stores it (User.toStorageString); read here so a page load needs no OIDC library. */
export interface StoredUser {
  access_token: string
  refresh_token?: string
  id_token?: string
  /** Unix seconds. */
  expires_at?: number
  profile: Record<string, unknown>
}

/** oidc-client-ts's key: its WebStorageStateStore prefix "oidc." and the UserManager's "user:<authority>:<client_id>". */
export function storedUserKey(): string {
  const { oidc } = getConfig()
  return `oidc.user:${oidc.authority}:${oidc.clientId}`
}

export function readStoredUser(storage: Storage = window.sessionStorage): StoredUser | null {
  try {
    const raw = storage.getItem(storedUserKey())
    const user = raw ? (JSON.parse(raw) as StoredUser) : null
    return user && typeof user.access_token === 'string' ? user : null
  } catch {
    return null
  }
}

/** Seconds until the access token expires (negative once it has). */
export function secondsLeft(user: StoredUser, now = Date.now() / 1000): number {
  return (user.expires_at ?? 0) - now
}
