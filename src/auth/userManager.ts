import { UserManager, WebStorageStateStore } from 'oidc-client-ts'
import { getConfig } from '@/config'

/** The one UserManager: code + PKCE, user kept in sessionStorage, refresh tokens revoked on sign-out. */
export function createUserManager(): UserManager {
  const { oidc } = getConfig()
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    redirect_uri: `${window.location.origin}/auth/callback`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    // Access tokens are bound to the APIs, so the userinfo endpoint does not accept them.
    loadUserInfo: false,
    // Tokens are renewed on demand (before a request, or after a 401), which also covers waking from sleep.
    automaticSilentRenew: false,
    monitorSession: false,
    revokeTokensOnSignout: true,
    revokeTokenTypes: ['refresh_token'],
    revokeTokenAdditionalContentTypes: ['text/plain'],
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  })
}
