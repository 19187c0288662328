import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchDataset } from '@/api/datastore'
import { isNotFoundOrHidden, softFailure } from '@/api/errors'
import type { DatasetRole, ItemDataset } from '@/api/models/registry'
import { useTrackedRequest } from './status'

/** The dataset on screen: the item, the caller's roles on it and its lock state, as fetch-dataset returns them. */
export const useDatasetStore = defineStore('dataset', () => {
  const id = ref<string | null>(null)
  const item = shallowRef<ItemDataset | null>(null)
  const roles = ref<DatasetRole[]>([])
  const locked = ref(false)
  const reading = useTrackedRequest()

  /** Not found, or not visible to the caller: there is nothing to retry. */
  const unavailable = computed(() => isNotFoundOrHidden(reading.error.value))
  const has = (role: DatasetRole) => roles.value.includes(role)

  /** Loads a dataset; a different id forgets the one before at once so its details never show under the new id. */
  function load(handleId: string) {
    if (handleId !== id.value) {
      id.value = handleId
      item.value = null
      roles.value = []
      locked.value = false
    }
    return reading.run(
      (signal) => fetchDataset(handleId, signal),
      (response) => {
        if (!response.item) throw softFailure(`The data store returned no dataset for ${handleId}.`)
        item.value = response.item
        roles.value = response.roles ?? []
        locked.value = response.locked ?? false
      },
    )
  }

  function reload() {
    return id.value ? load(id.value) : Promise.resolve(false)
  }

  return { id, item, roles, locked, status: reading.status, error: reading.error, unavailable, has, load, reload }
})
