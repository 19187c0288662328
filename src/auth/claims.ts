import type { StoredUser } from './storedUser'

/** What the console shows and decides with; never the tokens themselves. */
export interface SessionClaims {
  username: string
  name: string
  email: string | null
  /** Realm roles from the access token's realm_access.roles. */
  roles: string[]
  /** Unix seconds when the access token expires. */
  expiresAt: number | null
}

/** The payload of a JWT, without checking it: the APIs check tokens; the console only reads its own roles. */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1]
  if (!part) return {}
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)))
    const payload: unknown = JSON.parse(json)
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export function claimsOf(user: StoredUser): SessionClaims {
  const access = jwtPayload(user.access_token)
  const realmAccess = access.realm_access as { roles?: unknown } | undefined
  const roles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.filter((r): r is string => typeof r === 'string') : []
  const profile = user.profile
  const username = String(profile.preferred_username ?? access.preferred_username ?? profile.sub)
  return {
    username,
    name: String(profile.name ?? username),
    email: typeof profile.email === 'string' ? profile.email : typeof access.email === 'string' ? access.email : null,
    roles,
    expiresAt: user.expires_at ?? null,
  }
}
