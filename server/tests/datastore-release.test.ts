import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ItemDataset } from '../src/domain/types'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, personOf } from './helpers/fixtures'

let t: TestStack
let reviewerPerson: string
beforeAll(async () => {
  t = await startTestStack()
  reviewerPerson = await personOf(t, 'reviewer')
})
afterAll(async () => t?.close())

async function mintAsSteward(): Promise<string> {
  const res = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
  return (res.body as { handle: string }).handle
}

async function item(id: string): Promise<ItemDataset> {
  return ((await t.as('admin', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })).body as { item: ItemDataset }).item
}

const request = (id: string, approver: string) => ({ body: { dataset_id: id, approver_id: approver, notes: 'Please review' } })
const action = (id: string, approve: boolean) => ({ body: { dataset_id: id, approve, notes: approve ? 'Looks good' : 'Needs work' } })

describe('reviewers', () => {
  it('lists, adds (query parameter) and deletes system reviewers with the sys-admin roles', async () => {
    const steward = await personOf(t, 'steward')
    const list = await t.as('steward', 'GET', '/data-store/release/sys-reviewers/list')
    expect(list).toMatchObject({ status: 200, body: [reviewerPerson] })
    expect((await t.as('steward', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: steward } })).status).toBe(401)
    const add = await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: steward } })
    expect(add).toMatchObject({ status: 200, body: null })
    // Adding twice changes nothing.
    expect((await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: steward } })).status).toBe(200)
    expect((await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { body: { reviewer_id: steward } })).status).toBe(422)
    expect(((await t.as('admin', 'GET', '/data-store/release/sys-reviewers/list')).body as string[]).sort()).toEqual([steward, reviewerPerson].sort())
    expect((await t.as('admin', 'DELETE', '/data-store/release/sys-reviewers/delete', { query: { reviewer_id: steward } })).status).toBe(200)
    expect((await t.as('admin', 'DELETE', '/data-store/release/sys-reviewers/delete', { query: { reviewer_id: 'never-there' } })).status).toBe(200)
    expect((await t.as('admin', 'GET', '/data-store/release/sys-reviewers/list')).body).toEqual([reviewerPerson])
  })

  it('refuses a reviewer id that is not a registry Person, saying what it is, and stores nothing', async () => {
    const missing = await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: '10378.1/0000000' } })
    expect(missing.status).toBe(400)
    expect((missing.body as { detail: string }).detail).toContain('No registry item has the id 10378.1/0000000')
    const datasetId = await mintAsSteward()
    const dataset = await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: datasetId } })
    expect(dataset.status).toBe(400)
    expect((dataset.body as { detail: string }).detail).toContain('is a registry dataset, not a Person')
    expect((await t.as('admin', 'GET', '/data-store/release/sys-reviewers/list')).body).toEqual([reviewerPerson])
  })

  it('keeps a removed reviewer\'s open requests assigned to them', async () => {
    const steward = await personOf(t, 'steward')
    await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: steward } })
    const minted = await t.as('admin', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    expect((await t.as('admin', 'POST', '/data-store/release/approval-request', request(id, steward))).status).toBe(200)
    expect((await t.as('admin', 'DELETE', '/data-store/release/sys-reviewers/delete', { query: { reviewer_id: steward } })).status).toBe(200)
    expect(await item(id)).toMatchObject({ release_status: 'PENDING', release_approver: steward })
    // No longer a reviewer, they may not decide it: an admin must have it asked again of another.
    expect((await t.as('steward', 'PUT', '/data-store/release/action-approval-request', action(id, true))).status).toBe(401)
  })
})

