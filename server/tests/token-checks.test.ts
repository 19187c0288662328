import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeJwt, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose'
import { loadSigningKey } from '../src/oidc/keys'
import { startTestStack, type TestStack } from './helpers/stack'

/**
 * Every route that refuses an anonymous caller refuses each kind of bad token the same way: wrong issuer,
 * wrong audience, expired, a token for another client, a bad signature, `alg: none`. The bad tokens are
 * the real steward's token changed in one respect and signed again with the provider's own key, so only
 * that respect can be why it is refused. Routes come from the stack's own OpenAPI document, so a route
 * added later is checked without this file changing.
 */
let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

async function badTokens(): Promise<Record<string, string>> {
  const real = await t.tokenFor('steward')
  const claims = decodeJwt(real)
  const jwk = await loadSigningKey(t.stack.db)
  const key = await importJWK(jwk, 'RS256')
  const now = Math.floor(Date.now() / 1000)
  const signed = (changed: JWTPayload) => new SignJWT({ ...claims, ...changed }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: jwk.kid }).sign(key)
  const { privateKey: strangerKey } = await generateKeyPair('RS256')
  const [header, payload] = real.split('.')
  return {
    'wrong issuer': await signed({ iss: 'https://auth.example.org/realms/provena' }),
    'wrong audience': await signed({ aud: 'https://other-api.example.org' }),
    // Past the verifier's 60 s leeway.
    expired: await signed({ iat: now - 3600, exp: now - 120 }),
    'another client': await signed({ aud: 'another-client', azp: 'another-client' }),
    'bad signature': await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: jwk.kid }).sign(strangerKey),
    'alg none': `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`,
    'altered claims': `${header}.${Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['entity-registry-admin', 'sys-admin-admin'] } })).toString('base64url')}.${real.split('.')[2]}`,
  }
}

/** Every documented operation, its path parameters filled in. */
async function routes(): Promise<{ method: string; path: string }[]> {
  const document = t.stack.app.swagger() as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'x') })),
  )
}

describe('token checks on every route', () => {
  it('refuses each bad token wherever an anonymous caller is refused, and lets the real one through', async () => {
    const tokens = await badTokens()
    const real = await t.tokenFor('steward')
    const guarded: string[] = []
    for (const { method, path } of await routes()) {
      if ((await t.call(method, path, { token: null })).status !== 401) continue
      guarded.push(`${method} ${path}`)
      for (const [kind, token] of Object.entries(tokens)) {
        const refused = await t.call(method, path, { token })
        expect(refused.status, `${kind} on ${method} ${path}`).toBe(401)
        expect(refused.body, `${kind} on ${method} ${path}`).toEqual({ detail: 'Could not validate credentials' })
      }
      // The real token gets past authentication (its role may still be refused, with a different message).
      const accepted = await t.call(method, path, { token: real })
      expect(accepted.body, `real token on ${method} ${path}`).not.toEqual({ detail: 'Could not validate credentials' })
    }
    // 37 today across the data store, registry, search and auth APIs: a floor, so a document that lost routes cannot pass.
    expect(guarded.length, guarded.join('\n')).toBeGreaterThanOrEqual(37)
  })
})
