import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { build } from 'vite'
import { measureBundle } from './bundle'
import { benchApi } from './api'

const root = fileURLToPath(new URL('..', import.meta.url))
const ANCHOR_FIRST_PAGE_BYTES = 788_080
const FIRST_PAGE_BUDGET_BYTES = 200_000
const BENCH_DATASETS = Number(process.env.BENCH_DATASETS ?? 10_000)
const LIST_P99_TARGET_MS = 50

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

console.log('Building the console…')
await build({ root, logLevel: 'warn' })
const report = measureBundle(join(root, 'dist'))

console.log('\n== Bundle (gzip -9) ==')
const { gzipBytes, files } = report.firstPage
console.log(
  `first page (/ -> /datasets): ${gzipBytes} B (${kb(gzipBytes)}) in ${files.length} files; ` +
    `budget ${kb(FIRST_PAGE_BUDGET_BYTES)}: ${gzipBytes <= FIRST_PAGE_BUDGET_BYTES ? 'within' : 'OVER'}; ` +
    `${(gzipBytes / ANCHOR_FIRST_PAGE_BYTES).toFixed(3)} of the anchor UI's ${ANCHOR_FIRST_PAGE_BYTES} B`,
)
for (const file of files) console.log(`  ${file}`)
console.log('lazy chunks (bytes added on first visit, beyond the first page):')
for (const chunk of report.lazyChunks) console.log(`  ${chunk.name}: ${chunk.extraGzipBytes} B`)

console.log(`\n== API on a ${BENCH_DATASETS}-dataset store (autocannon, 20 connections, 10 s each) ==`)
const api = await benchApi(BENCH_DATASETS)
console.log(`seeding ${BENCH_DATASETS} datasets: ${api.seedSeconds.toFixed(1)} s`)
for (const r of api.results) {
  console.log(`${r.name}: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, non-2xx ${r.non2xx}`)
}
const listP99 = api.results[0].p99
console.log(`list p99 target ≤ ${LIST_P99_TARGET_MS} ms: ${listP99 <= LIST_P99_TARGET_MS ? 'met' : 'MISSED'}`)
