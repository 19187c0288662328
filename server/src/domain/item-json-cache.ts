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
    const missing = wanted.filter(({ id, revision }) => this.entries.get(id)?.revision !== revision).map((w) => w.id)
    if (missing.length) {
      const { rows } = await q.query<{ id: string; revision: number; doc: string }>(
        'SELECT id, revision, doc::text AS doc FROM items WHERE id = ANY($1)',
        [missing],
      )
      for (const row of rows) this.put(row.id, row.revision, Buffer.from(row.doc))
    }
    return wanted.map(({ id }) => {
      const entry = this.entries.get(id)!
      // Re-inserting marks the entry as recently used.
      this.entries.delete(id)
      this.entries.set(id, entry)
      return entry.json
    })
  }

  private put(id: string, revision: number, json: Buffer) {
    this.entries.delete(id)
    this.entries.set(id, { revision, json })
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
  }
}
