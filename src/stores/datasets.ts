import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { fetchDataset, listDatasets } from '@/api/datastore'
import { searchRegistry } from '@/api/search'
import { isCancelled, softFailure } from '@/api/errors'
import type { ItemDataset } from '@/api/models/registry'
import type { NoFilterSubtypeListRequest, PaginationKey, SortOptions } from '@/api/models/registryApi'
import { useTrackedRequest } from './status'
import { readPagesAhead } from './pagesAhead'

export const LIST_SORTS = {
  'updated-desc': { sort_type: 'UPDATED_TIME', ascending: false },
  'updated-asc': { sort_type: 'UPDATED_TIME', ascending: true },
  'created-desc': { sort_type: 'CREATED_TIME', ascending: false },
  'created-asc': { sort_type: 'CREATED_TIME', ascending: true },
  'name-asc': { sort_type: 'DISPLAY_NAME', ascending: true },
  'name-desc': { sort_type: 'DISPLAY_NAME', ascending: false },
} as const satisfies Record<string, SortOptions>
export type ListSort = keyof typeof LIST_SORTS
export const PAGE_SIZES = [10, 20, 50, 100] as const

export interface BrowseQuery {
  sort: ListSort
  pageSize: number
  /** Only datasets whose access URI starts with this (Provena sorts those by URI). */
  uriPrefix: string
}

/** How many hits the search API is asked for, as Provena's own list asks. */
export const SEARCH_LIMIT = 50
const FETCH_CONCURRENCY = 6
/**
 * Rows asked for in one list call. Items carry their histories (about 6 KB each locally), so 500 rows stay
 * near 3 MB: parsed without a long task, and under the 6 MB response cap of a serverless deployment.
 */
const MAX_REQUEST_ROWS = 500

export function listRequest(query: BrowseQuery, pageSize: number, key: PaginationKey | null): NoFilterSubtypeListRequest {
  const sort_by: SortOptions = query.uriPrefix
    ? { sort_type: 'ACCESS_INFO_URI_BEGINS_WITH', ascending: true, begins_with: query.uriPrefix }
    : LIST_SORTS[query.sort]
  return { sort_by, page_size: pageSize, pagination_key: key }
}

