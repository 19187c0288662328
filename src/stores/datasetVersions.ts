import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchDataset } from '@/api/datastore'
import { isCancelled, isNotFoundOrHidden, softFailure, toApiError, type ApiError } from '@/api/errors'
import type { ItemDataset, ReleasedStatus } from '@/api/models/registry'
import { useTrackedRequest } from './status'

/** One dataset of a version chain; one you may not read is known by id only. */
export interface VersionEntry {
  id: string
  version: number | null
  reason: string | null
  created_timestamp: number | null
  owner_username: string | null
  release_status: ReleasedStatus | null
  /** The version's record (for comparing metadata); null when it could not be read. */
  item: ItemDataset | null
  /** Why it could not be read (not visible to you, or gone); null when it was read. */
  problem: ApiError | null
}

/** Guards against a corrupt chain that loops back on itself. */
const MAX_CHAIN = 200

function entryOf(item: ItemDataset): VersionEntry {
  const info = item.versioning_info
  return {
    id: item.id,
    version: info?.version ?? 1,
    reason: info?.reason ?? null,
    created_timestamp: item.created_timestamp,
    owner_username: item.owner_username,
    release_status: item.release_status,
    item,
    problem: null,
  }
}

/**
 * The version chain of a dataset, oldest first. Provena links versions only through previous/next ids, so
 * the chain is walked one fetch at a time, both directions at once. Every version read in this session is
 * kept, so moving along the chain fetches nothing twice; `forget` drops one whose links changed.
 */
export const useDatasetVersionsStore = defineStore('datasetVersions', () => {
  const forId = ref<string | null>(null)
  const chain = shallowRef<VersionEntry[]>([])
  const reading = useTrackedRequest()
  const known = new Map<string, ItemDataset>()
  let loadedKey = ''

  /** The newest version that could be read (the chain's end unless a later one is hidden). */
  const latest = computed(() => chain.value.findLast((entry) => entry.problem === null) ?? null)

  async function read(id: string, signal: AbortSignal): Promise<ItemDataset> {
    const cached = known.get(id)
    if (cached) return cached
    const { item } = await fetchDataset(id, signal)
    signal.throwIfAborted()
    if (!item) throw softFailure(`The data store returned no dataset for ${id}.`)
    known.set(id, item)
    return item
  }

  /** Follows one direction; `seen` is shared by both directions so a looping chain never repeats an entry. */
  async function walk(start: string | null | undefined, direction: 'previous_version' | 'next_version', seen: Set<string>, signal: AbortSignal) {
    const found: VersionEntry[] = []
    let next = start
    while (next && !seen.has(next) && seen.size < MAX_CHAIN) {
      const id = next
      seen.add(id)
      try {
        const item = await read(id, signal)
        found.push(entryOf(item))
        next = item.versioning_info?.[direction]
      } catch (caught) {
        const problem = toApiError(caught)
        // Only a version you may not see ends the walk quietly; anything else fails the chain, to retry.
        if (signal.aborted || isCancelled(caught) || !isNotFoundOrHidden(problem)) throw caught
        found.push({ id, version: null, reason: null, created_timestamp: null, owner_username: null, release_status: null, item: null, problem })
        break
      }
    }
    return found
  }

  /**
   * Loads the chain around `item` (just fetched, so it replaces any copy kept), unless its links are the
   * ones loaded last. `force` (a retry) reads every other version again too.
   */
  function load(item: ItemDataset, options: { force?: boolean } = {}) {
    if (options.force) known.clear()
    known.set(item.id, item)
    const key = `${item.id} ${item.versioning_info?.previous_version ?? ''} ${item.versioning_info?.next_version ?? ''}`
    if (!options.force && loadedKey === key && reading.status.value === 'success') {
      chain.value = chain.value.map((entry) => (entry.id === item.id ? entryOf(item) : entry))
      return Promise.resolve(true)
    }
    loadedKey = key
    forId.value = item.id
    chain.value = [entryOf(item)]
    return reading.run(
      async (signal) => {
        // Stops the other direction as soon as one fails; `signal` still tells a newer load from a failure.
        const walking = new AbortController()
        signal.addEventListener('abort', () => walking.abort())
        const seen = new Set([item.id])
        try {
          return await Promise.all([
            walk(item.versioning_info?.previous_version, 'previous_version', seen, walking.signal),
            walk(item.versioning_info?.next_version, 'next_version', seen, walking.signal),
          ])
        } finally {
          walking.abort()
        }
      },
      ([before, after]) => {
        chain.value = [...before.reverse(), entryOf(item), ...after]
      },
    )
  }

  /** Drops a kept version whose record changed (it was just versioned), so the next walk reads it again. */
  function forget(id: string) {
    known.delete(id)
    loadedKey = ''
  }

  return { forId, chain, latest, status: reading.status, error: reading.error, load, forget }
})
