import { generateReadAccessCredentials, generateWriteAccessCredentials } from '@/api/datastore'
import type { Credentials } from '@/api/models/datastore'
import { forgetSigningKeys } from '@/api/storage'

/** Renewed this long before they expire, so no listing or upload starts with credentials about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000

/**
 * One dataset's storage credentials, held outside every store's state (so out of devtools and any state dump:
 * they are secrets while they last), renewed before expiry, with one request shared by all who ask meanwhile.
 */
export interface CredentialCache {
  get(datasetId: string): Promise<Credentials>
  /** The credentials held now, if any (an abort needs them even after a failure). */
  current(): Credentials | null
  /** Forgets them, so the next `get` asks anew (storage refused them, or the user signed out). */
  drop(): void
}

const caches: CredentialCache[] = []

function credentialCache(generate: (datasetId: string) => Promise<Credentials>): CredentialCache {
  let held: { datasetId: string; credentials: Credentials } | null = null
  let asking: { datasetId: string; promise: Promise<Credentials> } | null = null
  const cache: CredentialCache = {
    get(datasetId) {
      if (held?.datasetId === datasetId && Date.parse(held.credentials.expiry) - Date.now() > RENEW_BEFORE_MS) return Promise.resolve(held.credentials)
      if (asking?.datasetId === datasetId) return asking.promise
      const promise = generate(datasetId)
        .then((credentials) => {
          held = { datasetId, credentials }
          return credentials
        })
        .finally(() => {
          if (asking?.promise === promise) asking = null
        })
      asking = { datasetId, promise }
      return promise
    },
    current: () => held?.credentials ?? null,
    drop() {
      held = null
      asking = null
    },
  }
  caches.push(cache)
  return cache
}

const request = (datasetId: string) => ({ dataset_id: datasetId, console_session_required: false })
export const readCredentials = credentialCache(async (id) => (await generateReadAccessCredentials(request(id))).credentials)
export const writeCredentials = credentialCache(async (id) => (await generateWriteAccessCredentials(request(id))).credentials)

/** Forgets every held credential (on sign-out). */
export function forgetStorageCredentials() {
  for (const cache of caches) cache.drop()
  forgetSigningKeys()
}
