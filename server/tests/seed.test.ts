import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCollectionFormat } from '../src/domain/validation'
import { metadataProblem } from '../src/domain/datasets'
import { UNCHECKED_IMPORT } from '../src/seed/apply'
import type { ItemDataset } from '../src/domain/types'
import { startTestStack, type TestStack } from './helpers/stack'

let t: TestStack
let datasets: ItemDataset[]
// The one file that seeds for real (the others copy the run's snapshot): seeding ~150 datasets takes several
// seconds on an idle machine and can pass the default 10 s while the other files load both cores.
beforeAll(async () => {
  t = await startTestStack({ seed: true })
  datasets = (await t.stack.db.query<{ doc: ItemDataset }>("SELECT doc FROM items WHERE item_subtype = 'DATASET'")).rows.map((r) => r.doc)
}, 60_000)
afterAll(async () => t?.close())

describe('demo data', () => {
  it('holds about 150 datasets, each valid in every validation layer but the unchecked imports', async () => {
    expect(datasets.length).toBeGreaterThanOrEqual(150)
    let unchecked = 0
    for (const item of datasets) {
      const parsed = parseCollectionFormat(item.collection_format)
      expect(parsed.ok, item.id).toBe(true)
      const problem = await metadataProblem(t.stack.db, item.collection_format)
      // An unchecked import stays invalid through later edits, until someone fixes the flag it set.
      const imported = item.history.some((entry) => entry.reason === UNCHECKED_IMPORT)
      if (imported) unchecked++
      if (imported) expect(problem?.message, item.id).toMatch(/indigenous/i)
      else expect(problem, item.id).toBeNull()
      expect(item.display_name).toBe(item.collection_format.dataset_info.name)
      expect(item.access_info_uri ?? null).toBe(item.collection_format.dataset_info.access_info.uri ?? null)
    }
    expect(unchecked).toBeGreaterThan(0)
  })

  it('has multi-entry histories with unique ids, newest first', () => {
    expect(datasets.filter((d) => d.history.length >= 3).length).toBeGreaterThan(10)
    for (const item of datasets) {
      const ids = item.history.map((h) => h.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(item.history.map((h) => h.timestamp)).toEqual([...item.history.map((h) => h.timestamp)].sort((a, b) => b - a))
    }
  })

  it('has version chains linked both ways, and every release state', () => {
    const byId = new Map(datasets.map((d) => [d.id, d]))
    const versioned = datasets.filter((d) => d.versioning_info?.previous_version)
    expect(versioned.length).toBeGreaterThan(5)
    for (const item of versioned) {
      const previous = byId.get(item.versioning_info!.previous_version!)!
      expect(previous.versioning_info?.next_version).toBe(item.id)
      expect(item.versioning_info!.version).toBe(previous.versioning_info!.version + 1)
    }
    const states = new Set(datasets.map((d) => d.release_status))
    expect(states).toEqual(new Set(['NOT_RELEASED', 'PENDING', 'RELEASED']))
    expect(datasets.some((d) => d.release_history.some((e) => e.action === 'REJECT'))).toBe(true)
  })

  it('has locked datasets and files in storage', async () => {
    const { rows } = await t.stack.db.query<{ n: number }>('SELECT count(*)::int AS n FROM locks WHERE locked')
    expect(rows[0].n).toBeGreaterThan(0)
    const reposited = datasets.find((d) => d.collection_format.dataset_info.access_info.reposited)!
    expect(t.stack.storage.list(reposited.s3.path).map((f) => f.path)).toEqual(['README.md', 'data/observations.csv', 'metadata.json'])
  })
})
