import { errors, type Configuration, type KoaContextWithOIDC, type Grant } from 'oidc-provider'
import type { JWK } from 'jose'
import type { Queryable } from '../db/database'
import { findAccountRecord } from './accounts'
import { DatabaseAdapter } from './adapter'
import * as sources from './sources'

export const CONSOLE_CLIENT_ID = 'datastore-console'
export const DEVICE_CLIENT_ID = 'automated-access'
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const OIDC = '/protocol/openid-connect'
/** Keycloak's endpoint paths, relative to the issuer. */
export const ROUTES = {
  authorization: `${OIDC}/auth`,
  token: `${OIDC}/token`,
  jwks: `${OIDC}/certs`,
  end_session: `${OIDC}/logout`,
  revocation: `${OIDC}/revoke`,
  userinfo: `${OIDC}/userinfo`,
  device_authorization: `${OIDC}/auth/device`,
  code_verification: '/device',
  introspection: `${OIDC}/token/introspect`,
  pushed_authorization_request: `${OIDC}/ext/par/request`,
}
/** The OIDC scopes first-party clients get without a consent screen; the API audience is granted the same names. */
export const FIRST_PARTY_SCOPES = 'openid profile email roles'
const KNOWN_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'roles']
const HOURS_8 = 8 * 60 * 60
/** How long a device code can wait for its user (Keycloak's default lifespan is 600 s too). */
export const DEVICE_CODE_TTL_SECONDS = 600

export interface ProviderSettings {
  db: Queryable
  basePath: string
  consoleOrigins: string[]
  audience: string
  accessTokenTtlSeconds: number
  signingKey: JWK
  cookieKeys: string[]
}

/** Public clients may only see or revoke their own tokens (oidc-provider's default rule, without its warning). */
const ownTokenOnly = async (_ctx: KoaContextWithOIDC, client: { clientId: string }, token: { clientId?: string }) => token.clientId === client.clientId

export function providerConfiguration(s: ProviderSettings): Configuration {
  const accessTtl = s.accessTokenTtlSeconds
  const { db, audience } = s

  async function autoGrant(ctx: KoaContextWithOIDC): Promise<Grant> {
    const { oidc } = ctx
    const clientId = oidc.client!.clientId
    const accountId = oidc.account?.accountId ?? oidc.session!.accountId!
    const grantId = (oidc.result?.consent as { grantId?: string } | undefined)?.grantId || oidc.session?.grantIdFor(clientId)
    let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined
    if (grant && (grant.accountId !== accountId || grant.clientId !== clientId)) grant = undefined
    grant ??= new oidc.provider.Grant({ clientId, accountId })
    grant.addOIDCScope(FIRST_PARTY_SCOPES)
    grant.addResourceScope(audience, FIRST_PARTY_SCOPES)
    await grant.save()
    return grant
  }

  return {
    adapter: (name: string) => new DatabaseAdapter(db, name),
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_name: 'Provena Datastore Console',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: s.consoleOrigins.map((origin) => `${origin}/auth/callback`),
        post_logout_redirect_uris: s.consoleOrigins.map((origin) => `${origin}/`),
      },
      {
        client_id: DEVICE_CLIENT_ID,
        client_name: 'Provena client tools',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: [DEVICE_GRANT, 'refresh_token'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [s.signingKey as never] },
    cookies: { keys: s.cookieKeys },
    routes: ROUTES,
    responseTypes: ['code'],
    scopes: KNOWN_SCOPES,
    claims: {
      openid: ['sub', 'preferred_username', 'realm_access'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      roles: ['realm_access'],
    },
    conformIdTokenClaims: false,
    // Keycloak grants its default scopes when a request names none (the Python client's device flow sends
    // `scopes=` instead of `scope`); oidc-provider would refuse such a request, so default it here, after its checks.
    extraParams: {
      scopes: (ctx, value) => {
        if (ctx.oidc.params?.scope) return
        const requested = typeof value === 'string' ? value.split(' ').filter((scope) => KNOWN_SCOPES.includes(scope)) : []
        ctx.oidc.params!.scope = requested.length ? requested.join(' ') : FIRST_PARTY_SCOPES
      },
    },
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => URL.parse(uri)?.origin === origin) ?? false,

    async findAccount(_ctx, sub) {
      const account = await findAccountRecord(db, sub)
      if (!account) return undefined
      return {
        accountId: account.username,
        claims: () => ({
          sub: account.username,
          preferred_username: account.username,
          name: account.name,
          email: account.email,
          email_verified: true,
          realm_access: { roles: account.roles },
        }),
      }
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined
      const account = await findAccountRecord(db, token.accountId)
      if (!account) return undefined
      return {
        azp: token.clientId,
        preferred_username: account.username,
        name: account.name,
        email: account.email,
        realm_access: { roles: account.roles },
      }
    },
    // Session-bound refresh tokens without offline_access (public clients rotate them on every use).
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (code.scopes.has('openid') || code.kind === 'DeviceCode'),
    loadExistingGrant: autoGrant,
    interactions: { url: (_ctx, interaction) => `${s.basePath}/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? accessTtl,
      AuthorizationCode: 60,
      ClientCredentials: accessTtl,
      DeviceCode: DEVICE_CODE_TTL_SECONDS,
      IdToken: accessTtl,
      Interaction: 60 * 60,
      RefreshToken: HOURS_8,
      Session: HOURS_8,
      Grant: HOURS_8,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: ownTokenOnly },
      introspection: { enabled: true, allowedPolicy: ownTokenOnly },
      rpInitiatedLogout: { enabled: true, logoutSource: sources.logoutSource, postLogoutSuccessSource: sources.postLogoutSuccessSource },
      deviceFlow: {
        enabled: true,
        userCodeInputSource: sources.userCodeInputSource,
        userCodeConfirmSource: sources.userCodeConfirmSource,
        successSource: sources.successSource,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== audience) throw new errors.InvalidTarget()
          return { scope: FIRST_PARTY_SCOPES, audience, accessTokenTTL: accessTtl, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }
        },
      },
    },
    renderError: sources.renderError,
  }
}
