import { createPublicKey, randomBytes } from 'node:crypto'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import type { Queryable } from '../db/database'

export const SIGNING_KEY_SECRET = 'oidc-signing-key'
export const COOKIE_KEYS_SECRET = 'oidc-cookie-keys'

/** Reads a secret, creating it first when absent; concurrent first starts agree on one value. */
async function loadOrCreate<T>(db: Queryable, name: string, create: () => Promise<T>): Promise<T> {
  const existing = await db.query<{ value: T }>('SELECT value FROM secrets WHERE name = $1', [name])
  if (existing.rows[0]) return existing.rows[0].value
  const value = await create()
  await db.query('INSERT INTO secrets (name, value) VALUES ($1, $2::jsonb) ON CONFLICT (name) DO NOTHING', [
    name,
    JSON.stringify(value),
  ])
  const stored = await db.query<{ value: T }>('SELECT value FROM secrets WHERE name = $1', [name])
  return stored.rows[0].value
}

/** The provider's RS256 signing key as a private JWK (with kid, alg and use), generated once and kept. */
export function loadSigningKey(db: Queryable): Promise<JWK> {
  return loadOrCreate(db, SIGNING_KEY_SECRET, async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    const jwk = await exportJWK(privateKey)
    return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }
  })
}

/** Secrets that sign the provider's cookies, generated once and kept. */
export function loadCookieKeys(db: Queryable): Promise<string[]> {
  return loadOrCreate(db, COOKIE_KEYS_SECRET, async () => [randomBytes(32).toString('base64url')])
}

/** The public half of a private RSA JWK. */
export function publicJwk(privateJwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = privateJwk
  return { kty, n, e, kid, alg, use }
}

/** Base64 DER SubjectPublicKeyInfo, as Keycloak's realm document carries it in `public_key`. */
export function publicKeyBase64(privateJwk: JWK): string {
  const { kty, n, e } = privateJwk
  return createPublicKey({ key: { kty, n, e } as never, format: 'jwk' }).export({ type: 'spki', format: 'der' }).toString('base64')
}
