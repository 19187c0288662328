import { describe, expect, it } from 'vitest'
import type { Queryable } from '../src/db/database'
import { ItemJsonCache } from '../src/domain/item-json-cache'

/** A table of documents by id and revision, counting the ids each query reads. */
function documents(revisions: Record<string, number>) {
  const reads: string[][] = []
  const q: Queryable = {
    query: async <Row>(_sql: string, params?: unknown[]) => {
      const ids = params?.[0] as string[]
      reads.push(ids)
      return { rows: ids.map((id) => ({ id, revision: revisions[id], doc: JSON.stringify({ id, revision: revisions[id] }) })) as Row[] }
    },
  }
  return { q, reads, revisions }
}
const text = (buffers: Buffer[]) => buffers.map((b) => JSON.parse(b.toString()) as { id: string; revision: number })
const at = (...ids: string[]) => ids.map((id) => ({ id, revision: 1 }))

describe('ItemJsonCache', () => {
  it('reads each item once and reuses it at the same revision', async () => {
    const { q, reads } = documents({ a: 1, b: 1 })
    const cache = new ItemJsonCache(10)
    expect(text(await cache.get(q, at('a', 'b')))).toEqual([{ id: 'a', revision: 1 }, { id: 'b', revision: 1 }])
    expect(text(await cache.get(q, at('b', 'a')))).toEqual([{ id: 'b', revision: 1 }, { id: 'a', revision: 1 }])
    expect(reads).toEqual([['a', 'b']])
  })

  it('reads again when the revision moved on', async () => {
    const { q, reads, revisions } = documents({ a: 1 })
    const cache = new ItemJsonCache(10)
    await cache.get(q, at('a'))
    revisions.a = 2
    expect(text(await cache.get(q, [{ id: 'a', revision: 2 }]))).toEqual([{ id: 'a', revision: 2 }])
    expect(reads).toEqual([['a'], ['a']])
  })

  it('answers a page larger than its capacity, mixing hits and reads, in order', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `d${i}`)
    const { q } = documents(Object.fromEntries(ids.map((id) => [id, 1])))
    const cache = new ItemJsonCache(3)
    await cache.get(q, at('d0', 'd1', 'd2'))
    // The cached d0..d2 come first; reading d3..d7 evicts them before the page is assembled.
    expect(text(await cache.get(q, at(...ids))).map((d) => d.id)).toEqual(ids)
  })

  it('leaves out an item gone between the listing and the read', async () => {
    const { q } = documents({ a: 1 })
    const cache = new ItemJsonCache(10)
    const gone: Queryable = { query: async (sql, params) => ({ rows: (await q.query(sql, params)).rows.filter((r) => (r as { id: string }).id !== 'b') as never }) }
    expect(text(await cache.get(gone, at('a', 'b'))).map((d) => d.id)).toEqual(['a'])
  })
})
