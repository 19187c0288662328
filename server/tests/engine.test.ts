import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'

/** The suite runs twice, on PGlite and on a PostgreSQL server: this proves each run is on the engine it names. */
const postgres = inject('postgresTemplate')
let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe('the engine under the suite', () => {
  it(`is ${postgres ? 'a PostgreSQL server, with a database of this file’s own' : 'PGlite'}`, async () => {
    expect(t.stack.db.kind).toBe(postgres ? 'postgres' : 'pglite')
    const { rows } = await t.stack.db.query<{ name: string; version: string }>('SELECT current_database() AS name, version() AS version')
    if (postgres) {
      expect(rows[0].name).toMatch(/^stack_[0-9a-f]{32}$/)
      expect(rows[0].version).not.toMatch(/emscripten|wasm/i)
    }
    // Seeded either way, from the snapshot or the template.
    const { rows: datasets } = await t.stack.db.query<{ n: number }>("SELECT count(*)::int AS n FROM items WHERE item_subtype = 'DATASET'")
    expect(datasets[0].n).toBeGreaterThanOrEqual(150)
  })
})
