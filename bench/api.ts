import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { openDatabase } from '../server/src/db/database'
import { migrate } from '../server/src/db/migrate'
import { FileStorage } from '../server/src/domain/storage'
import { seedDemoData } from '../server/src/seed/apply'
import { BUCKET } from '../server/src/stack'
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
    // The stack runs in its own process, as npm start runs it, so the load generator does not share its event loop.
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/start.ts'], {
      env: { ...process.env, PORT: String(port), PUBLIC_ORIGIN: origin, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`The stack exited with ${code}`)))
      server.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(origin)) resolve()
      })
    })
    try {
      const { access_token } = await signIn(origin, 'steward', 'steward')
      const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
      // Datasets the steward may see, from the list itself (private ones of others would answer 401).
      const listed = await fetch(`${origin}/data-store/registry/items/list`, { method: 'POST', headers, body: JSON.stringify({ page_size: 200 }) })
      const rows = ((await listed.json()) as { items: { id: string }[] }).items
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
      server.kill('SIGTERM')
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
