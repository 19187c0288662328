import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { resetStrictFakes } from './strictFakes'
import { ApiError } from '@/api/errors'
import type { ItemDataset, ItemPerson, VersioningInfo } from '@/api/models/registry'
import type * as datastore from '@/api/datastore'
import type * as registry from '@/api/registry'
import { agentResponse, fetchResponse, itemDataset, itemOrganisation, itemPerson } from './builders'

const fakes = vi.hoisted(() => ({
  fetchDataset: vi.fn<typeof datastore.fetchDataset>(),
  getDatasetSchema: vi.fn<typeof datastore.getDatasetSchema>(),
  fetchPerson: vi.fn<typeof registry.fetchPerson>(),
  fetchOrganisation: vi.fn<typeof registry.fetchOrganisation>(),
}))
vi.mock('@/api/datastore', () => ({ fetchDataset: fakes.fetchDataset, getDatasetSchema: fakes.getDatasetSchema }))
vi.mock('@/api/registry', () => ({ fetchPerson: fakes.fetchPerson, fetchOrganisation: fakes.fetchOrganisation }))

const { useDatasetStore } = await import('@/stores/dataset')
const { useDatasetVersionsStore } = await import('@/stores/datasetVersions')
const { useRegistryAgentsStore } = await import('@/stores/registryAgents')
const { useDatasetSchemaStore } = await import('@/stores/datasetSchema')

const dataset = (id: string, versioning: Partial<VersioningInfo> = {}) => itemDataset(id, { versioning })
const notVisible = () => new ApiError('forbidden', 401, 'Registry did not grant access to the dataset.')
const unknown = () => new ApiError('bad-request', 400, 'The registry API responded with status success False')

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
})

describe('useDatasetStore', () => {
  it('holds the item, the caller roles and the lock state', async () => {
    fakes.fetchDataset.mockResolvedValue(fetchResponse(dataset('a/1'), { roles: ['metadata-read', 'admin'], locked: true }))
    const store = useDatasetStore()
    await store.load('a/1')
    expect(store).toMatchObject({ status: 'success', id: 'a/1', locked: true, unavailable: false })
    expect(store.item?.id).toBe('a/1')
    expect(store.has('admin')).toBe(true)
    expect(store.has('metadata-write')).toBe(false)
  })

  it('treats an unknown id (400) and a hidden dataset (401) alike, and other failures as retryable', async () => {
    const store = useDatasetStore()
    for (const error of [unknown(), notVisible()]) {
      fakes.fetchDataset.mockRejectedValueOnce(error)
      await store.load('a/404')
      expect(store).toMatchObject({ status: 'error', unavailable: true })
    }
    fakes.fetchDataset.mockResolvedValueOnce(fetchResponse(null))
    await store.load('a/404')
    expect(store).toMatchObject({ status: 'error', unavailable: true })
    fakes.fetchDataset.mockRejectedValueOnce(new ApiError('network', null, 'The server could not be reached.'))
    await store.load('a/404')
    expect(store).toMatchObject({ status: 'error', unavailable: false })
    fakes.fetchDataset.mockResolvedValueOnce(fetchResponse(dataset('a/404'), { roles: [] }))
    await store.reload()
    expect(store.status).toBe('success')
  })

  it('forgets the previous dataset at once, and ignores its late answer', async () => {
    let answer!: (value: Awaited<ReturnType<typeof datastore.fetchDataset>>) => void
    fakes.fetchDataset.mockResolvedValueOnce(fetchResponse(dataset('a/1'), { roles: ['admin'], locked: true }))
    const store = useDatasetStore()
    await store.load('a/1')
    fakes.fetchDataset.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
    fakes.fetchDataset.mockResolvedValueOnce(fetchResponse(dataset('b/2'), { roles: [] }))
    const first = store.load('a/1-slow')
    expect(store).toMatchObject({ item: null, roles: [], locked: false })
    await store.load('b/2')
    answer(fetchResponse(dataset('a/1-slow'), { roles: ['admin'], locked: true }))
    await first
    expect(store.item?.id).toBe('b/2')
    expect(store.roles).toEqual([])
  })
})

/** v1 ← v2 ← v3, linked both ways. */
function threeVersions(): Record<string, ItemDataset> {
  return {
    v1: dataset('v1', { version: 1, next_version: 'v2' }),
    v2: dataset('v2', { version: 2, previous_version: 'v1', next_version: 'v3', reason: 'refresh' }),
    v3: dataset('v3', { version: 3, previous_version: 'v2', reason: 'again' }),
  }
}

