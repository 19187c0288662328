import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { revertMetadata } from '@/api/datastore'
import type { JsonSchema } from '@/api/models/common'
import type { CollectionFormat } from '@/api/models/registry'
import type { MetadataProblem } from '@/metadata/validate'
import { checkAgainstToday } from './metadataToday'
import { useTrackedRequest } from './status'

/** Whether an old entry's metadata passes today's schema and rules; `details` is the data store's refusal. */
export interface RevertCheck {
  historyId: number
  problems: MetadataProblem[]
  details: string | null
}

/**
 * Reverting a dataset's metadata to a history entry. Old metadata may no longer pass today's checks, so
 * each revert is checked first (our checker, then the data store's validate-metadata); reverting runs one
 * at a time, so a double click never writes twice.
 */
export const useMetadataRevertStore = defineStore('metadataRevert', () => {
  const checking = useTrackedRequest()
  const reverting = useTrackedRequest('one-at-a-time')
  const checked = shallowRef<RevertCheck | null>(null)

  function check(schema: JsonSchema, historyId: number, metadata: CollectionFormat) {
    checked.value = null
    return checking.run(
      (signal) => checkAgainstToday(schema, metadata, signal),
      (result) => (checked.value = { historyId, ...result }),
    )
  }

  function revert(id: string, historyId: number, reason: string) {
    return reverting.run((signal) => revertMetadata({ id, history_id: historyId, reason }, signal), () => undefined)
  }

  function reset() {
    checking.stop()
    checked.value = null
  }

  return {
    checked,
    checkStatus: checking.status,
    checkError: checking.error,
    revertStatus: reverting.status,
    revertError: reverting.error,
    check,
    revert,
    reset,
  }
})
