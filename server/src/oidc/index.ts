import type { FastifyInstance } from 'fastify'
import { Provider } from 'oidc-provider'
import type { Database } from '../db/database'
import { deleteExpiredPayloads } from './adapter'
import { DEVICE_CODE_TTL_SECONDS, providerConfiguration } from './config'
import { DEVICE_POLL_INTERVAL_SECONDS, enforceDevicePolling } from './device-polling'
import { loadCookieKeys, loadSigningKey, publicKeyBase64 } from './keys'
import { registerOidcRoutes } from './routes'
import { createAccessTokenVerifier, type AccessTokenClaims } from './verify'

export type { AccessTokenClaims } from './verify'
export { upsertAccount, checkPassword, type AccountInput } from './accounts'
export { CONSOLE_CLIENT_ID, DEVICE_CLIENT_ID } from './config'
export { DEVICE_POLL_INTERVAL_SECONDS } from './device-polling'

export interface OidcOptions {
  db: Database
  /** Absolute URL with the realm path, e.g. http://localhost:8080/auth/realms/provena. */
  issuer: string
  /** Origins the console is served from; each gets `<origin>/auth/callback` as a redirect URI. */
  consoleOrigins: string[]
  /** The `aud` of every access token, e.g. http://localhost:8080/apis. */
  audience: string
  /** Access-token lifetime; 300 unless set. */
  accessTokenTtlSeconds: number
  /** The device flow's polling interval in whole seconds; Keycloak's 5 unless set (tests shorten it). */
  deviceCodePollIntervalSeconds?: number
}

export interface Oidc {
  /** Mounts the provider, the sign-in pages and the realm document under the issuer's path. */
  register(app: FastifyInstance): Promise<void>
  /** Verifies an API access token; throws on any failure. */
  verifyAccessToken(token: string): Promise<AccessTokenClaims>
  /** Stops the clean-up timer. */
  close(): Promise<void>
}

const CLEANUP_INTERVAL_MS = 10 * 60 * 1000

/** A local OpenID Connect provider on Keycloak's paths, its state and keys kept in the database. */
export async function createOidc(options: OidcOptions): Promise<Oidc> {
  const { db, audience } = options
  const issuer = options.issuer.replace(/\/+$/, '')
  const basePath = new URL(issuer).pathname.replace(/\/+$/, '')
  const signingKey = await loadSigningKey(db)
  const cookieKeys = await loadCookieKeys(db)

  const provider = new Provider(
    issuer,
    providerConfiguration({
      db,
      basePath,
      consoleOrigins: options.consoleOrigins.map((origin) => origin.replace(/\/+$/, '')),
      audience,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds || 300,
      signingKey,
      cookieKeys,
    }),
  )
  enforceDevicePolling(provider, options.deviceCodePollIntervalSeconds ?? DEVICE_POLL_INTERVAL_SECONDS, DEVICE_CODE_TTL_SECONDS)
  provider.on('server_error', (ctx, error) => console.error(`oidc: ${ctx.method} ${ctx.path} failed`, error))

  const realmDocument = {
    realm: basePath.split('/').pop() || 'provena',
    public_key: publicKeyBase64(signingKey),
    'token-service': `${issuer}/protocol/openid-connect`,
    'account-service': `${issuer}/account`,
    'tokens-not-before': 0,
  }

  const cleanup = setInterval(() => {
    deleteExpiredPayloads(db).catch((error) => console.warn('oidc: clean-up of expired state failed', error))
  }, CLEANUP_INTERVAL_MS)
  cleanup.unref()

  return {
    register: (app) => registerOidcRoutes(app, { provider, db, basePath, realmDocument }),
    verifyAccessToken: createAccessTokenVerifier({ signingKey, issuer, audience }),
    async close() {
      clearInterval(cleanup)
    },
  }
}
