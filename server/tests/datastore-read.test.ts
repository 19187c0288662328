import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { startTestStack, type TestStack } from './helpers/stack'
import { datesOutOfOrder, examplePayload, seededDataset } from './helpers/fixtures'

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe('health and schema', () => {
  it('answers the health check without a token', async () => {
    const res = await t.call('GET', '/data-store/')
    expect(res).toMatchObject({ status: 200, body: { message: 'Health check successful.' } })
  })

  it('serves the dataset schema wrapped in json_schema', async () => {
    const res = await t.as('reader', 'GET', '/data-store/metadata/dataset-schema')
    expect(res.status).toBe(200)
    const schema = (res.body as { json_schema: { title: string; definitions: object; required: string[] } }).json_schema
    expect(schema.title).toBe('Dataset Metadata')
    expect(schema.required).toEqual(['associations', 'approvals', 'dataset_info'])
    expect(Object.keys(schema.definitions)).toHaveLength(13)
  })

  it('serves an OpenAPI document with the operation ids of the contract', async () => {
    const res = await t.call('GET', '/data-store/openapi.json')
    const doc = res.body as { paths: Record<string, Record<string, { operationId?: string }>> }
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId))
    expect(new Set(ids)).toEqual(
      new Set(['fetch_dataset', 'mint_dataset', 'root', 'validate_metadata', 'get_dataset_schema', 'update_metadata', 'revert_metadata', 'version_dataset', 'list', 'generate_presigned_url', 'generate_read_access_credentials', 'generate_write_access_credentials', 'delete_reviewer', 'add_reviewer', 'list_reviewers', 'approval_request', 'action_approval_request', 'check_general_access', 'check_admin_access', 'check_read_access', 'check_write_access', 'generate_config_file', 'test_sentry_reporting']),
    )
    expect(doc.paths['/registry/items/fetch-dataset'].get.operationId).toBe('fetch_dataset')
  })
})

describe('tokens', () => {
  const fetchPath = '/data-store/check-access/check-read-access'

  it('refuses a missing or malformed header with Not authenticated', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer' }] as Record<string, string>[]) {
      const res = await t.call('GET', fetchPath, { headers })
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ detail: 'Not authenticated' })
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
    }
  })

  it('refuses forged, unsigned, foreign and expired tokens', async () => {
    const real = await t.tokenFor('reader')
    const [header, payload] = real.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['entity-registry-admin'] } })).toString('base64url')}.${real.split('.')[2]}`
    const otherKey = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)))
    for (const token of [unsigned, tampered, otherKey, 'garbage']) {
      const res = await t.call('GET', fetchPath, { token })
      expect(res.status, token.slice(0, 20)).toBe(401)
      expect(res.body).toEqual({ detail: 'Could not validate credentials' })
    }
  })

  it('echoes the caller from the check-access routes, realm roles all-of', async () => {
    const res = await t.as('steward', 'GET', '/data-store/check-access/check-write-access')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ username: 'steward', email: 'steward@example.org', access_token: await t.tokenFor('steward') })
    const refused = await t.as('steward', 'GET', '/data-store/check-access/check-admin-access')
    expect(refused).toMatchObject({ status: 401, body: { detail: "You are not authorised to access this resource as you don't have the correct role." } })
    expect((await t.as('outsider', 'GET', '/data-store/check-access/check-general-access')).status).toBe(200)
    expect((await t.as('outsider', 'GET', fetchPath)).status).toBe(401)
  })
})

describe('fetch-dataset', () => {
  it('returns the item, the caller roles and the lock state', async () => {
    const { item } = await seededDataset(t, "a.owner = 'steward' AND NOT l.locked")
    const res = await t.as('steward', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: item.id } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: { success: true, details: `Successfully fetched data for handle '${item.id}'` },
      item: { id: item.id, item_subtype: 'DATASET', record_type: 'COMPLETE_ITEM' },
      roles: ['metadata-read', 'metadata-write', 'admin', 'dataset-data-read', 'dataset-data-write'],
      locked: false,
    })
    const reader = await t.as('reader', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: item.id } })
    expect((reader.body as { roles: string[] }).roles.length).toBeLessThan(5)
  })

  it('answers Provena-style: 422 without the id, 400 for empty or unknown, 401 when not visible', async () => {
    const missing = await t.as('reader', 'GET', '/data-store/registry/items/fetch-dataset')
    expect(missing.status).toBe(422)
    expect(missing.body).toEqual({ detail: [{ loc: ['query', 'handle_id'], msg: 'field required', type: 'value_error.missing' }] })
    const empty = await t.as('reader', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: '' } })
    expect(empty).toMatchObject({ status: 400, body: { detail: 'Empty string received for query handle_id' } })
    const unknown = await t.as('reader', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: '10378.1/1' } })
    expect(unknown.status).toBe(400)
    expect((unknown.body as { detail: string }).detail).toMatch(/^The registry API responded with status success False during dataset fetching/)
    const { item } = await seededDataset(t, "a.general = '[]' AND a.groups = '{}'")
    const hidden = await t.as('reader', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: item.id } })
    expect(hidden.status).toBe(401)
    expect((hidden.body as { detail: string }).detail).toMatch(/^Registry did not grant access to the dataset/)
  })
})

describe('validate-metadata', () => {
  it('answers a bare Status', async () => {
    const ok = await t.as('reader', 'POST', '/data-store/metadata/validate-metadata', { body: await examplePayload(t) })
    expect(ok).toMatchObject({ status: 200, body: { success: true, details: 'Validation successful.' } })
    const dates = await t.as('reader', 'POST', '/data-store/metadata/validate-metadata', { body: await datesOutOfOrder(t) })
    expect(dates.status).toBe(200)
    expect(dates.body).toMatchObject({ success: false })
    expect((dates.body as { details: string }).details).toMatch(/^Failed field value validation\. Error: /)
  })

  it('reports registry problems and pydantic failures', async () => {
    const cf = await examplePayload(t)
    cf.dataset_info.publisher_id = '10378.1/does-not-exist'
    const registry = await t.as('reader', 'POST', '/data-store/metadata/validate-metadata', { body: cf })
    expect((registry.body as { details: string }).details).toMatch(/^Registry API responded with an error during validation, error: publisher_id/)
    const extra = await t.as('reader', 'POST', '/data-store/metadata/validate-metadata', { body: await examplePayload(t, 'invalid_ro_raw1.json') })
    expect(extra.status).toBe(422)
    expect((extra.body as { detail: { loc: unknown[] }[] }).detail[0].loc[0]).toBe('body')
  })

  it('checks the token before the body, as FastAPI resolves dependencies first', async () => {
    const res = await t.call('POST', '/data-store/metadata/validate-metadata', { raw: '{"not": "metadata"}' })
    expect(res.status).toBe(401)
  })
})
