import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDatasetSchema } from '@/api/datastore'
import type { JsonSchema } from '@/api/models/common'
import { useTrackedRequest } from './status'

/** The dataset metadata schema the data store serves; it only changes with a deployment, so it is read once. */
export const useDatasetSchemaStore = defineStore('datasetSchema', () => {
  const schema = shallowRef<JsonSchema | null>(null)
  const reading = useTrackedRequest()
  let loading: Promise<boolean> | null = null

  /** Loads unless loaded or loading (callers share the one read); after a failure it tries again. */
  function ensureLoaded(): Promise<boolean> {
    if (reading.status.value === 'success') return Promise.resolve(true)
    loading ??= reading
      .run(
        (signal) => getDatasetSchema(signal),
        (response) => (schema.value = response.json_schema),
      )
      .finally(() => (loading = null))
    return loading
  }

  return { schema, status: reading.status, error: reading.error, ensureLoaded }
})
