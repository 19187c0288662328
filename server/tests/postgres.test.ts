import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ItemDataset } from '../src/domain/types'
import { startPostgres } from './helpers/postgres'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, personOf } from './helpers/fixtures'

let postgres: Awaited<ReturnType<typeof startPostgres>>
let t: TestStack
// A PGlite snapshot cannot be loaded into PostgreSQL, so this file runs initdb, starts a server and seeds it:
// more than the default 10 s hook budget when both cores are busy.
beforeAll(async () => {
  postgres = await startPostgres()
  t = await startTestStack({ databaseUrl: postgres.url })
}, 60_000)
afterAll(async () => {
  await t?.close()
  postgres?.stop()
})

describe('the stack on a PostgreSQL server (DATABASE_URL)', () => {
  it('runs on the same SQL: seeded, signed in, listed', async () => {
    expect(t.stack.db.kind).toBe('postgres')
    const res = await t.as('steward', 'POST', '/data-store/registry/items/list', { body: { page_size: 10, sort_by: { sort_type: 'DISPLAY_NAME', ascending: true } } })
    expect(res.status).toBe(200)
    const page = res.body as { items: ItemDataset[]; pagination_key: { display_name: string } }
    expect(page.items.length).toBeGreaterThan(0)
    const next = await t.as('steward', 'POST', '/data-store/registry/items/list', { body: { page_size: 10, sort_by: { sort_type: 'DISPLAY_NAME', ascending: true }, pagination_key: page.pagination_key } })
    expect((next.body as { items: ItemDataset[] }).items[0].display_name >= page.items[page.items.length - 1].display_name).toBe(true)
  })

  it('mints, updates, versions and releases in transactions, and a refusal writes nothing', async () => {
    const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    const cf = await examplePayload(t)
    cf.dataset_info.name = 'On PostgreSQL'
    expect((await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: id, reason: 'pg' }, body: cf })).status).toBe(200)
    const version = await t.as('steward', 'POST', '/data-store/register/version', { body: { id, reason: 'v2' } })
    expect(version.status).toBe(200)
    const reviewer = await personOf(t, 'reviewer')
    const before = await t.fingerprint()
    const refused = await t.as('steward', 'POST', '/data-store/release/approval-request', { body: { dataset_id: id, approver_id: 'not-a-reviewer', notes: 'n' } })
    expect(refused.status).toBe(400)
    expect(await t.fingerprint()).toBe(before)
    expect((await t.as('steward', 'POST', '/data-store/release/approval-request', { body: { dataset_id: id, approver_id: reviewer, notes: 'n' } })).status).toBe(200)
    const item = (await t.as('steward', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })).body as { item: ItemDataset }
    expect(item.item).toMatchObject({ display_name: 'On PostgreSQL', release_status: 'PENDING', versioning_info: { next_version: (version.body as { new_version_id: string }).new_version_id } })
    expect(item.item.history.map((h) => h.id)).toEqual([1, 0])
  })
})
