import { beforeAll, describe, expect, it } from 'vitest'
import { fetchDataset, mintDataset } from '@/api/datastore'
import { ApiError } from '@/api/errors'
import type { CollectionFormat, ItemDataset } from '@/api/models/registry'
import { actionApprovalRequest, addDatasetReviewer, approvalRequest, deleteDatasetReviewer, listDatasetReviewers } from '@/api/review'
import {
  fetchAccessSettings,
  fetchLockHistory,
  fetchLockStatus,
  fetchOrganisation,
  fetchPerson,
  listOrganisations,
  listPersons,
  listReviewerReleases,
  lockDataset,
  unlockDataset,
  updateAccessSettings,
} from '@/api/registry'
import { searchRegistry } from '@/api/search'
import { lookupUserLink } from '@/api/authApi'
import { setTokenSource } from '@/api/http'
import { actAs, apiErrorOf, countingSource, recordRequests, tokenFor, useStack } from './harness'
import { examplePayload, firstId, personOf, seededDataset } from '../../server/tests/helpers/fixtures'

const h = useStack()

let stewardPerson: string
let reviewerPerson: string
let readerPerson: string
beforeAll(async () => {
  ;[stewardPerson, reviewerPerson, readerPerson] = await Promise.all(['steward', 'reviewer', 'reader'].map((u) => personOf(h.t, u)))
})

async function mintAsSteward(): Promise<string> {
  await actAs('steward')
  const minted = await mintDataset((await examplePayload(h.t)) as CollectionFormat)
  return minted.handle as string
}

async function itemAsAdmin(id: string): Promise<ItemDataset> {
  await actAs('admin')
  return (await fetchDataset(id)).item as ItemDataset
}

describe('system reviewers (review.ts)', () => {
  it('listDatasetReviewers and deleteDatasetReviewer (DELETE, reviewer_id in the query)', async () => {
    await actAs('steward')
    expect(await listDatasetReviewers()).toEqual([reviewerPerson])
    // Added over plain HTTP so that deleting is tested on its own (see the addDatasetReviewer test below).
    expect((await h.t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: readerPerson } })).status).toBe(200)

    await actAs('admin')
    const recorder = recordRequests()
    try {
      expect((await listDatasetReviewers()).sort()).toEqual([reviewerPerson, readerPerson].sort())
      expect(await deleteDatasetReviewer(readerPerson)).toBeUndefined()
      expect(await listDatasetReviewers()).toEqual([reviewerPerson])
      // Deleting an id that is not there succeeds, as in Provena.
      await deleteDatasetReviewer('never-a-reviewer')
      const base = `${h.baseUrl}/data-store`
      expect(recorder.requests.map(({ baseURL, method, url, params, data }) => ({ baseURL, method, url, params, data }))).toEqual([
        { baseURL: base, method: 'GET', url: '/release/sys-reviewers/list', params: undefined, data: undefined },
        { baseURL: base, method: 'DELETE', url: '/release/sys-reviewers/delete', params: { reviewer_id: readerPerson }, data: undefined },
        { baseURL: base, method: 'GET', url: '/release/sys-reviewers/list', params: undefined, data: undefined },
        { baseURL: base, method: 'DELETE', url: '/release/sys-reviewers/delete', params: { reviewer_id: 'never-a-reviewer' }, data: undefined },
      ])
    } finally {
      recorder.stop()
    }
  })

  it('addDatasetReviewer adds a reviewer (POST, reviewer_id in the query, no body: a body would be 422)', async () => {
    await actAs('admin')
    const recorder = recordRequests()
    try {
      // KNOWN DEFECT (server/): in Node, axios gives a bodiless POST "Content-Type: application/x-www-form-urlencoded"
      // (the browser's XHR adapter drops it). The local server answers that 415 Unsupported Media Type, although
      // Provena's FastAPI route has no body parameter and never reads the body. This assertion fails until the
      // server ignores the content type of an empty body on body-less routes.
      expect(await addDatasetReviewer(readerPerson)).toBeUndefined()
      expect(recorder.requests[0]).toMatchObject({ method: 'POST', url: '/release/sys-reviewers/add', params: { reviewer_id: readerPerson }, data: undefined })
      expect((await listDatasetReviewers()).sort()).toEqual([reviewerPerson, readerPerson].sort())
    } finally {
      recorder.stop()
      await h.t.as('admin', 'DELETE', '/data-store/release/sys-reviewers/delete', { query: { reviewer_id: readerPerson } })
    }
  })
})

