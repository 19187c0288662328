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

/** A verifier checking signature (against the local key, no HTTP), issuer, audience and expiry with 60 s leeway. */
export function createAccessTokenVerifier({ signingKey, issuer, audience }: VerifierOptions) {
  const keys = createLocalJWKSet({ keys: [publicJwk(signingKey)] })
  return async function verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const { payload } = await jwtVerify(token, keys, {
      issuer,
      audience,
      algorithms: ['RS256'],
      clockTolerance: 60,
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
}
