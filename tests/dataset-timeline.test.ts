import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type * as datastore from '@/api/datastore'
import type * as registry from '@/api/registry'
import type * as authApi from '@/api/authApi'
import type { LockEvent } from '@/api/models/registry'
import { buildTimeline } from '@/datasetTimeline'
import { agentResponse, fetchResponse, itemDataset, itemPerson, ok, releaseEntry } from './builders'
import { resetStrictFakes } from './strictFakes'

const fakes = vi.hoisted(() => ({
  fetchDataset: vi.fn<typeof datastore.fetchDataset>(),
  fetchLockHistory: vi.fn<typeof registry.fetchLockHistory>(),
  fetchPerson: vi.fn<typeof registry.fetchPerson>(),
  lookupUserLink: vi.fn<typeof authApi.lookupUserLink>(),
}))
vi.mock('@/api/datastore', () => ({ fetchDataset: fakes.fetchDataset }))
vi.mock('@/api/registry', () => ({ fetchLockHistory: fakes.fetchLockHistory, fetchPerson: fakes.fetchPerson }))
vi.mock('@/api/authApi', () => ({ lookupUserLink: fakes.lookupUserLink }))
const { useDatasetTimelineStore } = await import('@/stores/datasetTimeline')
const { useUserNamesStore } = await import('@/stores/userNames')

const T = 1_700_000_000
const lock = (action_type: LockEvent['action_type'], timestamp: number, reason = 'Audit'): LockEvent => ({ action_type, username: 'admin', reason, timestamp })

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
})

describe('buildTimeline', () => {
  it('merges history, locks and release steps newest first, each with who and a link to its detail', () => {
    const item = itemDataset('10378.1/1', {
      created: T,
      history: ['Fixed the licence', 'Initial record creation'],
      release: { release_history: [releaseEntry('REQUEST', T + 50), releaseEntry('REJECT', T + 80)] },
    })
    const events = buildTimeline(item, [lock('LOCK', T + 10), lock('UNLOCK', T + 60, '')], null)
    expect(events.map((e) => e.title)).toEqual(['Release rejected', 'Unlocked', 'Release requested', 'Locked', 'Metadata edited (entry 2)', 'Registered'])
    const [rejected, unlocked, requested, , edited] = events
    expect(rejected).toMatchObject({ kind: 'release', actor: { person: 'p-rev' }, link: { tab: 'release', event: 1 } })
    expect(requested.actor).toEqual({ person: 'p-req' })
    expect(unlocked).toMatchObject({ kind: 'lock', actor: { username: 'admin' }, text: null, link: null })
    expect(edited).toMatchObject({ kind: 'metadata', text: 'Fixed the licence', actor: { username: 'steward' }, link: { tab: 'history', entry: 2 } })
  })

  it("reads the data store's own reasons as reverts and version creation", () => {
    const item = itemDataset('10378.1/2', {
      versioning: { version: 2, previous_version: '10378.1/1', reason: 'Annual refresh' },
      history: ['Reverting dataset to history id 1. Reason: Revert to entry 1: wrong licence.', "(System) Dataset S3 path updated to new version's storage location", 'New version of existing item (id=10378.1/1).'],
    })
    const events = buildTimeline(item, [], null)
    expect(events[0]).toMatchObject({ kind: 'revert', title: 'Reverted to entry 1', text: 'Revert to entry 1: wrong licence', link: { tab: 'history', entry: 3 } })
    expect(events[1].kind).toBe('metadata')
    expect(events[2]).toMatchObject({ kind: 'version', title: 'Created as version 2 from 10378.1/1', text: 'Annual refresh', link: { tab: 'versions', dataset: '10378.1/1', version: 1 } })
  })

  it('keeps the wire order among steps of one second, and puts a replacing version last', () => {
    const item = itemDataset('10378.1/3', { created: T, history: ['Second', 'First', 'Initial record creation'] })
    for (const entry of item.history) entry.timestamp = T
    const next = { id: '10378.1/4', version: 2, created_timestamp: T, owner_username: 'steward', reason: 'Recalibrated' }
    const events = buildTimeline(item, [lock('LOCK', T)], next)
    expect(events.map((e) => e.title)).toEqual(['Version 2 created as 10378.1/4', 'Locked', 'Metadata edited (entry 3)', 'Metadata edited (entry 2)', 'Registered'])
    expect(events[0]).toMatchObject({ kind: 'version', text: 'Recalibrated', actor: { username: 'steward' }, link: { tab: 'versions', dataset: '10378.1/4', version: 2 } })
  })
})

describe('the timeline store', () => {
  it('adds the lock history and the version that replaced the dataset', async () => {
    const item = itemDataset('10378.1/5', { created: T, versioning: { version: 1, next_version: '10378.1/6' } })
    fakes.fetchLockHistory.mockResolvedValue({ status: ok, history: [lock('LOCK', T + 5)] })
    fakes.fetchDataset.mockResolvedValue(fetchResponse(itemDataset('10378.1/6', { created: T + 9, versioning: { version: 2, previous_version: '10378.1/5', reason: 'Refresh' } })))
    const store = useDatasetTimelineStore()
    expect(await store.load(item)).toBe(true)
    expect(store.events.map((e) => e.title)).toEqual(['Version 2 created as 10378.1/6', 'Locked', 'Registered'])
  })

  it('shows what the item has when the lock history fails, and leaves out a next version it may not see', async () => {
    const item = itemDataset('10378.1/7', { versioning: { version: 1, next_version: '10378.1/8' } })
    fakes.fetchLockHistory.mockRejectedValue(Object.assign(new Error('boom'), { isAxiosError: true, response: { status: 500, data: { detail: 'Lock table down' } } }))
    fakes.fetchDataset.mockResolvedValue(fetchResponse(null))
    const store = useDatasetTimelineStore()
    expect(await store.load(item)).toBe(false)
    expect(store.status).toBe('error')
    expect(store.events.map((e) => e.title)).toEqual(['Registered'])
  })
})

describe('user names', () => {
  it("names a username by its linked Person, looked up once for every entry", async () => {
    fakes.lookupUserLink.mockResolvedValue({ success: true, person_id: 'p-1' })
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Sam Steward')))
    const users = useUserNamesStore()
    users.ensure('steward')
    users.ensure('steward')
    await vi.waitFor(() => expect(users.nameOf('steward')).toBe('Sam Steward'))
    expect(fakes.lookupUserLink).toHaveBeenCalledTimes(1)
  })

  it('keeps the username when there is no link or the look-up fails', async () => {
    fakes.lookupUserLink.mockImplementation(async (username) => {
      if (username === 'gone') throw new Error('network')
      return { success: false, person_id: null }
    })
    const users = useUserNamesStore()
    users.ensure('jchen')
    users.ensure('gone')
    await vi.waitFor(() => expect(users.links.gone?.done && users.links.jchen?.done).toBe(true))
    expect(users.nameOf('jchen')).toBeNull()
    expect(users.nameOf('gone')).toBeNull()
    expect(fakes.fetchPerson).not.toHaveBeenCalled()
  })
})