/** The dataset list: pages of the data store's list, or the hits of a free-text search in rank order. */
export const useDatasetsStore = defineStore('datasets', () => {
  const items = shallowRef<ItemDataset[]>([])
  const mode = ref<'browse' | 'search'>('browse')
  /** No more pages to load (the last key was null). */
  const complete = ref(false)
  /** Search hits that could not be shown (not visible to the user, or gone). */
  const hiddenHits = ref(0)
  /** The record limit of the last search, and whether the search API returned that many. */
  const searchLimit = ref(SEARCH_LIMIT)
  const capped = ref(false)
  const reading = useTrackedRequest()
  const { run } = reading
  let query: BrowseQuery = { sort: 'updated-desc', pageSize: 20, uriPrefix: '' }
  let key: PaginationKey | null = null

  /**
   * Adds `wanted` rows, each page as it arrives so a long load shows its progress. Provena applies the page
   * limit before its access filter, so a page can be short, even empty, while a key remains: keep asking
   * until the rows are there or the key is null. The key moves on only with the rows it follows, so a load
   * stopped before a page was shown asks for that page again.
   */
  async function fetchRows(wanted: number, signal: AbortSignal) {
    let added = 0
    await readPagesAhead(
      key,
      (from) => listDatasets(listRequest(query, Math.min(wanted - added, MAX_REQUEST_ROWS), from), signal),
      (page) => {
        added += page.items.length
        return page.pagination_key && added < wanted ? page.pagination_key : null
      },
      (page) => {
        key = page.pagination_key ?? null
        if (page.items.length) items.value = items.value.concat(page.items)
      },
      signal,
    )
    complete.value = key === null
  }

  /**
   * The load under way. Loading more waits for it instead of aborting it: a Next pressed while a page-size
   * change was still topping up a short page used to abort the top-up and page from a half-filled list.
   */
  let inFlight: Promise<boolean> = Promise.resolve(true)
  function track(load: Promise<boolean>) {
    inFlight = load
    return load
  }

  /** The browse under way, which a second ask for the same list joins instead of restarting. */
  let browsing: { query: BrowseQuery; load: Promise<boolean> } | null = null
  const sameList = (a: BrowseQuery, b: BrowseQuery) => a.sort === b.sort && a.pageSize === b.pageSize && a.uriPrefix === b.uriPrefix

  /**
   * Starts the list over for `next`. The router asks as the list's route is entered, so the request leaves
   * before the page is built; the page then asks again on mounting and joins that load.
   */
  function browse(next: BrowseQuery) {
    if (browsing && sameList(browsing.query, next)) return browsing.load
    const load = track(run(async (signal) => {
      query = { sort: next.sort, pageSize: next.pageSize, uriPrefix: next.uriPrefix }
      key = null
      mode.value = 'browse'
      items.value = []
      complete.value = false
      await fetchRows(query.pageSize, signal)
    }))
    const current = { query: { sort: next.sort, pageSize: next.pageSize, uriPrefix: next.uriPrefix }, load }
    browsing = current
    void load.finally(() => {
      if (browsing === current) browsing = null
    })
    return load
  }

  /** Another page of rows after the load under way settles; false when there is nothing more or it failed. */
  async function loadMore() {
    // A load may start while another settles (the page size changed again): wait for the last one.
    while (reading.status.value === 'loading') await inFlight
    if (mode.value !== 'browse' || complete.value || reading.status.value === 'error') return false
    return track(run((signal) => fetchRows(query.pageSize, signal)))
  }

  function loadAll() {
    if (mode.value !== 'browse' || complete.value) return Promise.resolve(false)
    return track(run((signal) => fetchRows(Number.POSITIVE_INFINITY, signal)))
  }

  /** Stops a load in progress, keeping the rows already loaded (a later loadMore or loadAll continues from there). */
  function stop() {
    if (reading.status.value === 'loading') reading.stop('success')
  }

  /** Ranked hits from the search API, each fetched to show it; hits the user may not see are counted, not shown. */
  /**
   * The best `limit` hits of a free-text search. The search API gives no total, so `capped` says whether
   * it returned as many as asked for (more may match) or fewer (that is all it found).
   */
  function search(text: string, limit = SEARCH_LIMIT) {
    browsing = null
    mode.value = 'search'
    items.value = []
    complete.value = true
    searchLimit.value = limit
    return track(run(
      async (signal) => {
        const { results } = await searchRegistry({ query: text, subtype_filter: 'DATASET', record_limit: limit }, signal)
        const ids = (results ?? []).map((hit) => hit.id)
        const found: (ItemDataset | null)[] = new Array(ids.length).fill(null)
        let next = 0
        const worker = async () => {
          while (next < ids.length) {
            const index = next++
            found[index] = await fetchDataset(ids[index], signal).then(
              (response) => response.item ?? null,
              (caught: unknown) => {
                if (isCancelled(caught)) throw caught
                return null
              },
            )
          }
        }
        await Promise.all(Array.from({ length: Math.min(FETCH_CONCURRENCY, ids.length) }, worker))
        return { shown: found.filter((item): item is ItemDataset => item !== null), hits: ids.length }
      },
      ({ shown, hits }) => {
        items.value = shown
        hiddenHits.value = hits - shown.length
        capped.value = hits >= limit
      },
    ))
  }

  /** One dataset by handle id; throws the ApiError for the view to explain (not found is 400, hidden 401). */
  async function findByHandle(id: string): Promise<ItemDataset> {
    const response = await fetchDataset(id)
    if (!response.item) throw softFailure(`The data store returned no dataset for ${id}.`)
    return response.item
  }

  return { items, mode, complete, hiddenHits, searchLimit, capped, status: reading.status, error: reading.error, browse, loadMore, loadAll, stop, search, findByHandle }
})
