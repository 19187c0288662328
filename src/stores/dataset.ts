import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchDataset } from '@/api/datastore'
import { isCancelled, isNotFoundOrHidden, softFailure, toApiError, type ApiError } from '@/api/errors'
import type { DatasetRole, ItemDataset } from '@/api/models/registry'
import type { AsyncStatus } from './status'

/** The dataset on screen: the item, the caller's roles on it and its lock state, as fetch-dataset returns them. */
export const useDatasetStore = defineStore('dataset', () => {
  const id = ref<string | null>(null)
  const item = shallowRef<ItemDataset | null>(null)
  const roles = ref<DatasetRole[]>([])
  const locked = ref(false)
  const status = ref<AsyncStatus>('idle')
  const error = ref<ApiError | null>(null)
  let controller = new AbortController()

  /** Not found, or not visible to the caller: there is nothing to retry. */
  const unavailable = computed(() => isNotFoundOrHidden(error.value))
  const has = (role: DatasetRole) => roles.value.includes(role)

  /** Loads a dataset; a different id forgets the one before at once so its details never show under the new id. */
  async function load(handleId: string) {
    controller.abort()
    controller = new AbortController()
    const { signal } = controller
    if (handleId !== id.value) {
      id.value = handleId
      item.value = null
      roles.value = []
      locked.value = false
    }
    status.value = 'loading'
    error.value = null
    try {
      const response = await fetchDataset(handleId, signal)
      // Another dataset was asked for while this one was on its way.
      signal.throwIfAborted()
      if (!response.item) throw softFailure(`The data store returned no dataset for ${handleId}.`)
      item.value = response.item
      roles.value = response.roles ?? []
      locked.value = response.locked ?? false
      status.value = 'success'
    } catch (caught) {
      if (signal.aborted || isCancelled(caught)) return
      error.value = toApiError(caught)
      status.value = 'error'
    }
  }

  function reload() {
    return id.value ? load(id.value) : Promise.resolve()
  }

  return { id, item, roles, locked, status, error, unavailable, has, load, reload }
})
