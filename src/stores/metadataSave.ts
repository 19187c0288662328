import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchDataset, mintDataset, updateMetadata, validateMetadata } from '@/api/datastore'
import type { Status } from '@/api/models/common'
import type { MintResponse, UpdateMetadataResponse } from '@/api/models/datastore'
import type { CollectionFormat, ItemDataset } from '@/api/models/registry'
import { useTrackedRequest } from './status'

/** What a save came to; a failure of the request itself is the `saving` error instead. */
export type SaveOutcome =
  | { kind: 'updated'; response: UpdateMetadataResponse }
  | { kind: 'registered'; response: MintResponse }
  /** Someone saved since the edit began: nothing was written; merge against `theirs` and save again. */
  | { kind: 'conflict'; theirs: ItemDataset }
  /** The data store's own checks refused the metadata (registry ids, EWKT, rules): nothing was written. */
  | { kind: 'invalid'; details: string }

/** The newest history entry, which an edit starts from and a save must still find. */
export const baseEntryOf = (item: ItemDataset): number | null => item.history[0]?.id ?? null

/**
 * Checking and saving dataset metadata. Checking is the server's validate-metadata ("Check" and before every
 * save); saving runs one at a time, so a double click never writes twice.
 */
export const useMetadataSaveStore = defineStore('metadataSave', () => {
  const checking = useTrackedRequest()
  const saving = useTrackedRequest('one-at-a-time')
  const checked = shallowRef<Status | null>(null)
  const outcome = shallowRef<SaveOutcome | null>(null)
  /** The metadata last found valid by the server, so "Check" then "Save" does not ask twice for the same. */
  const validText = ref<string | null>(null)

  function check(payload: CollectionFormat) {
    checked.value = null
    return checking.run(
      (signal) => validateMetadata(payload, signal),
      (status) => {
        checked.value = status
        validText.value = status.success ? JSON.stringify(payload) : null
      },
    )
  }

  async function validOnServer(payload: CollectionFormat, signal: AbortSignal): Promise<Status> {
    if (validText.value === JSON.stringify(payload)) return { success: true, details: '' }
    return validateMetadata(payload, signal)
  }

  /** Saves an edit made from history entry `base`, unless the dataset has moved on since (then: conflict). */
  async function update(id: string, base: number | null, reason: string, payload: CollectionFormat): Promise<SaveOutcome | null> {
    outcome.value = null
    const done = await saving.run(async (signal): Promise<SaveOutcome> => {
      const { item } = await fetchDataset(id, signal)
      if (item && baseEntryOf(item) !== base) return { kind: 'conflict', theirs: item }
      const status = await validOnServer(payload, signal)
      if (!status.success) return { kind: 'invalid', details: status.details }
      return { kind: 'updated', response: await updateMetadata(id, reason, payload, signal) }
    }, (result) => (outcome.value = result))
    return done ? outcome.value : null
  }

  /** Registers a new dataset (mint); its handle and creation job come back in the outcome. */
  async function register(payload: CollectionFormat): Promise<SaveOutcome | null> {
    outcome.value = null
    const done = await saving.run(async (signal): Promise<SaveOutcome> => {
      const status = await validOnServer(payload, signal)
      if (!status.success) return { kind: 'invalid', details: status.details }
      return { kind: 'registered', response: await mintDataset(payload, signal) }
    }, (result) => (outcome.value = result))
    return done ? outcome.value : null
  }

  function reset() {
    checking.stop()
    checked.value = null
    outcome.value = null
    validText.value = null
  }

  return {
    checkStatus: checking.status,
    checkError: checking.error,
    checked,
    savingStatus: saving.status,
    saveError: saving.error,
    savingSlow: saving.slow,
    outcome,
    check,
    update,
    register,
    reset,
  }
})
