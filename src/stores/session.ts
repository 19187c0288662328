import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { lookupUserLink } from '@/api/authApi'
import { fetchPerson } from '@/api/registry'
import { listDatasetReviewers } from '@/api/review'
import { toApiError, type ApiError } from '@/api/errors'
import { claimsOf, type SessionClaims } from '@/auth/claims'
import { currentUser } from '@/auth/oidc'
import { secondsLeft } from '@/auth/storedUser'
import type { AsyncStatus } from './status'

const ER_READ = 'entity-registry-read'
const ER_WRITE = 'entity-registry-write'
const ER_ADMIN = 'entity-registry-admin'
const SYS_ADMIN = ['sys-admin-read', 'sys-admin-write', 'sys-admin-admin']

/** Who is signed in and what they may do. Holds claims only: tokens stay in oidc-client-ts's storage. */
export const useSessionStore = defineStore('session', () => {
  const claims = ref<SessionClaims | null>(null)
  const personId = ref<string | null>(null)
  const personName = ref<string | null>(null)
  const reviewerIds = ref<string[]>([])
  const status = ref<AsyncStatus>('idle')
  const error = ref<ApiError | null>(null)
  /** Set when the session could not be renewed, so sign-in can say why the user is there. */
  const ended = ref(false)

  const roles = computed(() => claims.value?.roles ?? [])
  const has = (...wanted: string[]) => wanted.every((role) => roles.value.includes(role))
  const isAuthenticated = computed(() => claims.value !== null)
  const canRead = computed(() => has(ER_READ))
  const canWrite = computed(() => has(ER_READ, ER_WRITE))
  const isRegistryAdmin = computed(() => has(ER_READ, ER_WRITE, ER_ADMIN))
  const isSysAdmin = computed(() => has(...SYS_ADMIN))
  const isReviewer = computed(() => personId.value !== null && reviewerIds.value.includes(personId.value))

  /** Reads the signed-in user, then who they are in the registry. A failed look-up leaves the user signed in. */
  async function load() {
    status.value = 'loading'
    error.value = null
    const user = await currentUser()
    // An expired access token with a refresh token is still a session: it renews on the next request.
    claims.value = user && (secondsLeft(user) > 0 || user.refresh_token) ? claimsOf(user) : null
    if (!claims.value) {
      personId.value = null
      status.value = 'success'
      return
    }
    personName.value = null
    try {
      const link = await lookupUserLink(claims.value.username)
      personId.value = link.success ? (link.person_id ?? null) : null
      if (personId.value) personName.value = (await fetchPerson(personId.value)).item?.display_name ?? null
      reviewerIds.value = canWrite.value ? await listDatasetReviewers() : []
      status.value = 'success'
    } catch (caught) {
      error.value = toApiError(caught)
      status.value = 'error'
    }
  }

  /** Loads once; later calls reuse what is known. */
  async function ensureLoaded() {
    if (status.value === 'idle') await load()
  }

  /** The session could not be renewed: forget it and remember why. */
  function end() {
    clear()
    ended.value = true
  }

  function clear() {
    ended.value = false
    claims.value = null
    personId.value = null
    personName.value = null
    reviewerIds.value = []
    status.value = 'idle'
    error.value = null
  }

  return {
    claims,
    personId,
    personName,
    status,
    error,
    ended,
    roles,
    isAuthenticated,
    canRead,
    canWrite,
    isRegistryAdmin,
    isSysAdmin,
    isReviewer,
    load,
    ensureLoaded,
    end,
    clear,
  }
})
