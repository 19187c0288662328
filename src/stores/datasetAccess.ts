import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchAccessSettings, updateAccessSettings } from '@/api/registry'
import type { AccessSettings } from '@/api/models/registry'
import { normalised } from '@/datasetAccess'
import { useTrackedRequest } from './status'

/** A dataset's access settings as the registry holds them (dataset admins only), and replacing them. */
export const useDatasetAccessStore = defineStore('datasetAccess', () => {
  const datasetId = ref<string | null>(null)
  const settings = shallowRef<AccessSettings | null>(null)
  const reading = useTrackedRequest()
  const saving = useTrackedRequest('one-at-a-time')

  function load(id: string) {
    if (id !== datasetId.value) {
      datasetId.value = id
      settings.value = null
    }
    return reading.run((signal) => fetchAccessSettings(id, signal), (response) => (settings.value = response))
  }

  function save(id: string, next: AccessSettings) {
    const sent = normalised(next)
    return saving.run((signal) => updateAccessSettings(id, sent, signal), () => (settings.value = sent))
  }

  return { settings, status: reading.status, error: reading.error, saveStatus: saving.status, saveError: saving.error, load, save }
})