describe('release approval (review.ts) and the reviewer queue (registry.ts)', () => {
  it('request → reject → request → approve, with the queue listing the pending dataset', async () => {
    const id = await mintAsSteward()
    const requested = await approvalRequest({ dataset_id: id, approver_id: reviewerPerson, notes: 'Please review' })
    expect(requested).toEqual({
      dataset_id: id,
      approver_id: reviewerPerson,
      details: 'Successfully sent request to approve dataset release to approver. Email notification included.',
    })
    let item = await itemAsAdmin(id)
    expect(item).toMatchObject({ release_status: 'PENDING', release_approver: reviewerPerson })
    expect(item.release_history).toEqual([expect.objectContaining({ action: 'REQUEST', approver: reviewerPerson, requester: stewardPerson, notes: 'Please review' })])

    await actAs('reviewer')
    const queue = await listReviewerReleases({ filter_by: { release_reviewer: reviewerPerson, release_status: 'PENDING' }, sort_by: { sort_type: 'RELEASE_TIMESTAMP', ascending: false }, page_size: 50 })
    expect(queue.status.success).toBe(true)
    expect(queue.dataset_items[0].id).toBe(id)
    expect(queue.dataset_items.every((d) => d.release_status === 'PENDING' && d.release_approver === reviewerPerson)).toBe(true)
    expect(queue.total_dataset_count).toBe(queue.dataset_items.length)

    const rejected = await actionApprovalRequest({ dataset_id: id, approve: false, notes: 'Needs work' })
    expect(rejected).toEqual({ dataset_id: id, approved: false, details: 'Succesfully responded to dataset release approval request.' })
    expect((await itemAsAdmin(id)).release_status).toBe('NOT_RELEASED')

    await actAs('steward')
    await approvalRequest({ dataset_id: id, approver_id: reviewerPerson, notes: 'Fixed' })
    await actAs('reviewer')
    const approved = await actionApprovalRequest({ dataset_id: id, approve: true, notes: 'Looks good' })
    expect(approved).toMatchObject({ dataset_id: id, approved: true })
    item = await itemAsAdmin(id)
    expect(item.release_status).toBe('RELEASED')
    expect(item.release_history.map((e) => e.action)).toEqual(['REQUEST', 'REJECT', 'REQUEST', 'APPROVE'])
    expect(item.history).toHaveLength(1)
  })
})

describe('people and organisations (registry.ts)', () => {
  it('fetchPerson and fetchOrganisation return the items; a miss is a soft failure', async () => {
    await actAs('reader')
    const person = await fetchPerson(stewardPerson)
    expect(person.item).toMatchObject({ id: stewardPerson, item_subtype: 'PERSON', first_name: 'Sam', last_name: 'Steward', email: 'steward@example.org' })
    const orgId = await firstId(h.t, "item_subtype = 'ORGANISATION'")
    const org = await fetchOrganisation(orgId)
    expect(org.item).toMatchObject({ id: orgId, item_subtype: 'ORGANISATION' })
    expect(org.item?.name).toEqual(expect.any(String))
    const miss = await apiErrorOf(fetchOrganisation(stewardPerson))
    expect(miss).toMatchObject({ kind: 'soft-failure', status: 200 })
  })

  it('listPersons and listOrganisations return sorted pages', async () => {
    await actAs('reader')
    const people = await listPersons({ sort_by: { sort_type: 'DISPLAY_NAME', ascending: true }, page_size: 100 })
    expect(people.status.success).toBe(true)
    const names = people.items.map((p) => p.display_name)
    expect(names).toEqual(expect.arrayContaining(['Riley Reviewer', 'Sam Steward']))
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(people.items.every((p) => p.item_subtype === 'PERSON')).toBe(true)

    const orgs = await listOrganisations({ sort_by: { sort_type: 'DISPLAY_NAME', ascending: false }, page_size: 100, filter_by: { record_type: 'COMPLETE_ONLY' } })
    expect(orgs.items.map((o) => o.name)).toEqual(expect.arrayContaining(['Australian Institute of Marine Science', 'Bureau of Meteorology']))
    expect(orgs.items.every((o) => o.item_subtype === 'ORGANISATION')).toBe(true)
    expect(orgs.pagination_key ?? null).toBeNull()
  })
})

