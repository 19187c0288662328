import { markRaw, reactive, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { listDatasets } from '@/api/datastore'
import { listReviewerReleases } from '@/api/registry'
import type { ItemDataset, ReleasedStatus } from '@/api/models/registry'
import type { PaginationKey } from '@/api/models/registryApi'
import { latestRequest } from '@/release'
import { queueRow, type QueueRow, type QueueView } from '@/reviewQueue'
import { useTrackedRequest, type TrackedRequest } from './status'
import { readPagesAhead } from './pagesAhead'

/**
 * The first page is small so the table paints at once, yet twice the table's page: the registry applies its
 * limit before its access filter, so a page can come back short. The rest come in larger pages behind it.
 */
const FIRST_PAGE = 50
const NEXT_PAGES = 200
const LIST_PAGE = 500

interface ViewState {
  rows: QueueRow[]
  /** Every page is in (the last key was null). */
  complete: boolean
  loaded: boolean
}

/**
 * The reviewer's queue, one list per view, each paged through the registry's pages as they come (a page
 * can be short while a key remains). "My requests" has no API of its own: it is the data store's list,
 * read to the end, filtered to the datasets whose latest request is the user's.
 */
export const useReviewQueueStore = defineStore('reviewQueue', () => {
  const views = reactive<Record<QueueView, ViewState>>({
    open: { rows: [], complete: false, loaded: false },
    decided: { rows: [], complete: false, loaded: false },
    all: { rows: [], complete: false, loaded: false },
    mine: { rows: [], complete: false, loaded: false },
  })
  const reads: Record<QueueView, TrackedRequest> = { open: useTrackedRequest(), decided: useTrackedRequest(), all: useTrackedRequest(), mine: useTrackedRequest() }
  /** The open requests in the order the queue last showed them, for "open next". */
  const openOrder = shallowRef<string[]>([])

  function reviewerPages(view: QueueView, personId: string, status: ReleasedStatus | null, signal: AbortSignal) {
    return readPagesAhead(
      null as PaginationKey | null,
      (key) =>
        listReviewerReleases(
          {
            filter_by: { release_reviewer: personId, release_status: status },
            sort_by: { sort_type: 'RELEASE_TIMESTAMP', ascending: view === 'open' },
            page_size: key ? NEXT_PAGES : FIRST_PAGE,
            pagination_key: key,
          },
          signal,
        ),
      (page) => page.pagination_key ?? null,
      (page) => {
        // Rows are replaced, never changed in place: kept raw, sorting and filtering a thousand of them reads no proxies.
        const rows = page.dataset_items.filter((item) => view !== 'decided' || item.release_history.at(-1)?.action !== 'REQUEST').map((item) => markRaw(queueRow(item)))
        views[view].rows = [...views[view].rows, ...rows]
      },
      signal,
    )
  }

  async function myRequests(personId: string, signal: AbortSignal) {
    let key: PaginationKey | null = null
    do {
      const page = await listDatasets({ page_size: LIST_PAGE, pagination_key: key }, signal)
      signal.throwIfAborted()
      const mine = page.items.filter((item: ItemDataset) => latestRequest(item)?.requester === personId).map((item) => markRaw(queueRow(item)))
      views.mine.rows = [...views.mine.rows, ...mine]
      key = page.pagination_key ?? null
    } while (key)
  }

  /** Loads a view from the start (again, with `force`); a view already loaded is kept. */
  function load(view: QueueView, personId: string, options: { force?: boolean } = {}) {
    const state = views[view]
    if (state.loaded && !options.force) return Promise.resolve(true)
    state.rows = []
    state.complete = false
    state.loaded = true
    return reads[view].run(async (signal) => {
      if (view === 'mine') await myRequests(personId, signal)
      else if (view === 'decided') for (const status of ['RELEASED', 'NOT_RELEASED'] as const) await reviewerPages(view, personId, status, signal)
      else await reviewerPages(view, personId, view === 'open' ? 'PENDING' : null, signal)
      state.complete = true
    })
  }

  /** After a decision: the request leaves Open at once; the other views are read again when next shown. */
  function decided(id: string) {
    views.open.rows = views.open.rows.filter((row) => row.id !== id)
    for (const view of ['decided', 'all', 'mine'] as const) views[view].loaded = false
  }

  /** The open request to work on after `id`: the next in the queue's order, else the first left. */
  function nextOpen(id: string): string | null {
    const open = new Set(views.open.rows.map((row) => row.id))
    const order = openOrder.value.length ? openOrder.value : views.open.rows.map((row) => row.id)
    const at = order.indexOf(id)
    return order.slice(at + 1).find((other) => open.has(other) && other !== id) ?? order.find((other) => open.has(other) && other !== id) ?? null
  }

  const statusOf = (view: QueueView) => reads[view].status.value
  const errorOf = (view: QueueView) => reads[view].error.value

  return { views, openOrder, load, decided, nextOpen, statusOf, errorOf }
})
