import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchDataset } from '@/api/datastore'
import { fetchLockHistory } from '@/api/registry'
import { isNotFoundOrHidden, toApiError } from '@/api/errors'
import type { ItemDataset, LockEvent } from '@/api/models/registry'
import { buildTimeline, type NextVersion } from '@/datasetTimeline'
import { useTrackedRequest } from './status'

/** The next version's own record, or null when there is none or it is not visible to the caller. */
async function readNextVersion(id: string | null | undefined, signal: AbortSignal): Promise<NextVersion | null> {
  if (!id) return null
  try {
    const { item } = await fetchDataset(id, signal)
    if (!item) return null
    return { id, version: item.versioning_info?.version ?? 0, created_timestamp: item.created_timestamp, owner_username: item.owner_username, reason: item.versioning_info?.reason ?? null }
  } catch (caught) {
    if (isNotFoundOrHidden(toApiError(caught))) return null
    throw caught
  }
}

/**
 * A dataset's timeline: the item carries its metadata and release history; the lock history and the
 * version that replaced it (if any) are read alongside. Until they arrive, or if they fail, the timeline
 * shows what the item has.
 */
export const useDatasetTimelineStore = defineStore('datasetTimeline', () => {
  const item = shallowRef<ItemDataset | null>(null)
  const locks = shallowRef<LockEvent[]>([])
  const next = shallowRef<NextVersion | null>(null)
  const loadedFor = ref<string | null>(null)
  const reading = useTrackedRequest()

  const events = computed(() => (item.value ? buildTimeline(item.value, locks.value, next.value) : []))

  function load(dataset: ItemDataset) {
    if (loadedFor.value !== dataset.id) {
      locks.value = []
      next.value = null
    }
    item.value = dataset
    loadedFor.value = dataset.id
    return reading.run(
      (signal) => Promise.all([fetchLockHistory(dataset.id, signal), readNextVersion(dataset.versioning_info?.next_version, signal)]),
      ([lockHistory, nextVersion]) => {
        locks.value = lockHistory.history ?? []
        next.value = nextVersion
      },
    )
  }

  const reload = () => (item.value ? load(item.value) : Promise.resolve(false))

  return { events, status: reading.status, error: reading.error, load, reload }
})
