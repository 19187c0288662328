import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../server/src/db/database'
import { migrate } from '../server/src/db/migrate'
import { FileStorage } from '../server/src/domain/storage'
import { seedDemoData } from '../server/src/seed/apply'
import { BUCKET } from '../server/src/stack'
import { freePort } from '../server/tests/helpers/stack'

export interface BenchStore {
  dataDir: string
  seedSeconds: number
  remove(): void
}

/** A throw-away data folder holding the demo data with `datasets` generated datasets. */
export async function seedStore(datasets: number): Promise<BenchStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'datastore-bench-'))
  const start = Date.now()
  const db = await openDatabase({ dataDir: join(dataDir, 'db') })
  await migrate(db)
  await seedDemoData(db, new FileStorage(join(dataDir, 'files'), BUCKET, 'bench'), { datasets })
  await db.close()
  return { dataDir, seedSeconds: (Date.now() - start) / 1000, remove: () => rmSync(dataDir, { recursive: true, force: true }) }
}

export interface RunningStack {
  origin: string
  stop(): Promise<void>
}

/** The stack (console included) on `dataDir`, in its own process as npm start runs it, so the load generator or browser driver does not share its event loop. */
export async function startStack(dataDir: string): Promise<RunningStack> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/start.ts'], {
    env: { ...process.env, PORT: String(port), PUBLIC_ORIGIN: origin, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`The stack exited with ${code}`)))
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(origin)) resolve()
    })
  })
  return {
    origin,
    stop: async () => {
      server.kill('SIGTERM')
      await exited
    },
  }
}
