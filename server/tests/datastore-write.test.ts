import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upsertAccount } from '../src/oidc'
import type { ItemDataset } from '../src/domain/types'
import { startTestStack, type TestStack } from './helpers/stack'
import { datesOutOfOrder, examplePayload, seededDataset } from './helpers/fixtures'

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

async function fetchItem(id: string, user = 'admin'): Promise<ItemDataset> {
  const res = await t.as(user, 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })
  expect(res.status).toBe(200)
  return (res.body as { item: ItemDataset }).item
}

async function mint(user = 'steward') {
  const res = await t.as(user, 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
  expect(res.status).toBe(200)
  return res.body as { status: { success: boolean }; handle: string; s3_location: { path: string }; register_create_activity_session_id: string }
}

describe('mint-dataset', () => {
  it('mints a handle with history 0, version 1, default access and metadata.json in storage', async () => {
    const minted = await mint()
    expect(minted.status.success).toBe(true)
    expect(minted.handle).toMatch(/^10378\.1\/\d+$/)
    expect(minted.s3_location.path).toBe(`datasets/${minted.handle.replace(/[./]/g, '-')}/`)
    const item = await fetchItem(minted.handle, 'steward')
    expect(item).toMatchObject({ owner_username: 'steward', release_status: 'NOT_RELEASED', release_history: [], versioning_info: { version: 1 } })
    expect(item.history.map((h) => [h.id, h.reason])).toEqual([[0, 'Initial record creation']])
    expect(item.workflow_links?.create_activity_workflow_id).toBe(minted.register_create_activity_session_id)
    const file = t.stack.storage.filePath(`${minted.s3_location.path}metadata.json`)
    expect(JSON.parse(readFileSync(file, 'utf8')).dataset_info.name).toBe(item.display_name)
    const access = await t.as('steward', 'GET', '/registry/registry/entity/dataset/auth/configuration', { query: { id: minted.handle } })
    expect(access.body).toEqual({ owner: 'steward', general: ['metadata-read', 'dataset-data-read'], groups: {} })
  })

  it('reports schema, field and registry problems as soft failures that write nothing', async () => {
    const before = await t.fingerprint()
    const withVersion = await examplePayload(t)
    withVersion.dataset_info.version = '2'
    const dates = await datesOutOfOrder(t)
    const unknownOrg = await examplePayload(t)
    unknownOrg.associations.organisation_id = '10378.1/0'
    const expected = [
      [withVersion, /^Failed to validate metadata against schema\. Error: /],
      [dates, /^Failed field value validation\. Error: /],
      [unknownOrg, /^Registry API responded with an error during validation, error: organisation_id/],
    ] as const
    for (const [body, details] of expected) {
      const res = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ status: { success: false, details: expect.stringMatching(details) }, handle: null, s3_location: null })
    }
    expect(await t.fingerprint()).toBe(before)
  })

  it('needs write roles and a linked Person', async () => {
    expect((await t.as('reader', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })).status).toBe(401)
    await upsertAccount(t.stack.db, { username: 'unlinked', password: 'unlinked', email: 'u@example.org', name: 'Un Linked', roles: ['entity-registry-read', 'entity-registry-write'] })
    const res = await t.as('unlinked', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    expect(res.status).toBe(500)
    expect((res.body as { detail: string }).detail).toMatch(/must link your User account to a Person/)
  })
})

