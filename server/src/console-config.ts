import type { FastifyInstance } from 'fastify'
import { STORAGE_REGION } from './s3/presign'

/** The `/config.json` the built console reads at start-up, pointing every service at this stack. */
export interface ConsoleConfig {
  dataStoreApi: string
  registryApi: string
  authApi: string
  searchApi: string
  oidc: { authority: string; clientId: string }
  /** The stack's S3 endpoint; a real deployment leaves it out and uses AWS's regional endpoint. */
  storage: { endpoint: string; region: string }
}

export const CONSOLE_CLIENT_ID = 'datastore-console'
export const REALM_PATH = '/auth/realms/provena'

/**
 * The APIs are announced on the origin the console was loaded from (same origin, no CORS); the sign-in
 * authority is always the provider's one issuer, which tokens name and the APIs check.
 */
export function consoleConfigFor(origin: string, issuer = `${origin}${REALM_PATH}`): ConsoleConfig {
  return {
    dataStoreApi: `${origin}/data-store`,
    registryApi: `${origin}/registry`,
    authApi: `${origin}/auth-api`,
    searchApi: `${origin}/search-api`,
    oidc: { authority: issuer, clientId: CONSOLE_CLIENT_ID },
    storage: { endpoint: `${origin}/s3`, region: STORAGE_REGION },
  }
}

export interface ConsoleConfigOptions {
  /** The OpenID Connect issuer; defaults to the realm on each request's origin. */
  issuer?: string
}

/** GET /config.json, always fresh, for the built console and for Vite's dev server (through its proxy). */
export function registerConsoleConfig(app: FastifyInstance, options: ConsoleConfigOptions) {
  app.get('/config.json', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    return consoleConfigFor(`${request.protocol}://${request.host}`, options.issuer)
  })
}
