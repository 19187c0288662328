import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { getDatasetSchema } from '@/api/datastore'
import { toApiError, type ApiError } from '@/api/errors'
import type { JsonSchema } from '@/api/models/common'
import type { AsyncStatus } from './status'

/** The dataset metadata schema the data store serves; it only changes with a deployment, so it is read once. */
export const useDatasetSchemaStore = defineStore('datasetSchema', () => {
  const schema = shallowRef<JsonSchema | null>(null)
  const status = ref<AsyncStatus>('idle')
  const error = ref<ApiError | null>(null)
  let loading: Promise<void> | null = null

  async function load() {
    status.value = 'loading'
    error.value = null
    try {
      schema.value = (await getDatasetSchema()).json_schema
      status.value = 'success'
    } catch (caught) {
      error.value = toApiError(caught)
      status.value = 'error'
    }
  }

  /** Loads unless loaded or loading; after a failure it tries again. */
  function ensureLoaded() {
    if (status.value === 'success') return Promise.resolve()
    if (status.value === 'loading' && loading) return loading
    return (loading = load())
  }

  return { schema, status, error, ensureLoaded }
})
