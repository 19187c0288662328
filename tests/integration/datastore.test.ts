/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  checkAdminAccess,
  checkGeneralAccess,
  checkReadAccess,
  checkWriteAccess,
  fetchDataset,
  generatePresignedUrl,
  generateReadAccessCredentials,
  generateWriteAccessCredentials,
  getAdminConfig,
  getDatasetSchema,
  getHealthCheck,
  listDatasets,
  mintDataset,
  revertMetadata,
  updateMetadata,
  validateMetadata,
  versionDataset,
} from '@/api/datastore'
import type { CollectionFormat, ItemDataset } from '@/api/models/registry'
import type { PaginationKey } from '@/api/models/registryApi'
import { actAs, recordRequests, signedOut, useStack } from './harness'
import { datesOutOfOrder, examplePayload, seededDataset } from '../../server/tests/helpers/fixtures'

const h = useStack()

const ALL_ROLES = ['metadata-read', 'metadata-write', 'admin', 'dataset-data-read', 'dataset-data-write']
const sanitised = (id: string) => id.replace(/[./]/g, '-')

async function payload(): Promise<CollectionFormat> {
  return (await examplePayload(h.t)) as CollectionFormat
}

async function countDatasets(where: string): Promise<number> {
  const { rows } = await h.t.stack.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM items i JOIN access_settings a ON a.item_id = i.id WHERE i.item_subtype = 'DATASET' AND ${where}`,
  )
  return rows[0].n
}

/** Pages with the API module, echoing pagination_key back until it is null. */
async function listEverything(pageSize: number): Promise<{ items: ItemDataset[]; pages: number }> {
  const items: ItemDataset[] = []
  let key: PaginationKey | null | undefined = null
  let pages = 0
  do {
    const page = await listDatasets({ page_size: pageSize, pagination_key: key })
    expect(page.status.success).toBe(true)
    expect(page.items.length).toBeLessThanOrEqual(pageSize)
    items.push(...page.items)
    key = page.pagination_key
    pages++
  } while (key && pages < 100)
  expect(key ?? null).toBeNull()
  return { items, pages }
}

describe('health, schema and validation', () => {
  it('getHealthCheck answers without a token', async () => {
    signedOut()
    expect(await getHealthCheck()).toEqual({ message: 'Health check successful.' })
  })

  it('getDatasetSchema returns the CollectionFormat JSON schema of the contract', async () => {
    await actAs('reader')
    const schema = await getDatasetSchema()
    expect(schema.json_schema.title).toBe('Dataset Metadata')
    expect(schema.json_schema.required).toEqual(expect.arrayContaining(['associations', 'approvals', 'dataset_info']))
    const contract = JSON.parse(readFileSync(new URL('../../server/data/dataset-schema.json', import.meta.url), 'utf8'))
    expect(schema.json_schema).toEqual(contract)
  })

  it('validateMetadata reads the bare Status: success, and a field failure without throwing', async () => {
    await actAs('reader')
    expect(await validateMetadata(await payload())).toEqual({ success: true, details: 'Validation successful.' })
    const failed = await validateMetadata((await datesOutOfOrder(h.t)) as CollectionFormat)
    expect(failed.success).toBe(false)
    expect(failed.details).toMatch(/^Failed field value validation\. Error: /)
  })
})

describe('reading datasets', () => {
  it('fetchDataset returns the item with the caller roles and the lock state', async () => {
    const { item: own } = await seededDataset(h.t, "a.owner = 'steward' AND NOT l.locked")
    await actAs('steward')
    const fetched = await fetchDataset(own.id)
    expect(fetched.status.success).toBe(true)
    expect(fetched.item).toMatchObject({ id: own.id, item_subtype: 'DATASET', record_type: 'COMPLETE_ITEM', owner_username: 'steward', display_name: own.display_name })
    expect(fetched.roles).toEqual(ALL_ROLES)
    expect(fetched.locked).toBe(false)

    const { item: locked } = await seededDataset(h.t, "l.locked AND a.general ? 'metadata-read'")
    await actAs('reader')
    const lockedAnswer = await fetchDataset(locked.id)
    expect(lockedAnswer.item?.id).toBe(locked.id)
    expect(lockedAnswer.locked).toBe(true)
    // The reader is neither owner nor realm admin: the roles are the dataset's general ones.
    expect(lockedAnswer.roles).toEqual(expect.arrayContaining(['metadata-read']))
    expect(lockedAnswer.roles).not.toContain('admin')
  })

  it('listDatasets pages with pagination_key until null and collects every visible dataset once', async () => {
    await actAs('admin')
    const all = await listEverything(40)
    expect(all.pages).toBeGreaterThan(1)
    expect(all.items).toHaveLength(await countDatasets('true'))
    expect(new Set(all.items.map((i) => i.id)).size).toBe(all.items.length)
    const updated = all.items.map((i) => i.updated_timestamp)
    expect(updated).toEqual([...updated].sort((a, b) => b - a))

    await actAs('reader')
    const visible = await listEverything(25)
    expect(visible.items).toHaveLength(await countDatasets("(a.general ? 'metadata-read' OR a.owner = 'reader' OR a.groups ? 'reef-team')"))
    expect(visible.items.length).toBeLessThan(all.items.length)

    const byName = await listDatasets({ sort_by: { sort_type: 'DISPLAY_NAME', ascending: true }, page_size: 30 })
    const names = byName.items.map((i) => i.display_name)
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  })

  it('generatePresignedUrl signs a URL that downloads the file', async () => {
    const { item } = await seededDataset(h.t, "a.general ? 'dataset-data-read' AND (i.doc->'collection_format'->'dataset_info'->'access_info'->>'reposited')::boolean")
    await actAs('reader')
    const signed = await generatePresignedUrl({ dataset_id: item.id, file_path: 'README.md', expires_in: 120 })
    expect(signed).toMatchObject({ dataset_id: item.id, file_path: 'README.md' })
    const download = await fetch(signed.presigned_url)
    expect(download.status).toBe(200)
    expect(new URL(signed.presigned_url).pathname).toBe(`/s3/${item.s3.bucket_name}/${item.s3.path}README.md`)
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="README.md"')
    expect(await download.text()).toContain(item.display_name)
  })

  it('generateReadAccessCredentials returns STS-shaped credentials and a console link when asked', async () => {
    const { item } = await seededDataset(h.t, "a.general ? 'dataset-data-read'")
    await actAs('reader')
    const withConsole = await generateReadAccessCredentials({ dataset_id: item.id, console_session_required: true })
    expect(withConsole.status).toEqual({ success: true, details: 'STS credentials generated successfully for specified path.' })
    expect(Object.keys(withConsole.credentials).sort()).toEqual(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'expiry'])
    for (const value of Object.values(withConsole.credentials)) expect(value).toEqual(expect.any(String))
    expect(new Date(withConsole.credentials.expiry).getTime()).toBeGreaterThan(Date.now())
    expect(withConsole.console_session_url).toMatch(/^https?:\/\//)
    const plain = await generateReadAccessCredentials({ dataset_id: item.id, console_session_required: false })
    expect(plain.console_session_url ?? null).toBeNull()
  })
})

describe('check-access and admin', () => {
  it('checkGeneral/Read/Write/AdminAccess answer the caller with its roles and token', async () => {
    const outsiderToken = await actAs('outsider')
    const general = await checkGeneralAccess()
    expect(general).toMatchObject({ username: 'outsider', access_token: outsiderToken })
    expect(general.roles).not.toContain('entity-registry-read')

    await actAs('reader')
    const read = await checkReadAccess()
    expect(read.username).toBe('reader')
    expect(read.roles).toContain('entity-registry-read')

    await actAs('steward')
    const write = await checkWriteAccess()
    expect(write.username).toBe('steward')
    expect(write.roles).toEqual(expect.arrayContaining(['entity-registry-read', 'entity-registry-write']))

    await actAs('admin')
    const admin = await checkAdminAccess()
    expect(admin).toMatchObject({ username: 'admin', email: 'admin@example.org' })
    expect(admin.roles).toEqual(expect.arrayContaining(['entity-registry-read', 'entity-registry-write', 'entity-registry-admin']))
  })

  it('getAdminConfig returns the config.txt text; required_only travels in the query', async () => {
    await actAs('admin')
    const required = await getAdminConfig()
    expect(typeof required).toBe('string')
    expect(required).toContain('STAGE=')
    expect(required).not.toContain('DATABASE=')
    const everything = await getAdminConfig(false)
    expect(everything).toContain('STAGE=')
    expect(everything).toContain('DATABASE=')
  })
})

describe('writing datasets', () => {
  it('mint → update → revert → version → write credentials, each visible on a later fetch', async () => {
    await actAs('steward')
    const cf = await payload()
    const minted = await mintDataset(cf)
    expect(minted.status.success).toBe(true)
    expect(minted.handle).toMatch(/^10378\.1\/\d+$/)
    const id = minted.handle as string
    expect(minted.s3_location).toMatchObject({ path: `datasets/${sanitised(id)}/` })
    expect(minted.s3_location?.s3_uri).toBe(`s3://${minted.s3_location?.bucket_name}/datasets/${sanitised(id)}/`)
    expect(minted.register_create_activity_session_id).toEqual(expect.any(String))

    let item = (await fetchDataset(id)).item as ItemDataset
    expect(item).toMatchObject({ owner_username: 'steward', display_name: cf.dataset_info.name, release_status: 'NOT_RELEASED', versioning_info: { version: 1 } })
    expect(item.history.map((e) => [e.id, e.reason])).toEqual([[0, 'Initial record creation']])
    expect(item.workflow_links?.create_activity_workflow_id).toBe(minted.register_create_activity_session_id)

    // The reason holds characters that only survive proper query encoding.
    const reason = 'Better name & tidy: a=b?c #1 / 100%'
    const renamed: CollectionFormat = { ...cf, dataset_info: { ...cf.dataset_info, name: 'Renamed by the integration test' } }
    const updated = await updateMetadata(id, reason, renamed)
    expect(updated.status.success).toBe(true)
    expect(updated.handle).toBe(id)
    expect(updated.s3_location).toEqual(minted.s3_location)
    item = (await fetchDataset(id)).item as ItemDataset
    expect(item.display_name).toBe('Renamed by the integration test')
    expect(item.history.map((e) => [e.id, e.reason, e.username])).toEqual([
      [1, reason, 'steward'],
      [0, 'Initial record creation', 'steward'],
    ])

    const reverted = await revertMetadata({ id, history_id: 0, reason: 'The first name was right' })
    expect(reverted.status.success).toBe(true)
    item = (await fetchDataset(id)).item as ItemDataset
    expect(item.display_name).toBe(cf.dataset_info.name)
    expect(item.history).toHaveLength(3)
    expect(item.history[0]).toMatchObject({ id: 2, reason: 'Reverting dataset to history id 0. Reason: The first name was right.', username: 'steward' })

    const versioned = await versionDataset({ id, reason: 'Next season' })
    expect(versioned.new_version_id).not.toBe(id)
    expect(versioned.version_job_session_id).toEqual(expect.any(String))
    const next = (await fetchDataset(versioned.new_version_id)).item as ItemDataset
    expect(next.versioning_info).toEqual({ previous_version: id, version: 2, reason: 'Next season', next_version: null })
    expect(next.s3.path).toBe(`datasets/${sanitised(versioned.new_version_id)}/`)
    expect(next.history.map((e) => e.id)).toEqual([1, 0])
    expect(((await fetchDataset(id)).item as ItemDataset).versioning_info?.next_version).toBe(versioned.new_version_id)

    const write = await generateWriteAccessCredentials({ dataset_id: versioned.new_version_id, console_session_required: false })
    expect(write.status.success).toBe(true)
    expect(write.credentials.aws_access_key_id).toEqual(expect.any(String))
    expect(write.console_session_url ?? null).toBeNull()
  })
})

