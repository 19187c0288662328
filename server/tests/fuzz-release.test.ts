import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'
import { personOf } from './helpers/fixtures'
import { FUZZ_RUNS, fuzzRoutes, stewardDatasets } from './helpers/fuzz'

/** The release workflow's routes and the reviewer list under generated bad bodies and query strings. */
let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe(`release routes under ${FUZZ_RUNS} generated requests each`, () => {
  it('never answer 5xx, and no refusal writes', { timeout: 600_000 }, async () => {
    const reviewer = await personOf(t, 'reviewer')
    const newcomer = await personOf(t, 'reader')
    const [requested] = await stewardDatasets(t, 1)
    const { rows } = await t.stack.db.query<{ id: string }>(
      "SELECT id FROM items WHERE doc->>'release_status' = 'PENDING' AND doc->>'release_approver' = $1 ORDER BY id LIMIT 1",
      [reviewer],
    )
    expect(rows, 'a seeded request waits for the reviewer').toHaveLength(1)
    await fuzzRoutes(
      t,
      [
        { method: 'POST', path: '/data-store/release/approval-request', user: 'steward', body: { dataset_id: requested, approver_id: reviewer, notes: 'fuzz' } },
        { method: 'PUT', path: '/data-store/release/action-approval-request', user: 'reviewer', body: { dataset_id: rows[0].id, approve: false, notes: 'fuzz' } },
        { method: 'POST', path: '/registry/registry/entity/dataset/user/releases', user: 'reviewer', body: { filter_by: { release_reviewer: reviewer, release_status: 'PENDING' }, page_size: 5 } },
        { method: 'POST', path: '/data-store/release/sys-reviewers/add', user: 'admin', query: { reviewer_id: newcomer } },
        { method: 'DELETE', path: '/data-store/release/sys-reviewers/delete', user: 'admin', query: { reviewer_id: newcomer } },
      ],
      1900,
    )
  })
})
