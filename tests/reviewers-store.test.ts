import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { resetStrictFakes } from './strictFakes'
import type * as datastore from '@/api/datastore'
import type * as registry from '@/api/registry'
import type * as review from '@/api/review'
import { agentResponse, itemDataset, itemOrganisation, itemPerson, listPage, releaseEntry } from './builders'
import { ApiError, softFailure } from '@/api/errors'
import { reviewerWorkload } from '@/reviewerWorkload'

const fakes = vi.hoisted(() => ({
  listDatasets: vi.fn<typeof datastore.listDatasets>(),
  fetchPerson: vi.fn<typeof registry.fetchPerson>(),
  listDatasetReviewers: vi.fn<typeof review.listDatasetReviewers>(),
  addDatasetReviewer: vi.fn<typeof review.addDatasetReviewer>(),
  deleteDatasetReviewer: vi.fn<typeof review.deleteDatasetReviewer>(),
}))
vi.mock('@/api/datastore', () => ({ listDatasets: fakes.listDatasets }))
vi.mock('@/api/registry', () => ({ fetchPerson: fakes.fetchPerson }))
vi.mock('@/api/review', () => ({ listDatasetReviewers: fakes.listDatasetReviewers, addDatasetReviewer: fakes.addDatasetReviewer, deleteDatasetReviewer: fakes.deleteDatasetReviewer }))

const { useReviewersStore } = await import('@/stores/reviewers')

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
})

const pending = (id: string, approver: string, at: number) =>
  itemDataset(id, { release: { release_status: 'PENDING', release_approver: approver, release_history: [releaseEntry('REQUEST', at, approver)] } })

describe('reviewerWorkload', () => {
  it('counts open requests (oldest first) and decisions per approver, keeping approvers who no longer review', () => {
    const decided = itemDataset('d/1', {
      release: { release_status: 'RELEASED', release_approver: 'p-a', release_history: [releaseEntry('REQUEST', 10, 'p-a'), releaseEntry('REJECT', 11, 'p-a'), releaseEntry('REQUEST', 12, 'p-b'), releaseEntry('APPROVE', 13, 'p-b')] },
    })
    const workload = reviewerWorkload([pending('d/3', 'p-a', 300), decided, pending('d/2', 'p-a', 200), itemDataset('d/4')])
    expect(workload.get('p-a')).toEqual({ open: [{ id: 'd/2', display_name: 'Dataset d/2', requested: 200 }, { id: 'd/3', display_name: 'Dataset d/3', requested: 300 }], decided: 1 })
    expect(workload.get('p-b')).toEqual({ open: [], decided: 1 })
    expect(workload.size).toBe(2)
  })
})

describe('useReviewersStore', () => {
  it('lists reviewers by name, keeping one whose Person cannot be read, and counts over every page', async () => {
    fakes.listDatasetReviewers.mockResolvedValue(['p-z', 'p-gone', 'p-a'])
    fakes.fetchPerson.mockImplementation(async (id) => {
      if (id === 'p-gone') throw softFailure('No PERSON item')
      return agentResponse(itemPerson(id, id === 'p-a' ? 'Ada Admin' : 'Zoe Zed'))
    })
    fakes.listDatasets.mockResolvedValueOnce(listPage([pending('d/1', 'p-a', 1)], { k: 1 })).mockResolvedValueOnce(listPage([pending('d/2', 'p-a', 2)]))
    const store = useReviewersStore()
    expect(await store.load()).toBe(true)
    expect(await store.countRequests()).toBe(true)
    expect(store.reviewers.map((r) => [r.id, r.person?.display_name ?? null])).toEqual([['p-a', 'Ada Admin'], ['p-gone', null], ['p-z', 'Zoe Zed']])
    expect(store.workloadOf('p-a').open.map((r) => r.id)).toEqual(['d/1', 'd/2'])
    expect(store.workloadOf('p-z')).toEqual({ open: [], decided: 0 })
    expect(store.countedOver).toBe(2)
    expect(fakes.listDatasets).toHaveBeenLastCalledWith({ page_size: 500, pagination_key: { k: 1 } }, expect.any(AbortSignal))
  })

  it('refuses an id that is not a registry Person, or already a reviewer, without calling add', async () => {
    fakes.listDatasetReviewers.mockResolvedValue(['p-a'])
    fakes.fetchPerson.mockImplementation(async (id) => {
      if (id === 'p-a') return agentResponse(itemPerson('p-a', 'Ada Admin'))
      if (id === 'o-1') return agentResponse(itemOrganisation('o-1', 'CSIRO') as never)
      throw softFailure(`No PERSON item with id '${id}' exists in the registry.`)
    })
    const store = useReviewersStore()
    await store.load()
    for (const id of ['10378.1/999', 'o-1']) {
      expect(await store.add(id)).toBe(false)
      expect(store.saveError?.detail).toBe(`${id} is not a Person in the registry, so it cannot review. Search for the person by name, or paste the id of their Person record.`)
    }
    expect(await store.add('p-a')).toBe(false)
    expect(store.saveError?.detail).toBe('p-a is already a reviewer.')
    expect(fakes.addDatasetReviewer).not.toHaveBeenCalled()
  })

  it('adds a Person and removes a reviewer; a failure of the registry itself is reported as it is', async () => {
    fakes.listDatasetReviewers.mockResolvedValue([])
    fakes.fetchPerson.mockResolvedValueOnce(agentResponse(itemPerson('p-b', 'Bo Brown'))).mockRejectedValueOnce(new ApiError('server', 500, 'Registry down'))
    fakes.addDatasetReviewer.mockResolvedValue(undefined)
    fakes.deleteDatasetReviewer.mockResolvedValue(undefined)
    const store = useReviewersStore()
    await store.load()
    expect(await store.add('p-b')).toBe(true)
    expect(fakes.addDatasetReviewer).toHaveBeenCalledWith('p-b', expect.any(AbortSignal))
    expect(store.reviewers.map((r) => r.id)).toEqual(['p-b'])
    expect(await store.add('p-c')).toBe(false)
    expect(store.saveError?.detail).toBe('Registry down')
    expect(await store.remove('p-b')).toBe(true)
    expect(store.reviewers).toEqual([])
  })
})
