import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { rmSync } from 'node:fs'
import { openDatabase } from '../db/database'
import { migrate } from '../db/migrate'
import { FileStorage } from '../domain/storage'
import { BUCKET } from '../stack'
import { seedDemoData } from './apply'

/** npm run seed -- --datasets N [--data-dir DIR]: rebuilds a store with N demo datasets (benchmarks). */
const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const root = fileURLToPath(new URL('../../..', import.meta.url))
const datasets = Number(option('datasets') ?? 150)
const dataDir = resolve(root, option('data-dir') ?? process.env.DATA_DIR ?? '.data')
if (!Number.isInteger(datasets) || datasets < 1) {
  console.error('Usage: npm run seed -- --datasets <count> [--data-dir <dir>]')
  process.exit(2)
}

const started = Date.now()
if (!process.env.DATABASE_URL) rmSync(dataDir, { recursive: true, force: true })
const db = await openDatabase({ url: process.env.DATABASE_URL, dataDir: resolve(dataDir, 'db') })
await migrate(db)
const storage = new FileStorage(resolve(dataDir, 'files'), BUCKET, 'seed-only')
const seeded = await seedDemoData(db, storage, { datasets })
await db.close()
process.stdout.write(
  `${seeded ? `Seeded ${datasets} datasets into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.` : 'The store was not empty: nothing seeded.'}\n`,
)
