import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts'
import { getConfig } from '@/config'
import { setTokenSource } from '@/api/http'
import { singleFlight } from './singleFlight'

/** Renew this many seconds before the access token expires, so a request never leaves with a dying token. */
const RENEW_MARGIN_SECONDS = 10

let manager: UserManager | null = null
const sessionEndedListeners = new Set<() => void>()

/** The one UserManager: code + PKCE, user kept in sessionStorage, refresh tokens revoked on sign-out. */
export function userManager(): UserManager {
  if (!manager) {
    const { oidc } = getConfig()
    manager = new UserManager({
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
  return manager
}

/** Called when the session cannot be renewed: the shell sends the user to sign in again. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

export function currentUser(): Promise<User | null> {
  return userManager().getUser()
}

/** One renewal with the refresh token, shared by every caller that needs it meanwhile. */
export const renewUser = singleFlight(async (): Promise<User | null> => {
  const users = userManager()
  try {
    return await users.signinSilent()
  } catch {
    await users.removeUser()
    for (const listener of sessionEndedListeners) listener()
    return null
  }
})

export async function accessToken(): Promise<string | null> {
  const user = await currentUser()
  if (!user) return null
  if ((user.expires_in ?? 0) > RENEW_MARGIN_SECONDS) return user.access_token
  return (await renewUser())?.access_token ?? null
}

export interface SignInState {
  /** The console path to return to after signing in. */
  returnTo: string
  /** A silent attempt (prompt=none) that uses the provider's existing session. */
  silent?: boolean
}

export function signIn(returnTo: string): Promise<void> {
  return userManager().signinRedirect({ state: { returnTo } satisfies SignInState })
}

/** Signs in without a form when the provider already has a session (another tab, a recent sign-in). */
export function signInSilently(returnTo: string): Promise<void> {
  return userManager().signinRedirect({ prompt: 'none', state: { returnTo, silent: true } satisfies SignInState })
}

export async function completeSignIn(): Promise<{ user: User; state: SignInState }> {
  const user = await userManager().signinRedirectCallback()
  return { user, state: (user.state as SignInState | undefined) ?? { returnTo: '/' } }
}

/** Revokes the refresh token and ends the provider's session; local state is cleared whatever happens. */
export async function signOut(): Promise<void> {
  const users = userManager()
  const user = await users.getUser()
  try {
    await users.signoutRedirect({ id_token_hint: user?.id_token })
  } finally {
    await users.removeUser()
  }
}

/** Hands the API module its tokens. */
export function connectApiToSession(): void {
  setTokenSource({
    getAccessToken: accessToken,
    renewAccessToken: async () => (await renewUser())?.access_token ?? null,
  })
}
