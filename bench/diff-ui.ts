import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build, type Rollup } from 'vite'
import { chromiumLaunchOptions } from '../playwright.config'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))

/** The console's diff module as one classic script, built by Vite as the console is. */
async function diffScript(): Promise<string> {
  const output = (await build({
    root,
    logLevel: 'warn',
    configFile: false,
    resolve: { alias: { '@': fileURLToPath(new URL('../src', import.meta.url)) } },
    build: { write: false, lib: { entry: fileURLToPath(new URL('./diff-entry.ts', import.meta.url)), formats: ['iife'], name: 'benchDiff' } },
  })) as Rollup.RollupOutput[]
  return output[0].output[0].code
}

/** Two records of `fields` fields: Provena's example with that many extra-metadata entries, most of them changed. */
function records(fields: number) {
  const before = read('../server/data/examples/valid_ro_raw1.json')
  const after = structuredClone(before)
  before.dataset_info.user_metadata = Object.fromEntries(Array.from({ length: fields }, (_, i) => [`key_${i}`, `value ${i}`]))
  after.dataset_info.user_metadata = Object.fromEntries(Array.from({ length: fields }, (_, i) => [`key_${i + (i % 5 === 0 ? 1000 : 0)}`, `value ${i}${i % 3 ? '' : ' (changed)'}`]))
  after.dataset_info.keywords = ['coral', 'reef', 'survey']
  after.dataset_info.description = `${before.dataset_info.description} with a long addition that is compared word by word`
  return { before, after }
}

/** ms per diff of two `fields`-field records in Chromium, `runs` times after a warm-up. */
export async function benchDiff(fields: number, runs: number): Promise<number[]> {
  const [script, schema] = [await diffScript(), read('../server/data/dataset-schema.json')]
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.addScriptTag({ content: script })
    const { before, after } = records(fields)
    return await page.evaluate(
      ([schema, before, after, runs]) => {
        const { diffMetadata } = (window as never as { __diff: { diffMetadata(s: unknown, a: unknown, b: unknown): unknown } }).__diff
        for (let i = 0; i < 5; i++) diffMetadata(schema, before, after)
        const times: number[] = []
        for (let i = 0; i < runs; i++) {
          const start = performance.now()
          diffMetadata(schema, before, after)
          times.push(performance.now() - start)
        }
        return times
      },
      [schema, before, after, runs] as const,
    )
  } finally {
    await browser.close()
  }
}
