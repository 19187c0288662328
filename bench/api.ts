import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { openDatabase } from '../server/src/db/database'
import { migrate } from '../server/src/db/migrate'
import { FileStorage } from '../server/src/domain/storage'
import { seedDemoData } from '../server/src/seed/apply'
import { BUCKET, createStack } from '../server/src/stack'
import { signIn } from '../server/tests/helpers/sign-in'
import { freePort } from '../server/tests/helpers/stack'

export interface LoadFigures {
  name: string
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
}

async function load(name: string, options: autocannon.Options): Promise<LoadFigures> {
  const result = await autocannon({ connections: 20, duration: 10, ...options })
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

/** Seeds a store of `datasets`, starts the stack on it and loads the list and fetch routes. */
export async function benchApi(datasets: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'datastore-bench-'))
  try {
    const seedStart = Date.now()
    const db = await openDatabase({ dataDir: join(dataDir, 'db') })
    await migrate(db)
    await seedDemoData(db, new FileStorage(join(dataDir, 'files'), BUCKET, 'bench'), { datasets })
    await db.close()
    const seedSeconds = (Date.now() - seedStart) / 1000

    const port = await freePort()
    const origin = `http://127.0.0.1:${port}`
    const stack = await createStack({ origin, dataDir })
    await stack.app.listen({ host: '127.0.0.1', port })
    try {
      const { access_token } = await signIn(origin, 'steward', 'steward')
      const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
      const { rows } = await stack.db.query<{ id: string }>("SELECT id FROM items WHERE item_subtype = 'DATASET' ORDER BY id LIMIT 200")
      const list = await load('POST /data-store/registry/items/list (page_size 20)', {
        url: `${origin}/data-store/registry/items/list`,
        method: 'POST',
        headers,
        body: JSON.stringify({ page_size: 20 }),
      })
      let next = 0
      const fetchOne = await load('GET /data-store/registry/items/fetch-dataset', {
        url: origin,
        headers,
        requests: [{ setupRequest: (request) => ({ ...request, path: `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(rows[next++ % rows.length].id)}` }) }],
      })
      return { seedSeconds, results: [list, fetchOne] }
    } finally {
      await stack.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
