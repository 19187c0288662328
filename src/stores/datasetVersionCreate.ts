import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { versionDataset } from '@/api/datastore'
import type { VersionResponse } from '@/api/models/datastore'
import { useTrackedRequest } from './status'

/**
 * Creating a version, one at a time: a second click while the first is on its way is refused here, and a
 * second tab is refused by the data store (the old version is no longer the latest).
 */
export const useDatasetVersionCreateStore = defineStore('datasetVersionCreate', () => {
  const saving = useTrackedRequest('one-at-a-time')
  const created = shallowRef<VersionResponse | null>(null)
  /** The dataset the last attempt was for, so a failure shows on that dataset's page only. */
  const forId = shallowRef<string | null>(null)

  function create(id: string, reason: string) {
    forId.value = id
    created.value = null
    return saving.run(
      (signal) => versionDataset({ id, reason }, signal),
      (response) => (created.value = response),
    )
  }

  return { forId, created, status: saving.status, error: saving.error, create }
})
