import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { resetStrictFakes } from './strictFakes'
import type * as oidc from '@/auth/oidc'
import type * as authApi from '@/api/authApi'
import type * as registry from '@/api/registry'
import type * as review from '@/api/review'
import type { UserLinkLookupResponse } from '@/api/models/common'
import { agentResponse, itemPerson, storedUser } from './builders'
import { ApiError } from '@/api/errors'

const fakes = vi.hoisted(() => ({
  currentUser: vi.fn<typeof oidc.currentUser>(),
  lookupUserLink: vi.fn<typeof authApi.lookupUserLink>(),
  fetchPerson: vi.fn<typeof registry.fetchPerson>(),
  listDatasetReviewers: vi.fn<typeof review.listDatasetReviewers>(),
}))
vi.mock('@/auth/oidc', () => ({ currentUser: fakes.currentUser }))
vi.mock('@/api/authApi', () => ({ lookupUserLink: fakes.lookupUserLink }))
vi.mock('@/api/registry', () => ({ fetchPerson: fakes.fetchPerson }))
vi.mock('@/api/review', () => ({ listDatasetReviewers: fakes.listDatasetReviewers }))

const { useSessionStore } = await import('@/stores/session')

const fakeUser = (roles: string[], expired = false) => storedUser(roles, { expiresAt: expired ? 1_000_000_000 : 2_000_000_000 })

beforeEach(() => {
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
  sessionStorage.clear()
})

