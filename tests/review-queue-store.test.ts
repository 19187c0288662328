import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type * as registry from '@/api/registry'
import type * as datastore from '@/api/datastore'
import type { ItemDataset } from '@/api/models/registry'
import { itemDataset, listPage, ok, releaseEntry } from './builders'
import { resetStrictFakes } from './strictFakes'

const fakes = vi.hoisted(() => ({
  listReviewerReleases: vi.fn<typeof registry.listReviewerReleases>(),
  listDatasets: vi.fn<typeof datastore.listDatasets>(),
}))
vi.mock('@/api/registry', () => ({ listReviewerReleases: fakes.listReviewerReleases }))
vi.mock('@/api/datastore', () => ({ listDatasets: fakes.listDatasets }))
const { useReviewQueueStore } = await import('@/stores/reviewQueue')

const pending = (id: string, at: number, requester = 'p-req'): ItemDataset =>
  itemDataset(id, { release: { release_status: 'PENDING', release_approver: 'p-me', release_history: [releaseEntry('REQUEST', at, 'p-me', requester)] } })
const decided = (id: string, action: 'APPROVE' | 'REJECT'): ItemDataset =>
  itemDataset(id, { release: { release_status: action === 'APPROVE' ? 'RELEASED' : 'NOT_RELEASED', release_approver: 'p-me', release_history: [releaseEntry('REQUEST', 1), releaseEntry(action, 2, 'p-me')] } })
const page = (items: ItemDataset[], key: Record<string, unknown> | null) => ({ status: ok, dataset_items: items, total_dataset_count: items.length, pagination_key: key })

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
})

describe('the review queue', () => {
  it('pages through short and empty registry pages until the key runs out, asking for open requests oldest first', async () => {
    const pages = [page([pending('a', 1)], { k: 1 }), page([], { k: 2 }), page([pending('b', 2), pending('c', 3)], null)]
    fakes.listReviewerReleases.mockImplementation(async () => pages.shift()!)
    const queue = useReviewQueueStore()
    expect(await queue.load('open', 'p-me')).toBe(true)
    expect(queue.views.open.rows.map((row) => row.id)).toEqual(['a', 'b', 'c'])
    expect(queue.views.open.complete).toBe(true)
    const [first, second] = fakes.listReviewerReleases.mock.calls.map(([body]) => body)
    expect(first).toMatchObject({ filter_by: { release_reviewer: 'p-me', release_status: 'PENDING' }, sort_by: { sort_type: 'RELEASE_TIMESTAMP', ascending: true }, pagination_key: null })
    expect(second.pagination_key).toEqual({ k: 1 })
    expect(second.page_size! > first.page_size!).toBe(true)
  })

  it('keeps decided requests under Decided, and takes a decided one out of Open at once', async () => {
    fakes.listReviewerReleases.mockImplementation(async (body) =>
      body.filter_by.release_status === 'RELEASED' ? page([decided('r', 'APPROVE')], null)
        : body.filter_by.release_status === 'NOT_RELEASED' ? page([decided('n', 'REJECT')], null)
          : page([pending('a', 1), pending('b', 2)], null),
    )
    const queue = useReviewQueueStore()
    await queue.load('decided', 'p-me')
    expect(queue.views.decided.rows.map((row) => row.id)).toEqual(['r', 'n'])
    await queue.load('open', 'p-me')
    queue.openOrder = ['a', 'b']
    expect(queue.nextOpen('a')).toBe('b')
    queue.decided('a')
    expect(queue.views.open.rows.map((row) => row.id)).toEqual(['b'])
    expect(queue.nextOpen('b')).toBeNull()
    expect(queue.views.decided.loaded).toBe(false)
  })

  it("finds the user's own requests in the data store's list", async () => {
    fakes.listDatasets.mockResolvedValueOnce(listPage([pending('mine', 1, 'p-me'), pending('theirs', 1, 'p-other')], { k: 1 })).mockResolvedValueOnce(listPage([pending('also-mine', 2, 'p-me')]))
    const queue = useReviewQueueStore()
    await queue.load('mine', 'p-me')
    expect(queue.views.mine.rows.map((row) => row.id)).toEqual(['mine', 'also-mine'])
  })
})
