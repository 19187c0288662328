import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchLockHistory, lockDataset, unlockDataset } from '@/api/registry'
import type { LockEvent } from '@/api/models/registry'
import { useTrackedRequest } from './status'

/** The lock history of the dataset on screen, and locking or unlocking it (dataset admins), one change at a time. */
export const useDatasetLockStore = defineStore('datasetLock', () => {
  const datasetId = ref<string | null>(null)
  const history = shallowRef<LockEvent[]>([])
  const reading = useTrackedRequest()
  const saving = useTrackedRequest('one-at-a-time')

  /** The event that put the dataset in its present state. */
  const latest = computed(() => history.value.reduce<LockEvent | null>((last, event) => (!last || event.timestamp >= last.timestamp ? event : last), null))

  function load(id: string) {
    if (id !== datasetId.value) {
      datasetId.value = id
      history.value = []
    }
    return reading.run((signal) => fetchLockHistory(id, signal), (response) => (history.value = response.history ?? []))
  }

  /** Locks (`locking`) or unlocks with the reason the history keeps, then reads the history again. */
  async function change(id: string, locking: boolean, reason: string) {
    const changed = await saving.run((signal) => (locking ? lockDataset : unlockDataset)({ id, reason }, signal))
    if (changed) await load(id)
    return changed
  }

  return { history, latest, status: reading.status, error: reading.error, saveStatus: saving.status, saveError: saving.error, load, change }
})
