import type { Database } from '../db/database'
import type { ListPage, ListQuery } from './listing'
import type { Caller } from './types'

/**
 * List pages as they were last answered, for as long as the database has not been written since.
 *
 * A console load, a reload and every return to the list ask for the same first page; on PGlite each
 * answer is two queries on one single-threaded engine. A page depends on the rows, the access settings
 * and the caller's groups (all in the database) and on the caller's username and realm roles (the key),
 * so any write at all empties the cache. Only an embedded database is cached: a PostgreSQL server may be
 * shared by several stacks, whose writes this process would never see.
 */
export class ListPageCache {
  private readonly pages = new Map<string, ListPage>()
  private seenWrites = -1

  constructor(
    private readonly db: Pick<Database, 'kind' | 'writes'>,
    private readonly capacity = 256,
  ) {}

  async get(caller: Caller, query: ListQuery, read: () => Promise<ListPage>): Promise<ListPage> {
    if (this.db.kind !== 'pglite') return read()
    const key = JSON.stringify([caller.username, [...caller.roles].sort(), query.subtype, query.sort ?? null, query.paginationKey ?? null, query.pageSize, query.where ?? []])
    if (this.seenWrites !== this.db.writes) this.pages.clear()
    // Taken before reading: a write that ends while the read is out moves the counter, so its page is dropped.
    const writesBefore = this.db.writes
    this.seenWrites = writesBefore
    const cached = this.pages.get(key)
    if (cached) {
      this.pages.delete(key)
      this.pages.set(key, cached)
      return cached
    }
    const page = await read()
    if (this.db.writes === writesBefore) {
      this.pages.set(key, page)
      if (this.pages.size > this.capacity) this.pages.delete(this.pages.keys().next().value as string)
    }
    return page
  }
}
