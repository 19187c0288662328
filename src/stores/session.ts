import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { lookupUserLink } from '@/api/authApi'
import { fetchPerson } from '@/api/registry'
import { listDatasetReviewers } from '@/api/review'
import { claimsOf, type SessionClaims } from '@/auth/claims'
import { currentUser } from '@/auth/oidc'
import { secondsLeft } from '@/auth/storedUser'
import { useTrackedRequest } from './status'

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
  const reading = useTrackedRequest()
  /** Looking up the registry Person and the reviewer list, separately: navigation never waits for it. */
  const identity = useTrackedRequest()
  let identityLoaded: Promise<unknown> = Promise.resolve()
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
    const read = await reading.run(
      () => currentUser(),
      // An expired access token with a refresh token is still a session: it renews on the next request.
      (user) => (claims.value = user && (secondsLeft(user) > 0 || user.refresh_token) ? claimsOf(user) : null),
    )
    if (!read) claims.value = null
    identityLoaded = loadIdentity()
  }

  /** Who the user is in the registry: the linked Person, its name, and whether it reviews. A failure leaves the user signed in. */
  function loadIdentity() {
    personName.value = null
    if (!claims.value) {
      personId.value = null
      reviewerIds.value = []
      identity.stop()
      return Promise.resolve(false)
    }
    const username = claims.value.username
    const writer = canWrite.value
    return identity.run(
      (signal) =>
        Promise.all([
          lookupUserLink(username, signal).then(async (link) => {
            const id = link.success ? (link.person_id ?? null) : null
            return { id, name: id ? ((await fetchPerson(id, signal)).item?.display_name ?? null) : null }
          }),
          writer ? listDatasetReviewers(signal) : Promise.resolve([]),
        ]),
      ([person, reviewers]) => {
        personId.value = person.id
        personName.value = person.name
        reviewerIds.value = reviewers
      },
    )
  }

  /** Reads the session and the registry identity, both finished when it resolves. */
  async function load() {
    await readClaims()
    await identityLoaded
  }

  /** Reads the session once; later calls reuse it. The registry identity follows in the background. */
  async function ensureLoaded() {
    if (reading.status.value === 'idle') await readClaims()
  }

  /** The session could not be renewed: forget it and remember why. */
  function end() {
    clear()
    ended.value = true
  }

  function clear() {
    // Stopping drops a late identity answer for the session that has gone.
    identity.stop()
    reading.stop()
    ended.value = false
    claims.value = null
    personId.value = null
    personName.value = null
    reviewerIds.value = []
  }

  return {
    claims,
    personId,
    personName,
    status: reading.status,
    error: reading.error,
    identityStatus: identity.status,
    identityError: identity.error,
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
