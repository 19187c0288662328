import { signOut } from '@/auth/oidc'
import { removeDraftsOf } from '@/metadata/drafts'
import { removeReasonDraftsOf } from '@/stores/dialogs'
import { useNotifyStore } from '@/stores/notify'
import { useSessionStore } from '@/stores/session'
import { forgetStorageCredentials } from '@/stores/storageCredentialCache'

/** Signing out on purpose, from the account menu or from a page that can do nothing else for the user. */
export function useSignOut() {
  const session = useSessionStore()
  const notify = useNotifyStore()

  return async function leave() {
    // Signing out on purpose leaves none of this user's unsaved work on a shared machine (an expired session keeps it).
    if (session.claims) {
      removeDraftsOf(session.claims.username)
      removeReasonDraftsOf(session.claims.username)
    }
    forgetStorageCredentials()
    try {
      await signOut()
    } catch {
      // The provider could not be reached; local state is cleared all the same.
      notify.notify('You are signed out of this console. The sign-in service could not be told.', 'warning')
    } finally {
      session.clear()
    }
  }
}
