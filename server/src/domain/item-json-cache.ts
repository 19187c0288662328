import type { Queryable } from '../db/database'

interface Entry {
  revision: number
  json: Buffer
}

/**
 * The UTF-8 JSON of items, keyed by id and checked against the item's revision, so list pages reuse
 * what they sent before instead of reading and re-encoding every document. Least recently used go first.
 */
export class ItemJsonCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly capacity = 10_000) {}

  /** The JSON of each (id, revision), reading from the database only those not cached at that revision. */
  async get(q: Queryable, wanted: { id: string; revision: number }[]): Promise<Buffer[]> {
    // Collected here rather than read back from the cache: reading the missing ones can evict hits.
    const found = new Map<string, Buffer>()
    const missing: string[] = []
    for (const { id, revision } of wanted) {
      const entry = this.entries.get(id)
      if (entry?.revision === revision) {
        found.set(id, entry.json)
        this.touch(id, entry)
      } else missing.push(id)
    }
    if (missing.length) {
      const { rows } = await q.query<{ id: string; revision: number; doc: string }>(
        'SELECT id, revision, doc::text AS doc FROM items WHERE id = ANY($1)',
        [missing],
      )
      for (const row of rows) {
        const json = Buffer.from(row.doc)
        found.set(row.id, json)
        this.touch(row.id, { revision: row.revision, json })
      }
    }
    return wanted.flatMap(({ id }) => found.get(id) ?? [])
  }

  /** Re-inserting marks the entry as the most recently used; the least recently used goes past capacity. */
  private touch(id: string, entry: Entry) {
    this.entries.delete(id)
    this.entries.set(id, entry)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
  }
}
