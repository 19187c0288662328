import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStack, type CallOptions, type TestStack } from './helpers/stack'
import { examplePayload, personOf, seededDataset } from './helpers/fixtures'

const USERS = ['steward', 'reviewer', 'admin', 'reader', 'outsider'] as const
type User = (typeof USERS)[number]

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

async function mintFor(owner: string): Promise<string> {
  const res = await t.as(owner, 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
  return (res.body as { handle: string }).handle
}

interface Row {
  route: string
  method: string
  path: string
  /** Expected status for steward, reviewer, admin, reader, outsider. */
  expect: [number, number, number, number, number]
  prepare: (user: User) => Promise<CallOptions>
}

describe('role matrix: each demo account on each route', () => {
  it('answers with the status the contract gives', async () => {
    const { item } = await seededDataset(t, "a.owner = 'steward' AND a.general ? 'dataset-data-read' AND NOT l.locked AND i.release_status = 'NOT_RELEASED' AND (i.doc->'collection_format'->'dataset_info'->'access_info'->>'reposited')::boolean")
    const cf = await examplePayload(t)
    const reviewer = await personOf(t, 'reviewer')
    const pendingFor: Record<string, string> = {}
    for (const user of USERS) {
      const id = await mintFor('steward')
      await t.as('steward', 'POST', '/data-store/release/approval-request', { body: { dataset_id: id, approver_id: reviewer, notes: 'n' } })
      pendingFor[user] = id
    }
    const ownFresh = async (user: User) => (user === 'steward' || user === 'admin' ? mintFor(user) : item.id)
    const dataset = { dataset_id: item.id }
    const rows: Row[] = [
      { route: 'fetch', method: 'GET', path: '/data-store/registry/items/fetch-dataset', expect: [200, 200, 200, 200, 401], prepare: async () => ({ query: { handle_id: item.id } }) },
      { route: 'mint', method: 'POST', path: '/data-store/register/mint-dataset', expect: [200, 200, 200, 401, 401], prepare: async () => ({ body: cf }) },
      { route: 'health', method: 'GET', path: '/data-store/', expect: [200, 200, 200, 200, 200], prepare: async () => ({}) },
      { route: 'validate', method: 'POST', path: '/data-store/metadata/validate-metadata', expect: [200, 200, 200, 200, 401], prepare: async () => ({ body: cf }) },
      { route: 'schema', method: 'GET', path: '/data-store/metadata/dataset-schema', expect: [200, 200, 200, 200, 401], prepare: async () => ({}) },
      { route: 'update', method: 'POST', path: '/data-store/register/update-metadata', expect: [200, 401, 200, 401, 401], prepare: async () => ({ query: { handle_id: item.id, reason: 'matrix' }, body: item.collection_format }) },
      { route: 'revert', method: 'PUT', path: '/data-store/register/revert-metadata', expect: [200, 401, 200, 401, 401], prepare: async () => ({ body: { id: item.id, history_id: 0, reason: 'matrix' } }) },
      { route: 'version', method: 'POST', path: '/data-store/register/version', expect: [200, 401, 200, 401, 401], prepare: async (u) => ({ body: { id: await ownFresh(u), reason: 'matrix' } }) },
      { route: 'list', method: 'POST', path: '/data-store/registry/items/list', expect: [200, 200, 200, 200, 401], prepare: async () => ({ body: { page_size: 5 } }) },
      { route: 'presign', method: 'POST', path: '/data-store/registry/items/generate-presigned-url', expect: [200, 200, 200, 200, 401], prepare: async () => ({ body: { ...dataset, file_path: 'README.md' } }) },
      { route: 'read creds', method: 'POST', path: '/data-store/registry/credentials/generate-read-access-credentials', expect: [200, 200, 200, 200, 401], prepare: async () => ({ body: { ...dataset, console_session_required: false } }) },
      { route: 'write creds', method: 'POST', path: '/data-store/registry/credentials/generate-write-access-credentials', expect: [200, 401, 200, 401, 401], prepare: async () => ({ body: { ...dataset, console_session_required: false } }) },
      { route: 'reviewer delete', method: 'DELETE', path: '/data-store/release/sys-reviewers/delete', expect: [401, 401, 200, 401, 401], prepare: async () => ({ query: { reviewer_id: 'nobody' } }) },
      { route: 'reviewer add', method: 'POST', path: '/data-store/release/sys-reviewers/add', expect: [401, 401, 200, 401, 401], prepare: async () => ({ query: { reviewer_id: reviewer } }) },
      { route: 'reviewer list', method: 'GET', path: '/data-store/release/sys-reviewers/list', expect: [200, 200, 200, 401, 401], prepare: async () => ({}) },
      { route: 'approval request', method: 'POST', path: '/data-store/release/approval-request', expect: [200, 401, 200, 401, 401], prepare: async (u) => ({ body: { dataset_id: await ownFresh(u), approver_id: reviewer, notes: 'n' } }) },
      { route: 'approval action', method: 'PUT', path: '/data-store/release/action-approval-request', expect: [401, 200, 401, 401, 401], prepare: async (u) => ({ body: { dataset_id: pendingFor[u], approve: true, notes: 'n' } }) },
      { route: 'check general', method: 'GET', path: '/data-store/check-access/check-general-access', expect: [200, 200, 200, 200, 200], prepare: async () => ({}) },
      { route: 'check read', method: 'GET', path: '/data-store/check-access/check-read-access', expect: [200, 200, 200, 200, 401], prepare: async () => ({}) },
      { route: 'check write', method: 'GET', path: '/data-store/check-access/check-write-access', expect: [200, 200, 200, 401, 401], prepare: async () => ({}) },
      { route: 'check admin', method: 'GET', path: '/data-store/check-access/check-admin-access', expect: [401, 401, 200, 401, 401], prepare: async () => ({}) },
      { route: 'admin config', method: 'GET', path: '/data-store/admin/config', expect: [401, 401, 200, 401, 401], prepare: async () => ({}) },
      { route: 'sentry debug', method: 'GET', path: '/data-store/admin/sentry-debug', expect: [401, 401, 200, 401, 401], prepare: async () => ({}) },
    ]
    expect(rows).toHaveLength(23)
    const actual: Record<string, number[]> = {}
    const expected: Record<string, number[]> = {}
    for (const row of rows) {
      expected[row.route] = row.expect
      actual[row.route] = []
      for (const user of USERS) actual[row.route].push((await t.as(user, row.method, row.path, await row.prepare(user))).status)
    }
    expect(actual).toEqual(expected)
  })
  it('answers the registry lock and access routes the console calls with the status the contract gives', async () => {
    const REG = '/registry/registry/entity/dataset'
    const settings = (id: string) => ({ query: { id }, body: { owner: 'steward', general: ['metadata-read'], groups: {} } })
    // Each call gets a dataset of its own, so one account's lock never decides another's answer.
    const unlocked = async () => ({ query: { id: await mintFor('steward') } })
    const locked = async () => {
      const id = await mintFor('steward')
      await t.as('steward', 'PUT', `${REG}/locks/lock`, { body: { id, reason: 'matrix' } })
      return id
    }
    const rows: Row[] = [
      { route: 'lock', method: 'PUT', path: `${REG}/locks/lock`, expect: [200, 401, 200, 401, 401], prepare: async () => ({ body: { id: await mintFor('steward'), reason: 'matrix' } }) },
      { route: 'unlock', method: 'PUT', path: `${REG}/locks/unlock`, expect: [200, 401, 200, 401, 401], prepare: async () => ({ body: { id: await locked(), reason: 'matrix' } }) },
      { route: 'locked', method: 'GET', path: `${REG}/locks/locked`, expect: [200, 200, 200, 200, 401], prepare: unlocked },
      { route: 'lock history', method: 'GET', path: `${REG}/locks/history`, expect: [200, 200, 200, 200, 401], prepare: unlocked },
      { route: 'access settings', method: 'GET', path: `${REG}/auth/configuration`, expect: [200, 401, 200, 401, 401], prepare: unlocked },
      { route: 'access update', method: 'PUT', path: `${REG}/auth/configuration`, expect: [200, 401, 200, 401, 401], prepare: async () => settings(await mintFor('steward')) },
      { route: 'evaluate', method: 'GET', path: `${REG}/auth/evaluate`, expect: [200, 200, 200, 200, 401], prepare: unlocked },
      { route: 'roles', method: 'GET', path: `${REG}/auth/roles`, expect: [200, 200, 200, 200, 401], prepare: async () => ({}) },
    ]
    const actual: Record<string, number[]> = {}
    const expected: Record<string, number[]> = {}
    for (const row of rows) {
      expected[row.route] = row.expect
      actual[row.route] = []
      for (const user of USERS) actual[row.route].push((await t.as(user, row.method, row.path, await row.prepare(user))).status)
    }
    expect(actual).toEqual(expected)
  })
})