describe('release approval', () => {
  it('runs NOT_RELEASED -> PENDING -> NOT_RELEASED (reject) -> PENDING -> RELEASED, with e-mails', async () => {
    const id = await mintAsSteward()
    const steward = await personOf(t, 'steward')
    const outboxBefore = (await t.stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0].n
    const req = await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))
    expect(req).toMatchObject({ status: 200, body: { dataset_id: id, approver_id: reviewerPerson, details: 'Successfully sent request to approve dataset release to approver. Email notification included.' } })
    let current = await item(id)
    expect(current).toMatchObject({ release_status: 'PENDING', release_approver: reviewerPerson })
    expect(current.release_history).toEqual([expect.objectContaining({ action: 'REQUEST', approver: reviewerPerson, requester: steward, notes: 'Please review' })])
    expect(current.history).toHaveLength(1)
    const again = await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))
    expect(again.status).toBe(400)

    const reject = await t.as('reviewer', 'PUT', '/data-store/release/action-approval-request', action(id, false))
    expect(reject).toMatchObject({ status: 200, body: { dataset_id: id, approved: false, details: 'Succesfully responded to dataset release approval request.' } })
    current = await item(id)
    expect(current).toMatchObject({ release_status: 'NOT_RELEASED', release_approver: reviewerPerson })
    expect((await t.as('reviewer', 'PUT', '/data-store/release/action-approval-request', action(id, true))).status).toBe(400)

    await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))
    const approve = await t.as('reviewer', 'PUT', '/data-store/release/action-approval-request', action(id, true))
    expect(approve.status).toBe(200)
    current = await item(id)
    expect(current.release_status).toBe('RELEASED')
    expect(current.release_history.map((e) => e.action)).toEqual(['REQUEST', 'REJECT', 'REQUEST', 'APPROVE'])
    const { rows } = await t.stack.db.query<{ subject: string; email_to: string }>('SELECT subject, email_to FROM outbox ORDER BY id OFFSET $1', [outboxBefore])
    expect(rows[0]).toEqual({ subject: `Provena Dataset release review request ${id} by person ${steward}`, email_to: 'reviewer@example.org' })
    expect(rows.map((r) => r.subject)).toContain(`Provena Dataset release review actioned id: ${id} action: APPROVE`)
    expect((await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))).status).toBe(400)
  })

  it('mails the reviewer a link to the decision page; the outbox shows the mail, escaped and read only', async () => {
    const id = await mintAsSteward()
    await t.as('steward', 'POST', '/data-store/release/approval-request', { body: { dataset_id: id, approver_id: reviewerPerson, notes: 'Check <b>units</b>' } })
    const { rows } = await t.stack.db.query<{ body: string }>('SELECT body FROM outbox ORDER BY id DESC LIMIT 1')
    expect(rows[0].body).toContain(`/approvals/${id}`)
    const page = await t.call('GET', '/outbox')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.text).toContain(`Provena Dataset release review request ${id}`)
    expect(page.text).toContain('Check &#60;b&#62;units&#60;/b&#62;')
    expect(page.text).toMatch(new RegExp(`<a href="[^"]*/approvals/${id.replace('.', '\\.')}">`))
    expect((await t.call('POST', '/outbox')).status).toBe(404)
  })

  it('refuses requests from non-admins of the dataset and to non-reviewers, and actions by others', async () => {
    const id = await mintAsSteward()
    const notAdmin = await t.as('reviewer', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))
    expect(notAdmin.status).toBe(401)
    expect((notAdmin.body as { detail: string }).detail).toMatch(/is not an admin of dataset/)
    const notReviewer = await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, await personOf(t, 'reader')))
    expect(notReviewer.status).toBe(400)
    await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))
    const stranger = await t.as('steward', 'PUT', '/data-store/release/action-approval-request', action(id, true))
    expect(stranger.status).toBe(401)
    expect((stranger.body as { detail: string }).detail).toMatch(/not a dataset reviewer/)
  })

  it('lists the reviewer queue from the registry, filtered by status, only for the own Person', async () => {
    const id = await mintAsSteward()
    await t.as('steward', 'POST', '/data-store/release/approval-request', request(id, reviewerPerson))
    const queue = await t.as('reviewer', 'POST', '/registry/registry/entity/dataset/user/releases', {
      body: { filter_by: { release_reviewer: reviewerPerson, release_status: 'PENDING' }, sort_by: { sort_type: 'RELEASE_TIMESTAMP', ascending: false }, page_size: 50 },
    })
    expect(queue.status).toBe(200)
    const items = (queue.body as { dataset_items: ItemDataset[] }).dataset_items
    expect(items[0].id).toBe(id)
    expect(items.every((i) => i.release_status === 'PENDING' && i.release_approver === reviewerPerson)).toBe(true)
    const other = await t.as('steward', 'POST', '/registry/registry/entity/dataset/user/releases', { body: { filter_by: { release_reviewer: reviewerPerson } } })
    expect(other.status).toBe(403)
    expect((await t.as('reviewer', 'POST', '/registry/registry/entity/dataset/user/releases', { body: { filter_by: {} } })).status).toBe(400)
  })
})
