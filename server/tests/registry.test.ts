import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ItemDataset, ItemOrganisation, ItemPerson } from '../src/domain/types'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, firstId, personOf, seededDataset } from './helpers/fixtures'

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe('people and organisations', () => {
  it('fetches a person and an organisation, and answers a miss with success=false', async () => {
    const person = await personOf(t, 'steward')
    const res = await t.as('reader', 'GET', '/registry/registry/agent/person/fetch', { query: { id: person } })
    expect(res.status).toBe(200)
    expect((res.body as { item: ItemPerson }).item).toMatchObject({ id: person, item_subtype: 'PERSON', first_name: 'Sam', last_name: 'Steward', email: 'steward@example.org' })
    const org = await firstId(t, "item_subtype = 'ORGANISATION'")
    const orgRes = await t.as('reader', 'GET', '/registry/registry/agent/organisation/fetch', { query: { id: org } })
    expect((orgRes.body as { item: ItemOrganisation }).item.item_subtype).toBe('ORGANISATION')
    const wrongType = await t.as('reader', 'GET', '/registry/registry/agent/organisation/fetch', { query: { id: person } })
    expect(wrongType).toMatchObject({ status: 200, body: { status: { success: false }, item: null } })
    expect((await t.as('outsider', 'GET', '/registry/registry/agent/person/fetch', { query: { id: person } })).status).toBe(401)
  })

  it('lists people by name', async () => {
    const res = await t.as('reader', 'POST', '/registry/registry/agent/person/list', { body: { sort_by: { sort_type: 'DISPLAY_NAME', ascending: true }, page_size: 100 } })
    const names = (res.body as { items: ItemPerson[] }).items.map((p) => p.display_name)
    expect(names).toContain('Riley Reviewer')
    expect(names).toEqual([...names].sort())
  })
})

describe('search API', () => {
  it('ranks datasets by the words of the query, best first, limited', async () => {
    const { item } = await seededDataset(t, 'true')
    const word = item.collection_format.dataset_info.description.split(' ')[0]
    const res = await t.as('reader', 'GET', '/search-api/search/entity-registry', { query: { query: item.display_name, subtype_filter: 'DATASET', record_limit: 5 } })
    expect(res.status).toBe(200)
    const { results, status } = res.body as { status: { success: boolean }; results: { id: string; score: number }[] }
    expect(status.success).toBe(true)
    expect(results.length).toBeLessThanOrEqual(5)
    expect(results.map((r) => r.id)).toContain(item.id)
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a))
    const people = await t.as('reader', 'GET', '/search-api/search/entity-registry', { query: { query: 'Riley', subtype_filter: 'PERSON' } })
    expect((people.body as { results: { id: string }[] }).results[0].id).toBe(await personOf(t, 'reviewer'))
    expect(word.length).toBeGreaterThan(0)
    const byWord = await t.as('reader', 'GET', '/search-api/search/entity-registry', { query: { query: word, subtype_filter: 'DATASET', record_limit: 100 } })
    expect((byWord.body as { results: unknown[] }).results.length).toBeGreaterThan(0)
    expect((await t.as('reader', 'GET', '/search-api/search/entity-registry')).status).toBe(422)
  })
})

describe('auth API', () => {
  it('looks up the Person a user is linked to', async () => {
    const res = await t.as('outsider', 'GET', '/auth-api/link/user/lookup', { query: { username: 'steward' } })
    expect(res.body).toEqual({ success: true, person_id: await personOf(t, 'steward') })
    expect((await t.as('outsider', 'GET', '/auth-api/link/user/lookup', { query: { username: 'ghost' } })).body).toEqual({ success: false, person_id: null })
  })
})

describe('locks and access settings', () => {
  it('lets the dataset admin lock and unlock with history, and blocks updates while locked', async () => {
    const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    expect((await t.as('reviewer', 'PUT', '/registry/registry/entity/dataset/locks/lock', { body: { id, reason: 'no' } })).status).toBe(401)
    expect((await t.as('steward', 'PUT', '/registry/registry/entity/dataset/locks/lock', { body: { id, reason: 'QC' } })).status).toBe(200)
    expect((await t.as('steward', 'PUT', '/registry/registry/entity/dataset/locks/lock', { body: { id, reason: 'QC' } })).status).toBe(400)
    expect((await t.as('reader', 'GET', '/registry/registry/entity/dataset/locks/locked', { query: { id } })).body).toEqual({ locked: true })
    const item = ((await t.as('steward', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })).body as { item: ItemDataset; locked: boolean })
    expect(item.locked).toBe(true)
    const update = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: id, reason: 'r' }, body: item.item.collection_format })
    expect(update.status).toBe(401)
    await t.as('steward', 'PUT', '/registry/registry/entity/dataset/locks/unlock', { body: { id, reason: 'done' } })
    const history = await t.as('steward', 'GET', '/registry/registry/entity/dataset/locks/history', { query: { id } })
    expect((history.body as { history: { action_type: string; reason: string }[] }).history.map((e) => [e.action_type, e.reason])).toEqual([['LOCK', 'QC'], ['UNLOCK', 'done']])
  })

  it('changes who may see a dataset through its access settings', async () => {
    const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    const fetchAs = (user: string) => t.as(user, 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })
    expect((await fetchAs('reader')).status).toBe(200)
    const put = await t.as('steward', 'PUT', '/registry/registry/entity/dataset/auth/configuration', { query: { id }, body: { owner: 'steward', general: [], groups: {} } })
    expect(put.status).toBe(200)
    expect((await fetchAs('reader')).status).toBe(401)
    const bad = await t.as('steward', 'PUT', '/registry/registry/entity/dataset/auth/configuration', { query: { id }, body: { owner: 'steward', general: ['superuser'], groups: {} } })
    expect(bad.status).toBe(422)
    expect((await t.as('reviewer', 'GET', '/registry/registry/entity/dataset/auth/configuration', { query: { id } })).status).toBe(401)
  })

  it('grants a group\'s roles to its members only, refuses an owner change and keeps the settings on a refusal', async () => {
    const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    const path = '/registry/registry/entity/dataset/auth/configuration'
    const evaluate = (user: string) => t.as(user, 'GET', '/registry/registry/entity/dataset/auth/evaluate', { query: { id } })
    // reader is in reef-team; reviewer is not.
    const grant = { owner: 'steward', general: [], groups: { 'reef-team': ['metadata-read', 'metadata-write'] } }
    expect((await t.as('steward', 'PUT', path, { query: { id }, body: grant })).status).toBe(200)
    expect((await evaluate('reader')).body).toEqual({ roles: ['metadata-read', 'metadata-write'] })
    expect((await evaluate('reviewer')).status).toBe(401)
    const takeover = await t.as('steward', 'PUT', path, { query: { id }, body: { ...grant, owner: 'reviewer' } })
    expect(takeover.status).toBe(400)
    expect((takeover.body as { detail: string }).detail).toContain('owner of a dataset cannot be changed')
    expect((await t.as('steward', 'PUT', path, { query: { id }, body: { owner: 'steward', general: [] } })).status).toBe(422)
    expect((await t.as('steward', 'GET', path, { query: { id } })).body).toEqual(grant)
    // The owner keeps every role whatever the settings say.
    expect(((await evaluate('steward')).body as { roles: string[] }).roles).toHaveLength(5)
  })
})
