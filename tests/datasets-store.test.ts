import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { PaginationKey } from '@/api/models/registryApi'
import type * as datastore from '@/api/datastore'
import type * as search from '@/api/search'
import { fetchResponse, itemDataset, listPage, ok } from './builders'
import { resetStrictFakes } from './strictFakes'
import { stateFromQuery, queryFromState, DEFAULT_LIST_STATE } from '@/composables/useDatasetListQuery'

const fakes = vi.hoisted(() => ({
  listDatasets: vi.fn<typeof datastore.listDatasets>(),
  fetchDataset: vi.fn<typeof datastore.fetchDataset>(),
  searchRegistry: vi.fn<typeof search.searchRegistry>(),
}))
vi.mock('@/api/datastore', () => ({ listDatasets: fakes.listDatasets, fetchDataset: fakes.fetchDataset }))
vi.mock('@/api/search', () => ({ searchRegistry: fakes.searchRegistry }))

const { useDatasetsStore, listRequest } = await import('@/stores/datasets')

const page = (ids: string[], key: PaginationKey | null) => listPage(ids.map((id) => itemDataset(id)), key)

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
})

describe('useDatasetsStore', () => {
  it('keeps fetching through short and empty pages until the page is full, echoing the key', async () => {
    fakes.listDatasets
      .mockResolvedValueOnce(page(['a'], { id: 'k1' }))
      .mockResolvedValueOnce(page([], { id: 'k2' }))
      .mockResolvedValueOnce(page(['b', 'c'], { id: 'k3' }))
    const store = useDatasetsStore()
    await store.browse({ sort: 'name-asc', pageSize: 3, uriPrefix: '' })
    expect(store.items.map((i) => i.id)).toEqual(['a', 'b', 'c'])
    expect(store.complete).toBe(false)
    const requests = fakes.listDatasets.mock.calls.map(([request]) => request)
    expect(requests.map((r) => [r.page_size, r.pagination_key])).toEqual([[3, null], [2, { id: 'k1' }], [2, { id: 'k2' }]])
    expect(requests[0].sort_by).toEqual({ sort_type: 'DISPLAY_NAME', ascending: true })
  })

  it('asks for the next page before the rows of a short one are shown, and a stop then asks for it again', async () => {
    let shownWhenAsked: string[] | undefined
    const store = useDatasetsStore()
    fakes.listDatasets.mockResolvedValueOnce(page(['a'], { id: 'k1' })).mockImplementationOnce(async (_request, signal) => {
      shownWhenAsked = store.items.map((i) => i.id)
      store.stop()
      signal?.throwIfAborted()
      return page(['b'], { id: 'k2' })
    })
    await store.browse({ sort: 'updated-desc', pageSize: 2, uriPrefix: '' })
    // The request left while row a waited to be shown; the stop came before a was shown, so a's key is not kept.
    expect(shownWhenAsked).toEqual([])
    expect(store.items).toEqual([])
    fakes.listDatasets.mockResolvedValueOnce(page(['a', 'b'], { id: 'k2' }))
    await store.loadMore()
    expect(fakes.listDatasets.mock.calls[2][0].pagination_key).toBeNull()
    expect(store.items.map((i) => i.id)).toEqual(['a', 'b'])
  })

  it('joins a browse of the same list under way (the router asked first), and starts over for another list', async () => {
    fakes.listDatasets.mockResolvedValueOnce(page(['a'], null)).mockResolvedValueOnce(page(['z'], null)).mockResolvedValueOnce(page(['a'], null))
    const store = useDatasetsStore()
    const list = { sort: 'updated-desc', pageSize: 20, uriPrefix: '' } as const
    await Promise.all([store.browse(list), store.browse({ ...list })])
    expect(fakes.listDatasets).toHaveBeenCalledTimes(1)
    expect(store.items.map((i) => i.id)).toEqual(['a'])
    await store.browse({ ...list, sort: 'name-asc' })
    expect(store.items.map((i) => i.id)).toEqual(['z'])
    // Settled loads are not joined: coming back to the list loads it afresh.
    await store.browse(list)
    expect(fakes.listDatasets).toHaveBeenCalledTimes(3)
  })

  it('stops at a null key and knows the list is complete', async () => {
    fakes.listDatasets.mockResolvedValueOnce(page(['a'], { id: 'k1' })).mockResolvedValueOnce(page([], null))
    const store = useDatasetsStore()
    await store.browse({ sort: 'updated-desc', pageSize: 20, uriPrefix: '' })
    expect(store.items).toHaveLength(1)
    expect(store.complete).toBe(true)
    await store.loadMore()
    expect(fakes.listDatasets).toHaveBeenCalledTimes(2)
  })

  it('continues from the last key on loadMore and starts over when the sort changes', async () => {
    fakes.listDatasets.mockResolvedValueOnce(page(['a', 'b'], { id: 'k1' })).mockResolvedValueOnce(page(['c', 'd'], { id: 'k2' }))
    const store = useDatasetsStore()
    await store.browse({ sort: 'updated-desc', pageSize: 2, uriPrefix: '' })
    await store.loadMore()
    expect(store.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(fakes.listDatasets.mock.calls[1][0].pagination_key).toEqual({ id: 'k1' })
    fakes.listDatasets.mockResolvedValueOnce(page(['z'], null))
    await store.browse({ sort: 'created-asc', pageSize: 2, uriPrefix: '' })
    expect(fakes.listDatasets.mock.calls[2][0]).toMatchObject({ pagination_key: null, sort_by: { sort_type: 'CREATED_TIME', ascending: true } })
    expect(store.items.map((i) => i.id)).toEqual(['z'])
  })

  it('loads all pages in requests of at most 500 rows, showing each page as it arrives', async () => {
    fakes.listDatasets.mockResolvedValueOnce(page(['a'], { id: 'k1' }))
    const store = useDatasetsStore()
    await store.browse({ sort: 'updated-desc', pageSize: 1, uriPrefix: '' })
    let release!: () => void
    fakes.listDatasets
      .mockResolvedValueOnce(page(['b', 'c'], { id: 'k2' }))
      .mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(page(['d'], null)))))
    const loading = store.loadAll()
    await vi.waitFor(() => expect(store.items.map((i) => i.id)).toEqual(['a', 'b', 'c']))
    expect(store.status).toBe('loading')
    release()
    await loading
    expect(store.items.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(store.complete).toBe(true)
    expect(fakes.listDatasets.mock.calls.slice(1).map(([request]) => request.page_size)).toEqual([500, 500])
  })

  it('stops loading all on request, keeping the rows loaded, and continues from there later', async () => {
    fakes.listDatasets.mockResolvedValueOnce(page(['a'], { id: 'k1' }))
    const store = useDatasetsStore()
    await store.browse({ sort: 'updated-desc', pageSize: 1, uriPrefix: '' })
    fakes.listDatasets
      .mockResolvedValueOnce(page(['b'], { id: 'k2' }))
      .mockImplementationOnce((_request, signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))))
    const loading = store.loadAll()
    await vi.waitFor(() => expect(store.items).toHaveLength(2))
    store.stop()
    await loading
    expect(store).toMatchObject({ status: 'success', complete: false })
    expect(store.items.map((i) => i.id)).toEqual(['a', 'b'])
    fakes.listDatasets.mockResolvedValueOnce(page(['c'], null))
    await store.loadAll()
    expect(fakes.listDatasets.mock.lastCall?.[0].pagination_key).toEqual({ id: 'k2' })
    expect(store.items.map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })

  it('never lets a page of an abandoned load join the list that replaced it', async () => {
    let release!: () => void
    fakes.listDatasets.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(page(['old'], { id: 'k1' })))))
    const store = useDatasetsStore()
    const first = store.browse({ sort: 'updated-desc', pageSize: 1, uriPrefix: '' })
    fakes.listDatasets.mockResolvedValueOnce(page(['new'], null))
    const second = store.browse({ sort: 'name-asc', pageSize: 1, uriPrefix: '' })
    release()
    await Promise.all([first, second])
    expect(store.items.map((i) => i.id)).toEqual(['new'])
    expect(store.status).toBe('success')
  })

  it('filters by access URI prefix with the sort that needs it', () => {
    expect(listRequest({ sort: 'name-asc', pageSize: 10, uriPrefix: 'https://x/' }, 10, null).sort_by).toEqual({
      sort_type: 'ACCESS_INFO_URI_BEGINS_WITH',
      ascending: true,
      begins_with: 'https://x/',
    })
  })

  it('shows search hits in rank order and counts the ones it may not show', async () => {
    fakes.searchRegistry.mockResolvedValue({ status: ok, results: [{ id: 'b', score: 2 }, { id: 'hidden', score: 1.5 }, { id: 'a', score: 1 }] })
    fakes.fetchDataset.mockImplementation(async (id) => {
      if (id === 'hidden') throw new Error('401')
      return fetchResponse(itemDataset(id))
    })
    const store = useDatasetsStore()
    await store.search('coral')
    expect(store.items.map((i) => i.id)).toEqual(['b', 'a'])
    expect(store.hiddenHits).toBe(1)
    expect(fakes.searchRegistry).toHaveBeenCalledWith({ query: 'coral', subtype_filter: 'DATASET', record_limit: 50 }, expect.anything())
    expect(store.capped).toBe(false)
  })

  it('knows a full page of hits is a cap, not a count, and asks for more when told', async () => {
    const hits = (n: number) => ({ status: ok, results: Array.from({ length: n }, (_, i) => ({ id: `d${i}`, score: n - i })) })
    fakes.fetchDataset.mockImplementation(async (id) => fetchResponse(itemDataset(id)))
    fakes.searchRegistry.mockResolvedValueOnce(hits(50)).mockResolvedValueOnce(hits(71))
    const store = useDatasetsStore()
    await store.search('the a of')
    expect(store).toMatchObject({ capped: true, searchLimit: 50 })
    await store.search('the a of', 100)
    expect(store).toMatchObject({ capped: false, searchLimit: 100 })
    expect(store.items).toHaveLength(71)
    expect(fakes.searchRegistry).toHaveBeenLastCalledWith(expect.objectContaining({ record_limit: 100 }), expect.anything())
  })

  it('records a failure for the view to show and retry', async () => {
    fakes.listDatasets.mockRejectedValue(new Error('offline'))
    const store = useDatasetsStore()
    await store.browse({ sort: 'updated-desc', pageSize: 20, uriPrefix: '' })
    expect(store.status).toBe('error')
    expect(store.error?.detail).toBe('offline')
  })
})

describe('list state in the URL', () => {
  it('round-trips, keeping links short and ignoring junk', () => {
    const state = { sort: 'name-desc' as const, pageSize: 50, uriPrefix: 'https://data.example.org/', search: 'coral reef', filter: 'heron' }
    expect(stateFromQuery(queryFromState(state))).toEqual(state)
    expect(queryFromState(DEFAULT_LIST_STATE)).toEqual({})
    expect(stateFromQuery({ sort: 'sideways', size: '7' })).toEqual(DEFAULT_LIST_STATE)
    expect(stateFromQuery({ size: ['100', '10'] }).pageSize).toBe(100)
    // A link the browser could not decode is no prefix anyone meant; a long query is cut to what the field takes.
    expect(stateFromQuery({ uri: '%%' }).uriPrefix).toBe('')
    expect(stateFromQuery({ uri: 'https://x.org/a%20b' }).uriPrefix).toBe('https://x.org/a%20b')
    expect(stateFromQuery({ search: 'x'.repeat(2000) }).search).toHaveLength(200)
  })
})
