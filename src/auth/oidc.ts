import type { UserManager } from 'oidc-client-ts'
import { setTokenSource } from '@/api/http'
import { singleFlight } from './singleFlight'
import { readStoredUser, type StoredUser } from './storedUser'
import { sessionTokenSource } from './tokenSource'

let manager: Promise<UserManager> | null = null
const sessionEndedListeners = new Set<() => void>()

/** oidc-client-ts is loaded only to sign in, renew or sign out: a page load with a valid session never needs it. */
function userManager(): Promise<UserManager> {
  manager ??= import('./userManager').then(({ createUserManager }) => createUserManager())
  return manager
}

/** Called when the session cannot be renewed: the shell sends the user to sign in again. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

export async function currentUser(): Promise<StoredUser | null> {
  return readStoredUser()
}

/** One renewal with the refresh token, shared by every caller that needs it meanwhile. */
export const renewUser = singleFlight(async (): Promise<StoredUser | null> => {
  const users = await userManager()
  try {
    return await users.signinSilent()
  } catch {
    await users.removeUser()
    for (const listener of sessionEndedListeners) listener()
    return null
  }
})

export interface SignInState {
  /** The console path to return to after signing in. */
  returnTo: string
  /** A silent attempt (prompt=none) that uses the provider's existing session. */
  silent?: boolean
}

export async function signIn(returnTo: string): Promise<void> {
  await (await userManager()).signinRedirect({ state: { returnTo } satisfies SignInState })
}

/** Signs in without a form when the provider already has a session (another tab, a recent sign-in). */
export async function signInSilently(returnTo: string): Promise<void> {
  await (await userManager()).signinRedirect({ prompt: 'none', state: { returnTo, silent: true } satisfies SignInState })
}

export async function completeSignIn(): Promise<{ user: StoredUser; state: SignInState }> {
  const user = await (await userManager()).signinRedirectCallback()
  return { user, state: (user.state as SignInState | undefined) ?? { returnTo: '/' } }
}

/** Revokes the refresh token and ends the provider's session; local state is cleared whatever happens. */
export async function signOut(): Promise<void> {
  const users = await userManager()
  try {
    await users.signoutRedirect({ id_token_hint: readStoredUser()?.id_token })
  } finally {
    await users.removeUser()
  }
}

/** Hands the API module its tokens. */
export function connectApiToSession(): void {
  setTokenSource(sessionTokenSource({ readUser: () => readStoredUser(), renew: renewUser }))
}
