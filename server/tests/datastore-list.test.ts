import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'

interface ListAnswer {
  status: { success: boolean }
  items: { id: string; display_name: string; created_timestamp: number; updated_timestamp: number; access_info_uri: string | null }[]
  pagination_key: Record<string, unknown> | null
  not_authorised_count: number
  total_item_count: number
}

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

async function listAll(user: string, body: Record<string, unknown>) {
  const ids: ListAnswer['items'] = []
  let key: Record<string, unknown> | null = null
  let pages = 0
  do {
    const res = await t.as(user, 'POST', '/data-store/registry/items/list', { body: { ...body, pagination_key: key } })
    expect(res.status).toBe(200)
    const page = res.body as ListAnswer
    ids.push(...page.items)
    key = page.pagination_key
    pages++
  } while (key && pages < 100)
  return { items: ids, pages }
}

async function datasetCount(where = 'true') {
  const { rows } = await t.stack.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items i JOIN access_settings a ON a.item_id = i.id WHERE item_subtype = 'DATASET' AND ${where}`)
  return rows[0].n
}

describe('list', () => {
  it('pages through every dataset the owner can see, newest update first by default', async () => {
    const { items, pages } = await listAll('admin', { page_size: 20 })
    expect(items).toHaveLength(await datasetCount())
    expect(pages).toBeGreaterThan(5)
    const updated = items.map((item) => item.updated_timestamp)
    expect(updated).toEqual([...updated].sort((a, b) => b - a))
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length)
  })

  it('applies the page limit before the access filter, so pages can be short while a key remains', async () => {
    const first = await t.as('outsider', 'POST', '/data-store/registry/items/list', { body: {} })
    expect(first.status).toBe(401)
    const visible = await datasetCount("(a.general ? 'metadata-read' OR a.owner = 'reader' OR a.groups ? 'reef-team')")
    const { items } = await listAll('reader', { page_size: 10 })
    expect(items).toHaveLength(visible)
    const page = (await t.as('reader', 'POST', '/data-store/registry/items/list', { body: { page_size: 150 } })).body as ListAnswer
    expect(page.not_authorised_count).toBeGreaterThan(0)
    expect(page.items.length + page.not_authorised_count).toBe(150)
    expect(page.total_item_count).toBe(page.items.length)
  })

  it('sorts by name, created and updated time both ways', async () => {
    for (const [sort_type, field] of [['DISPLAY_NAME', 'display_name'], ['CREATED_TIME', 'created_timestamp'], ['UPDATED_TIME', 'updated_timestamp']] as const) {
      for (const ascending of [true, false]) {
        const { items } = await listAll('admin', { page_size: 50, sort_by: { sort_type, ascending } })
        const values = items.map((item) => item[field])
        const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        expect(values, `${sort_type} ${ascending}`).toEqual(ascending ? sorted : sorted.reverse())
      }
    }
  })

  it('filters by access URI prefix, which needs begins_with', async () => {
    const { items } = await listAll('admin', { sort_by: { sort_type: 'ACCESS_INFO_URI_BEGINS_WITH', begins_with: 'https://data.example.org/' } })
    expect(items.length).toBeGreaterThan(0)
    expect(items.every((item) => item.access_info_uri?.startsWith('https://data.example.org/'))).toBe(true)
    const missing = await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { sort_by: { sort_type: 'ACCESS_INFO_URI_BEGINS_WITH' } } })
    expect(missing.status).toBe(422)
    const stray = await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { sort_by: { sort_type: 'DISPLAY_NAME', begins_with: 'x' } } })
    expect(stray.status).toBe(422)
  })

  it('fails as Provena does for a release-time sort, and refuses bad pages and keys', async () => {
    const release = await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { sort_by: { sort_type: 'RELEASE_TIMESTAMP' } } })
    expect(release.status).toBe(500)
    expect((await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { page_size: 0 } })).status).toBe(422)
    expect((await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { page_size: 'many' } })).status).toBe(422)
    const badKey = await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { pagination_key: { id: 5 } } })
    expect(badKey.status).toBe(400)
  })

  it('shows a change at once: cached item JSON is replaced when its revision moves', async () => {
    const first = ((await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { page_size: 5 } })).body as ListAnswer).items[0]
    const fetched = await t.as('admin', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: first.id } })
    const cf = (fetched.body as { item: { collection_format: { dataset_info: { name: string } } } }).item.collection_format
    cf.dataset_info.name = 'Renamed while cached'
    const update = await t.as('admin', 'POST', '/data-store/register/update-metadata', { query: { handle_id: first.id, reason: 'rename' }, body: cf })
    expect(update.status).toBe(200)
    const after = ((await t.as('admin', 'POST', '/data-store/registry/items/list', { body: { page_size: 5 } })).body as ListAnswer).items[0]
    expect(after).toMatchObject({ id: first.id, display_name: 'Renamed while cached' })
  })
})
