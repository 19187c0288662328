import { createLocalJWKSet, jwtVerify, type JWK } from 'jose'
import { publicJwk } from './keys'

/** The claims of a verified access token that the APIs use. */
export interface AccessTokenClaims {
  sub: string
  preferred_username: string
  email: string | null
  realm_access: { roles: string[] } | undefined
  exp: number
  iss: string
  aud: string | string[]
  [k: string]: unknown
}

export interface VerifierOptions {
  signingKey: JWK
  issuer: string
  audience: string
}

const CLOCK_TOLERANCE_SECONDS = 60
const REMEMBERED_TOKENS = 1000

/**
 * A verifier checking signature (against the local key, no HTTP), issuer, audience and expiry with 60 s leeway.
 * A token that passed is remembered until it expires: its claims are signed, so checking the same string
 * again can only give the same answer, except for expiry, which is checked on every call.
 */
export function createAccessTokenVerifier({ signingKey, issuer, audience }: VerifierOptions) {
  const keys = createLocalJWKSet({ keys: [publicJwk(signingKey)] })
  const verified = new Map<string, AccessTokenClaims>()
  const check = async (token: string): Promise<AccessTokenClaims> => {
    const { payload } = await jwtVerify(token, keys, {
      issuer,
      audience,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
    })
    if (typeof payload.preferred_username !== 'string') throw new Error('The token has no preferred_username.')
    const realmAccess = payload.realm_access as { roles?: unknown } | undefined
    const roles = realmAccess && Array.isArray(realmAccess.roles) ? realmAccess.roles.filter((r): r is string => typeof r === 'string') : undefined
    return {
      ...payload,
      sub: payload.sub!,
      preferred_username: payload.preferred_username,
      email: typeof payload.email === 'string' ? payload.email : null,
      realm_access: roles ? { roles } : undefined,
      exp: payload.exp!,
      iss: payload.iss!,
      aud: payload.aud!,
    }
  }
  return async function verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const known = verified.get(token)
    if (known && Math.floor(Date.now() / 1000) < known.exp + CLOCK_TOLERANCE_SECONDS) return known
    verified.delete(token)
    // Frozen, as every caller of this token gets the same object.
    const claims = deepFreeze(await check(token))
    verified.set(token, claims)
    if (verified.size > REMEMBERED_TOKENS) verified.delete(verified.keys().next().value as string)
    return claims
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