describe('useDatasetVersionsStore', () => {
  it('walks the chain both ways, oldest first, and knows the latest', async () => {
    const chain = threeVersions()
    fakes.fetchDataset.mockImplementation(async (id) => fetchResponse(chain[id]))
    const store = useDatasetVersionsStore()
    await store.load(chain.v2)
    expect(store.chain.map((entry) => [entry.id, entry.version])).toEqual([['v1', 1], ['v2', 2], ['v3', 3]])
    expect(store.latest?.id).toBe('v3')
    expect(fakes.fetchDataset).toHaveBeenCalledTimes(2)
    await store.load(chain.v2)
    expect(fakes.fetchDataset).toHaveBeenCalledTimes(2)
  })

  it('never fetches a version twice in a session: moving along the chain reads only what is new', async () => {
    const chain = threeVersions()
    fakes.fetchDataset.mockImplementation(async (id) => fetchResponse(chain[id]))
    const store = useDatasetVersionsStore()
    await store.load(chain.v2)
    expect(fakes.fetchDataset.mock.calls.map(([id]) => id).sort()).toEqual(['v1', 'v3'])
    // The page of v3 fetched v3 itself; walking back from it finds v2 and v1 already read.
    await store.load(chain.v3)
    expect(store.chain.map((entry) => entry.id)).toEqual(['v1', 'v2', 'v3'])
    expect(fakes.fetchDataset).toHaveBeenCalledTimes(2)
    // A version whose links changed is read again once forgotten.
    store.forget('v1')
    await store.load(chain.v2)
    expect(fakes.fetchDataset.mock.calls.at(-1)?.[0]).toBe('v1')
    expect(fakes.fetchDataset).toHaveBeenCalledTimes(3)
  })

  it('stops at a version the user may not see, and fails (to retry) on anything else', async () => {
    const v2 = dataset('v2', { version: 2, previous_version: 'v1', next_version: 'v3' })
    fakes.fetchDataset.mockImplementation(async (id) => {
      if (id === 'v3') throw notVisible()
      return fetchResponse(dataset('v1', { version: 1, next_version: 'v2' }))
    })
    const store = useDatasetVersionsStore()
    await store.load(v2)
    expect(store.chain.map((entry) => [entry.id, entry.problem?.kind ?? null])).toEqual([['v1', null], ['v2', null], ['v3', 'forbidden']])
    expect(store.latest?.id).toBe('v2')
    fakes.fetchDataset.mockRejectedValue(new ApiError('server', 500, 'boom'))
    await store.load(v2, { force: true })
    expect(store).toMatchObject({ status: 'error' })
    expect(store.error?.detail).toBe('boom')
  })

  it('does not loop forever on a chain that points back at itself', async () => {
    const a = dataset('a', { version: 1, next_version: 'b' })
    fakes.fetchDataset.mockImplementation(async (id) => fetchResponse(dataset(id, { version: 2, next_version: id === 'b' ? 'a' : 'b' })))
    const store = useDatasetVersionsStore()
    await store.load(a)
    expect(store.status).toBe('success')
    expect(store.chain.map((entry) => entry.id)).toEqual(['a', 'b'])
  })

  it('walks again when the same dataset comes back with a new version linked', async () => {
    const v1 = dataset('v1', { version: 1 })
    const store = useDatasetVersionsStore()
    await store.load(v1)
    expect(store.chain.map((entry) => entry.id)).toEqual(['v1'])
    fakes.fetchDataset.mockResolvedValue(fetchResponse(dataset('v2', { version: 2, previous_version: 'v1', reason: 'new' })))
    await store.load(dataset('v1', { version: 1, next_version: 'v2' }))
    expect(store.chain.map((entry) => entry.id)).toEqual(['v1', 'v2'])
    expect(store.latest?.id).toBe('v2')
  })
})

describe('useRegistryAgentsStore', () => {
  it('looks each id up once, shared by every caller, and again only on retry', async () => {
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Riley Reviewer')))
    fakes.fetchOrganisation.mockRejectedValueOnce(new ApiError('network', null, 'offline')).mockResolvedValueOnce(agentResponse(itemOrganisation('o-1', 'CSIRO')))
    const store = useRegistryAgentsStore()
    await Promise.all([store.ensure('p-1', 'person'), store.ensure('p-1', 'person')])
    expect(fakes.fetchPerson).toHaveBeenCalledTimes(1)
    expect(store.entryOf('p-1')).toMatchObject({ status: 'success', name: 'Riley Reviewer' })
    await store.ensure('o-1', 'organisation')
    expect(store.entryOf('o-1')).toMatchObject({ status: 'error', name: null })
    await store.ensure('o-1', 'organisation')
    expect(fakes.fetchOrganisation).toHaveBeenCalledTimes(1)
    await store.retry('o-1', 'organisation')
    expect(store.entryOf('o-1')).toMatchObject({ status: 'success', name: 'CSIRO' })
  })

  it('records a soft failure when the registry returns no item', async () => {
    fakes.fetchPerson.mockResolvedValue(agentResponse<ItemPerson>(null))
    const store = useRegistryAgentsStore()
    await store.ensure('p-9', 'person')
    expect(store.entryOf('p-9')?.error?.kind).toBe('soft-failure')
  })
})

describe('useDatasetSchemaStore', () => {
  it('reads the schema once, and again after a failure', async () => {
    fakes.getDatasetSchema.mockRejectedValueOnce(new ApiError('server', 500, 'Failed')).mockResolvedValue({ json_schema: { title: 'Dataset Metadata' } })
    const store = useDatasetSchemaStore()
    await store.ensureLoaded()
    expect(store.status).toBe('error')
    await Promise.all([store.ensureLoaded(), store.ensureLoaded()])
    await store.ensureLoaded()
    expect(store.schema?.title).toBe('Dataset Metadata')
    expect(fakes.getDatasetSchema).toHaveBeenCalledTimes(2)
  })
})
