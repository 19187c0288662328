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
  /** Reading the claims from the stored session. */
  const status = ref<AsyncStatus>('idle')
  const error = ref<ApiError | null>(null)
  /** Looking up the registry Person and the reviewer list, separately: navigation never waits for it. */
  const identityStatus = ref<AsyncStatus>('idle')
  const identityError = ref<ApiError | null>(null)
  let identity: Promise<void> = Promise.resolve()
  /** Bumped by each look-up and by clear(), so a late answer for a session that has gone is dropped. */
  let identityRun = 0
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

  /** Reads the signed-in user from the stored tokens, then (without holding up navigation) who they are in the registry. */
  async function readClaims() {
    status.value = 'loading'
    error.value = null
    try {
      const user = await currentUser()
      // An expired access token with a refresh token is still a session: it renews on the next request.
      claims.value = user && (secondsLeft(user) > 0 || user.refresh_token) ? claimsOf(user) : null
      status.value = 'success'
    } catch (caught) {
      claims.value = null
      error.value = toApiError(caught)
      status.value = 'error'
    }
    identity = loadIdentity()
  }

  /** Who the user is in the registry: the linked Person, its name, and whether it reviews. A failure leaves the user signed in. */
  async function loadIdentity() {
    const run = ++identityRun
    identityError.value = null
    personName.value = null
    if (!claims.value) {
      personId.value = null
      reviewerIds.value = []
      identityStatus.value = 'idle'
      return
    }
    identityStatus.value = 'loading'
    const username = claims.value.username
    try {
      const [person, reviewers] = await Promise.all([
        lookupUserLink(username).then(async (link) => {
          const id = link.success ? (link.person_id ?? null) : null
          return { id, name: id ? ((await fetchPerson(id)).item?.display_name ?? null) : null }
        }),
        canWrite.value ? listDatasetReviewers() : Promise.resolve([]),
      ])
      if (run !== identityRun) return
      personId.value = person.id
      personName.value = person.name
      reviewerIds.value = reviewers
      identityStatus.value = 'success'
    } catch (caught) {
      if (run !== identityRun) return
      identityError.value = toApiError(caught)
      identityStatus.value = 'error'
    }
  }

  /** Reads the session and the registry identity, both finished when it resolves. */
  async function load() {
    await readClaims()
    await identity
  }

  /** Reads the session once; later calls reuse it. The registry identity follows in the background. */
  async function ensureLoaded() {
    if (status.value === 'idle') await readClaims()
  }

  /** The session could not be renewed: forget it and remember why. */
  function end() {
    clear()
    ended.value = true
  }

  function clear() {
    identityRun++
    ended.value = false
    claims.value = null
    personId.value = null
    personName.value = null
    reviewerIds.value = []
    status.value = 'idle'
    error.value = null
    identityStatus.value = 'idle'
    identityError.value = null
  }

  return {
    claims,
    personId,
    personName,
    status,
    error,
    identityStatus,
    identityError,
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