describe('update-metadata and revert-metadata', () => {
  it('prepends history entries with max+1 ids and exact reasons, and reverts to an entry', async () => {
    const { handle } = await mint()
    const cf = await examplePayload(t)
    cf.dataset_info.name = 'Renamed dataset'
    const update = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: handle, reason: 'Better name' }, body: cf })
    expect(update.status).toBe(200)
    expect(update.body).toMatchObject({ status: { success: true }, handle })
    let item = await fetchItem(handle)
    expect(item.display_name).toBe('Renamed dataset')
    expect(item.history.map((h) => [h.id, h.reason, h.username])).toEqual([
      [1, 'Better name', 'steward'],
      [0, 'Initial record creation', 'steward'],
    ])
    const revert = await t.as('steward', 'PUT', '/data-store/register/revert-metadata', { body: { id: handle, history_id: 0, reason: 'Name was right' } })
    expect(revert).toMatchObject({ status: 200, body: { status: { success: true } } })
    item = await fetchItem(handle)
    expect(item.display_name).not.toBe('Renamed dataset')
    expect(item.history[0]).toMatchObject({ id: 2, reason: 'Reverting dataset to history id 0. Reason: Name was right.' })
    expect(item.history).toHaveLength(3)
    const missing = await t.as('steward', 'PUT', '/data-store/register/revert-metadata', { body: { id: handle, history_id: 9, reason: 'x' } })
    expect(missing).toMatchObject({ status: 400, body: { detail: `The item with id ${handle} does not have a history entry with id matching 9. No action taken.` } })
  })

  it('refuses invalid metadata with 400, a locked dataset and a non-writer with 401, and writes nothing', async () => {
    const { item: locked } = await seededDataset(t, "l.locked AND a.owner = 'steward'")
    const { item: others } = await seededDataset(t, "a.owner <> 'steward' AND NOT a.groups ? 'reef-team'")
    const before = await t.fingerprint()
    const cf = await datesOutOfOrder(t)
    const bad = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: others.id, reason: 'r' }, body: cf })
    expect(bad.status).toBe(400)
    const good = await examplePayload(t)
    const lockedRes = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: locked.id, reason: 'r' }, body: good })
    expect(lockedRes).toMatchObject({ status: 401, body: { detail: 'This dataset is locked - you cannot update the metadata. Unlock the dataset first.' } })
    const notMine = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: others.id, reason: 'r' }, body: good })
    expect(notMine).toMatchObject({ status: 401, body: { detail: 'You are not authorised to write metadata for this dataset!' } })
    const noReason = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: others.id }, body: good })
    expect(noReason.status).toBe(422)
    expect(await t.fingerprint()).toBe(before)
  })
})

describe('version', () => {
  it('versions one old version once: two requests at once give one new version, and the refusal writes nothing', async () => {
    const { handle } = await mint()
    const both = await Promise.all(['first', 'second'].map((reason) => t.as('steward', 'POST', '/data-store/register/version', { body: { id: handle, reason } })))
    expect(both.map((res) => res.status).sort()).toEqual([200, 400])
    const made = both.find((res) => res.status === 200)!.body as { new_version_id: string }
    const refused = both.find((res) => res.status === 400)!.body as { detail: string }
    expect(refused.detail).toMatch(/^Non 200 status code in dataset version process\. Status code: 400\. Details: .*newer version/)
    expect((await fetchItem(handle)).versioning_info?.next_version).toBe(made.new_version_id)
    const before = await t.fingerprint()
    expect((await t.as('steward', 'POST', '/data-store/register/version', { body: { id: handle, reason: 'third' } })).status).toBe(400)
    expect(await t.fingerprint()).toBe(before)
  })

  it('creates the next version with two history entries and links both ways; only the latest can be versioned', async () => {
    const { handle, s3_location } = await mint()
    const res = await t.as('steward', 'POST', '/data-store/register/version', { body: { id: handle, reason: 'New season' } })
    expect(res.status).toBe(200)
    const { new_version_id, version_job_session_id } = res.body as { new_version_id: string; version_job_session_id: string }
    const next = await fetchItem(new_version_id)
    expect(next.versioning_info).toEqual({ previous_version: handle, version: 2, reason: 'New season', next_version: null })
    expect(next.history.map((h) => [h.id, h.reason])).toEqual([
      [1, "(System) Dataset S3 path updated to new version's storage location"],
      [0, `New version of existing item (id=${handle}).`],
    ])
    expect(next.workflow_links?.version_activity_workflow_id).toBe(version_job_session_id)
    expect(next.user_metadata).toBeNull()
    expect(next.s3.path).not.toBe(s3_location.path)
    expect(existsSync(t.stack.storage.filePath(`${next.s3.path}metadata.json`))).toBe(true)
    expect((await fetchItem(handle)).versioning_info?.next_version).toBe(new_version_id)
    const again = await t.as('steward', 'POST', '/data-store/register/version', { body: { id: handle, reason: 'again' } })
    expect(again.status).toBe(400)
    const { item: others } = await seededDataset(t, "a.owner <> 'steward' AND a.general ? 'metadata-read'")
    expect((await t.as('steward', 'POST', '/data-store/register/version', { body: { id: others.id, reason: 'x' } })).status).toBe(401)
  })
})
