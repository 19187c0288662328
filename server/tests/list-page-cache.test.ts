import { describe, expect, it } from 'vitest'
import { ListPageCache } from '../src/domain/list-page-cache'
import type { ListPage, ListQuery } from '../src/domain/listing'
import type { Caller } from '../src/domain/types'

const steward: Caller = { username: 'steward', email: null, roles: ['entity-registry-read', 'entity-registry-write'], accessToken: 'a' }
const query: ListQuery = { subtype: 'DATASET', sort: null, paginationKey: null, pageSize: 20 }
const page = (n: number): ListPage => ({ items: [Buffer.from(String(n))], notAuthorised: 0, paginationKey: null })

/** A database whose write counter the test moves, and a reader counting its reads. */
function setup(kind: 'pglite' | 'postgres' = 'pglite') {
  const db = { kind, writes: 0 }
  let reads = 0
  const read = async () => page(++reads)
  return { db, cache: new ListPageCache(db, 2), read, reads: () => reads }
}

describe('ListPageCache', () => {
  it('reads a page once while nothing is written, and again after any write', async () => {
    const { db, cache, read, reads } = setup()
    expect(await cache.get(steward, query, read)).toEqual(page(1))
    expect(await cache.get(steward, query, read)).toEqual(page(1))
    db.writes++
    expect(await cache.get(steward, query, read)).toEqual(page(2))
    expect(reads()).toBe(2)
  })

  it('keys on the caller and the query, roles in any order', async () => {
    const { cache, read, reads } = setup()
    await cache.get(steward, query, read)
    await cache.get({ ...steward, roles: [...steward.roles].reverse() }, query, read)
    expect(reads()).toBe(1)
    await cache.get({ ...steward, username: 'reader' }, query, read)
    await cache.get({ ...steward, roles: ['entity-registry-read'] }, query, read)
    await cache.get(steward, { ...query, pageSize: 5 }, read)
    expect(reads()).toBe(4)
  })

  it('keeps no page read while a write ended', async () => {
    const { db, cache, reads } = setup()
    await cache.get(steward, query, async () => {
      db.writes++
      return page(0)
    })
    await cache.get(steward, query, async () => page(reads() + 9))
    expect(await cache.get(steward, query, async () => page(99))).toEqual(page(9))
  })

  it('forgets the least recently used past its capacity', async () => {
    const { cache, read, reads } = setup()
    for (const pageSize of [1, 2, 1, 3]) await cache.get(steward, { ...query, pageSize }, read)
    expect(reads()).toBe(3)
    await cache.get(steward, { ...query, pageSize: 2 }, read)
    expect(reads()).toBe(4)
  })

  it('caches nothing on a PostgreSQL server, which other stacks may write', async () => {
    const { cache, read, reads } = setup('postgres')
    await cache.get(steward, query, read)
    await cache.get(steward, query, read)
    expect(reads()).toBe(2)
  })
})

describe('the database write counter', () => {
  it('moves after each statement other than a plain SELECT, and after each transaction, even a failed one', async () => {
    const { openDatabase } = await import('../src/db/database')
    const db = await openDatabase({})
    try {
      await db.query('CREATE TABLE t (n int)')
      const start = db.writes
      await db.query('SELECT 1')
      await db.query('  select count(*) FROM t')
      expect(db.writes).toBe(start)
      await db.query('INSERT INTO t VALUES (1)')
      await db.query('WITH gone AS (DELETE FROM t RETURNING n) SELECT * FROM gone')
      expect(db.writes).toBe(start + 2)
      await expect(db.transaction(async (tx) => tx.query('INSERT INTO nowhere VALUES (1)'))).rejects.toThrow()
      expect(db.writes).toBe(start + 3)
    } finally {
      await db.close()
    }
  })
})
