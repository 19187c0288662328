import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { ItemDataset } from '../src/domain/types'
import { examplePayload, seededDataset } from './helpers/fixtures'
import { startTestStack, type TestStack } from './helpers/stack'

const snapshot = inject('stackSnapshot')
let a: TestStack
let b: TestStack
beforeAll(async () => {
  a = await startTestStack()
  b = await startTestStack()
})
afterAll(async () => {
  await a?.close()
  await b?.close()
})

const REPOSITED = "(i.doc->'collection_format'->'dataset_info'->'access_info'->>'reposited')::boolean"

async function datasetCount(t: TestStack): Promise<number> {
  const { rows } = await t.stack.db.query<{ n: number }>("SELECT count(*)::int AS n FROM items WHERE item_subtype = 'DATASET'")
  return rows[0].n
}

async function mint(t: TestStack, name: string): Promise<string> {
  const cf = await examplePayload(t)
  cf.dataset_info.name = name
  const res = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: cf })
  expect(res.status).toBe(200)
  return (res.body as { handle: string }).handle
}

async function nameIn(t: TestStack, id: string): Promise<string | undefined> {
  const res = await t.as('steward', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })
  return res.status === 200 ? (res.body as { item: ItemDataset }).item.display_name : undefined
}

describe('stacks started from the snapshot of the run', () => {
  it('start with the seeded store: datasets, their files, planner statistics and sign-in on their own origin', async () => {
    // Without the global setup the helper would seed each stack itself and this file would prove nothing.
    expect(snapshot).toBeDefined()
    expect(await datasetCount(a)).toBeGreaterThanOrEqual(150)
    expect(await datasetCount(b)).toBe(await datasetCount(a))
    const { item } = await seededDataset(a, REPOSITED)
    for (const t of [a, b]) expect(t.stack.storage.list(item.s3.path).map((f) => f.path)).toEqual(['README.md', 'data/observations.csv', 'metadata.json'])
    // The snapshot was analysed before it was dumped; its copies are not analysed again.
    const { rows } = await b.stack.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'items'")
    expect(rows[0].n).toBeGreaterThan(0)
    expect(a.port).not.toBe(b.port)
    for (const t of [a, b]) expect((await t.as('steward', 'GET', '/data-store/check-access/check-write-access')).status).toBe(200)
  })

  it('keep their database writes to themselves', async () => {
    const before = await datasetCount(b)
    const inA = await mint(a, 'Only in A')
    expect(await nameIn(b, inA)).toBeUndefined()
    expect(await datasetCount(b)).toBe(before)
    // Both copies' handle sequences start where the snapshot left off, so each hands out the same next handle.
    const inB = await mint(b, 'Only in B')
    expect(inB).toBe(inA)
    expect(await nameIn(a, inA)).toBe('Only in A')
    expect(await nameIn(b, inB)).toBe('Only in B')
  })

  it('keep their files to themselves, and leave the files of the snapshot as they were', async () => {
    const { item } = await seededDataset(a, REPOSITED)
    const readme = `${item.s3.path}README.md`
    const original = readFileSync(a.stack.storage.filePath(readme), 'utf8')
    a.stack.storage.write(readme, 'Changed in A')
    a.stack.storage.write(`${item.s3.path}data/added-in-a.csv`, 'x\n1\n')
    expect(a.stack.storage.root).not.toBe(b.stack.storage.root)
    expect(readFileSync(b.stack.storage.filePath(readme), 'utf8')).toBe(original)
    expect(b.stack.storage.exists(`${item.s3.path}data/added-in-a.csv`)).toBe(false)
    expect(readFileSync(join(snapshot!.files, readme), 'utf8')).toBe(original)
  })

  it('share the signing key of the snapshot but not an issuer: a token from one is refused by the other', async () => {
    const token = await a.tokenFor('steward')
    expect((await a.call('GET', '/data-store/check-access/check-write-access', { token })).status).toBe(200)
    expect((await b.call('GET', '/data-store/check-access/check-write-access', { token })).status).toBe(401)
  })
})
