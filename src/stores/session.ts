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
/** The data store adds reviewers for sys-admin read and write, and removes them only with sys-admin admin too (contract §9.2). */
const REVIEWER_ADD = ['sys-admin-read', 'sys-admin-write']

interface RememberedIdentity {
  username: string
  personId: string | null
  reviewerIds: string[]
}
const IDENTITY_KEY = 'console.identity'

/** This tab's last identity, for the same user only; never a token. */
function readIdentity(username: string): RememberedIdentity | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(IDENTITY_KEY) ?? 'null') as RememberedIdentity | null
    return stored?.username === username && Array.isArray(stored.reviewerIds) ? stored : null
  } catch {
    return null
  }
}
const writeIdentity = (identity: RememberedIdentity) => sessionStorage.setItem(IDENTITY_KEY, JSON.stringify(identity))
const forgetIdentity = () => sessionStorage.removeItem(IDENTITY_KEY)

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
  /** The linked Person's display name, read after the identity. */
  const naming = useTrackedRequest()
  /** The identity of this tab's last page load, in use while it is read again (a username's Person does not change). */
  const remembered = ref(false)
  /** Who the user is in the registry is known: read in this page load, or remembered from the last. */
  const identityKnown = computed(() => identity.status.value === 'success' || remembered.value)
  let identityLoaded: Promise<unknown> = Promise.resolve()
  let namingLoaded: Promise<unknown> = Promise.resolve()
  /** Set when the session could not be renewed, so sign-in can say why the user is there. */
  const ended = ref(false)

  const roles = computed(() => claims.value?.roles ?? [])
  const has = (...wanted: string[]) => wanted.every((role) => roles.value.includes(role))
  const isAuthenticated = computed(() => claims.value !== null)
  const canRead = computed(() => has(ER_READ))
  const canWrite = computed(() => has(ER_READ, ER_WRITE))
  const isRegistryAdmin = computed(() => has(ER_READ, ER_WRITE, ER_ADMIN))
  const isSysAdmin = computed(() => has(...SYS_ADMIN))
  const canAddReviewers = computed(() => has(...REVIEWER_ADD))
  const canRemoveReviewers = isSysAdmin
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
      remembered.value = false
      identity.stop()
      return Promise.resolve(false)
    }
    const username = claims.value.username
    const writer = canWrite.value
    const cached = readIdentity(username)
    if (cached) {
      personId.value = cached.personId
      reviewerIds.value = cached.reviewerIds
      remembered.value = true
    }
    // Who the user is (Person id, reviewer or not) decides what pages show; the Person's name only labels
    // the account menu, so it follows on its own rather than holding up the pages that wait for identity.
    return identity.run(
      (signal) =>
        Promise.all([
          lookupUserLink(username, signal).then((link) => (link.success ? (link.person_id ?? null) : null)),
          writer ? listDatasetReviewers(signal) : Promise.resolve([]),
        ]),
      ([id, reviewers]) => {
        personId.value = id
        reviewerIds.value = reviewers
        writeIdentity({ username, personId: id, reviewerIds: reviewers })
        // The name is a registry read: without read access it could only fail (401), so it is not asked for.
        if (id && canRead.value) namingLoaded = naming.run((signal) => fetchPerson(id, signal), (response) => (personName.value = response.item?.display_name ?? null))
      },
    )
  }

  /** Reads the session and the registry identity, both finished when it resolves. */
  async function load() {
    await readClaims()
    await identityLoaded
    await namingLoaded
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
    naming.stop()
    forgetIdentity()
    remembered.value = false
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
    identityKnown,
    identityError: identity.error,
    ended,
    roles,
    isAuthenticated,
    canRead,
    canWrite,
    isRegistryAdmin,
    isSysAdmin,
    canAddReviewers,
    canRemoveReviewers,
    isReviewer,
    load,
    ensureLoaded,
    end,
    clear,
  }
})