describe('useSessionStore', () => {
  it('reads claims from the tokens, then the linked Person and whether it reviews', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read', 'entity-registry-write']))
    fakes.lookupUserLink.mockResolvedValue({ success: true, person_id: 'p-1' })
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Sam Steward')))
    fakes.listDatasetReviewers.mockResolvedValue(['p-1', 'p-9'])
    const session = useSessionStore()
    await session.load()
    expect(session.status).toBe('success')
    expect(session.claims).toEqual({ username: 'steward', name: 'Sam Steward', email: 'steward@example.org', roles: ['entity-registry-read', 'entity-registry-write'], expiresAt: 2_000_000_000 })
    expect(session).toMatchObject({ isAuthenticated: true, canRead: true, canWrite: true, isRegistryAdmin: false, isSysAdmin: false, isReviewer: true, personId: 'p-1', personName: 'Sam Steward' })
    expect(fakes.lookupUserLink).toHaveBeenCalledWith('steward', expect.any(AbortSignal))
    expect(JSON.stringify(session.$state)).not.toContain('sig')
  })

  it("uses this tab's last identity at once while it is read again, for the same user only", async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read', 'entity-registry-write']))
    fakes.lookupUserLink.mockResolvedValue({ success: true, person_id: 'p-1' })
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Sam Steward')))
    fakes.listDatasetReviewers.mockResolvedValue(['p-1'])
    await useSessionStore().load()
    // A reload: a new store, the registry slow to answer.
    setActivePinia(createPinia())
    let answer: (value: UserLinkLookupResponse) => void = () => {}
    fakes.lookupUserLink.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const session = useSessionStore()
    const loading = session.load()
    await vi.waitFor(() => expect(session).toMatchObject({ identityKnown: true, identityStatus: 'loading', personId: 'p-1', isReviewer: true }))
    answer({ success: true, person_id: 'p-1' })
    await loading
    expect(session.identityStatus).toBe('success')
    expect(sessionStorage.getItem('console.identity')).not.toMatch(/token|sig/)
    session.clear()
    expect(sessionStorage.getItem('console.identity')).toBeNull()
  })

  it('forgets the previous Person when the user is no longer linked', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read']))
    fakes.lookupUserLink.mockResolvedValueOnce({ success: true, person_id: 'p-1' }).mockResolvedValueOnce({ success: false, person_id: null })
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Sam Steward')))
    const session = useSessionStore()
    await session.load()
    expect(session.personName).toBe('Sam Steward')
    await session.load()
    expect(session).toMatchObject({ personId: null, personName: null })
  })

  it('asks nothing of the registry a user without read access would be refused (an outsider)', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser([]))
    fakes.lookupUserLink.mockResolvedValue({ success: true, person_id: 'p-7' })
    const session = useSessionStore()
    await session.load()
    expect(session).toMatchObject({ isAuthenticated: true, canRead: false, personId: 'p-7', personName: null })
    expect(fakes.fetchPerson).not.toHaveBeenCalled()
    expect(fakes.listDatasetReviewers).not.toHaveBeenCalled()
  })

  it('derives the admin permissions from all-of realm roles', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read', 'entity-registry-write', 'entity-registry-admin', 'sys-admin-read', 'sys-admin-write', 'sys-admin-admin']))
    fakes.lookupUserLink.mockResolvedValue({ success: false, person_id: null })
    fakes.listDatasetReviewers.mockResolvedValue([])
    const session = useSessionStore()
    await session.load()
    expect(session).toMatchObject({ isRegistryAdmin: true, isSysAdmin: true, isReviewer: false, personId: null })
  })

  it('is signed out without a user, or with an expired one that cannot renew', async () => {
    fakes.currentUser.mockResolvedValue(null)
    const session = useSessionStore()
    await session.load()
    expect(session.isAuthenticated).toBe(false)
    const expired = { ...fakeUser(['entity-registry-read'], true), refresh_token: undefined }
    fakes.currentUser.mockResolvedValue(expired)
    await session.load()
    expect(session.isAuthenticated).toBe(false)
  })

  it('keeps the user signed in and records the error when the registry look-up fails', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read']))
    fakes.lookupUserLink.mockRejectedValue(new ApiError('network', null, 'The server could not be reached.'))
    const session = useSessionStore()
    await session.load()
    expect(session.identityStatus).toBe('error')
    expect(session.identityError?.kind).toBe('network')
    expect(session.status).toBe('success')
    expect(session.isAuthenticated).toBe(true)
    expect(fakes.listDatasetReviewers).not.toHaveBeenCalled()
  })

  it('lets navigation go on while the registry identity is still being looked up', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read', 'entity-registry-write']))
    let link!: (value: UserLinkLookupResponse) => void
    fakes.lookupUserLink.mockReturnValue(new Promise((resolve) => (link = resolve)))
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Sam Steward')))
    fakes.listDatasetReviewers.mockResolvedValue(['p-1'])
    const session = useSessionStore()
    await session.ensureLoaded()
    expect(session).toMatchObject({ isAuthenticated: true, canWrite: true, identityStatus: 'loading', personId: null })
    // The reviewer list is asked for alongside the link, not after it.
    expect(fakes.listDatasetReviewers).toHaveBeenCalled()
    link({ success: true, person_id: 'p-1' })
    await vi.waitFor(() => expect(session.identityStatus).toBe('success'))
    expect(session).toMatchObject({ personId: 'p-1', personName: 'Sam Steward', isReviewer: true })
  })

  it('drops a registry identity that arrives after the session was cleared', async () => {
    fakes.currentUser.mockResolvedValue(fakeUser(['entity-registry-read']))
    let link!: (value: UserLinkLookupResponse) => void
    fakes.lookupUserLink.mockReturnValue(new Promise((resolve) => (link = resolve)))
    fakes.fetchPerson.mockResolvedValue(agentResponse(itemPerson('p-1', 'Sam Steward')))
    const session = useSessionStore()
    const loading = session.load()
    await vi.waitFor(() => expect(session.identityStatus).toBe('loading'))
    session.clear()
    link({ success: true, person_id: 'p-1' })
    await loading
    expect(session).toMatchObject({ personId: null, personName: null, identityStatus: 'idle' })
  })

  it('loads once, and remembers an ended session until cleared', async () => {
    fakes.currentUser.mockResolvedValue(null)
    const session = useSessionStore()
    await session.ensureLoaded()
    await session.ensureLoaded()
    expect(fakes.currentUser).toHaveBeenCalledTimes(1)
    session.end()
    expect(session.ended).toBe(true)
    session.clear()
    expect(session.ended).toBe(false)
  })
})