describe('locks and access settings (registry.ts)', () => {
  it('lockDataset, unlockDataset, fetchLockStatus and fetchLockHistory', async () => {
    const id = await mintAsSteward()
    expect(await fetchLockStatus(id)).toEqual({ locked: false })
    expect((await lockDataset({ id, reason: 'Quality control' })).status.success).toBe(true)
    expect(await fetchLockStatus(id)).toEqual({ locked: true })
    expect((await fetchDataset(id)).locked).toBe(true)
    expect((await unlockDataset({ id, reason: 'Checked' })).status.success).toBe(true)
    expect(await fetchLockStatus(id)).toEqual({ locked: false })
    const history = await fetchLockHistory(id)
    expect(history.history?.map((e) => [e.action_type, e.reason, e.username])).toEqual([
      ['LOCK', 'Quality control', 'steward'],
      ['UNLOCK', 'Checked', 'steward'],
    ])
    expect(history.history?.every((e) => Number.isInteger(e.timestamp))).toBe(true)
  })

  it('fetchAccessSettings and updateAccessSettings (id in the query, settings in the body) change who can read', async () => {
    const id = await mintAsSteward()
    expect(await fetchAccessSettings(id)).toEqual({ owner: 'steward', general: ['metadata-read', 'dataset-data-read'], groups: {} })
    await actAs('reader')
    expect((await fetchDataset(id)).item?.id).toBe(id)

    await actAs('steward')
    expect((await updateAccessSettings(id, { owner: 'steward', general: [], groups: {} })).status.success).toBe(true)
    expect(await fetchAccessSettings(id)).toEqual({ owner: 'steward', general: [], groups: {} })
    // A renewal that returns the same token makes the replayed 401 a 'forbidden' carrying the server's detail.
    const readerToken = await tokenFor('reader')
    setTokenSource(countingSource(() => readerToken, () => readerToken))
    const refused = await apiErrorOf(fetchDataset(id))
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ kind: 'forbidden', status: 401 })
    expect(refused.detail).toMatch(/^Registry did not grant access to the dataset/)
  })
})

describe('search (search.ts) and user links (authApi.ts)', () => {
  it('searchRegistry ranks the matching dataset, best first, within record_limit', async () => {
    const { item } = await seededDataset(h.t, "a.general ? 'metadata-read'")
    await actAs('reader')
    const found = await searchRegistry({ query: item.display_name, subtype_filter: 'DATASET', record_limit: 5 })
    expect(found.status.success).toBe(true)
    const results = found.results ?? []
    expect(results.length).toBeGreaterThan(0)
    expect(results.length).toBeLessThanOrEqual(5)
    expect(results.map((r) => r.id)).toContain(item.id)
    const scores = results.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const people = await searchRegistry({ query: 'Riley', subtype_filter: 'PERSON' })
    expect(people.results?.[0].id).toBe(reviewerPerson)
  })

  it('lookupUserLink returns the linked Person, or success false', async () => {
    await actAs('outsider')
    expect(await lookupUserLink('steward')).toEqual({ success: true, person_id: stewardPerson })
    expect(await lookupUserLink('ghost')).toEqual({ success: false, person_id: null })
  })
})