describe('request placement, as sent', () => {
  it('puts ids and reasons in the query, payloads in the body, with the contract methods and the bearer token', async () => {
    const token = await actAs('steward')
    const recorder = recordRequests()
    try {
      const cf = await payload()
      const id = (await mintDataset(cf)).handle as string
      await fetchDataset(id)
      await updateMetadata(id, 'why', cf)
      await revertMetadata({ id, history_id: 0, reason: 'back' })
      await versionDataset({ id, reason: 'v2' })
      await listDatasets({ page_size: 5, sort_by: null })
      const base = `${h.baseUrl}/data-store`
      expect(recorder.requests.map(({ baseURL, method, url, params, data }) => ({ baseURL, method, url, params, data }))).toEqual([
        { baseURL: base, method: 'POST', url: '/register/mint-dataset', params: undefined, data: cf },
        { baseURL: base, method: 'GET', url: '/registry/items/fetch-dataset', params: { handle_id: id }, data: undefined },
        { baseURL: base, method: 'POST', url: '/register/update-metadata', params: { handle_id: id, reason: 'why' }, data: cf },
        { baseURL: base, method: 'PUT', url: '/register/revert-metadata', params: undefined, data: { id, history_id: 0, reason: 'back' } },
        { baseURL: base, method: 'POST', url: '/register/version', params: undefined, data: { id, reason: 'v2' } },
        // null fields are dropped, as the Python client's exclude_none
        { baseURL: base, method: 'POST', url: '/registry/items/list', params: undefined, data: { page_size: 5 } },
      ])
      expect(recorder.requests.every((r) => r.authorization === `Bearer ${token}`)).toBe(true)
    } finally {
      recorder.stop()
    }
  })
})
