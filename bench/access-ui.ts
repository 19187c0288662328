import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { randomFillSync } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../playwright.config'
import { signIn } from '../server/tests/helpers/sign-in'
import { examplePayload } from '../e2e/fixtures'
import { signInPage } from './editor-ui'

const PROBE = fileURLToPath(new URL('./access-probe.js', import.meta.url))
const AWS = '/usr/bin/aws'
const MiB = 1024 * 1024
interface Probe {
  __bench: {
    listings: number[]
    firstRows?: number
    listed?: number
    uploadStarted?: number
    whenUploaded(expected: string): Promise<number>
    longestBetween(from: number, to: number): number
  }
}
const bench = (page: Page) => page.evaluate(() => (window as never as Probe).__bench)

export interface ListingRuns {
  /** ms from the first listing page's arrival to the first rows painted. */
  firstRows: number[]
  /** ms from the last listing page's arrival to the whole count and the first screen painted. */
  firstScreen: number[]
  /** Longest task (ms) from the first listing page's arrival to the first screen, worst of all runs; 0 when none reached 50 ms. */
  longestTask: number
}

export interface UploadRun {
  bytes: number
  /** ms from the file chosen to "Uploaded 1 file". */
  browser: number
  longestTask: number
}

async function apiAs(origin: string, username: string) {
  const { access_token } = await signIn(origin, username, username)
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
}

/** A fresh dataset of the steward's, through the real API: its id and storage path. */
async function mintDataset(origin: string, name: string) {
  const call = await apiAs(origin, 'steward')
  const organisations = await call<{ items: { id: string }[] }>('POST', '/registry/registry/agent/organisation/list', { page_size: 1 })
  const minted = await call<{ handle: string }>('POST', '/data-store/register/mint-dataset', examplePayload(name, organisations.items[0].id))
  const fetched = await call<{ item: { s3: { bucket_name: string; path: string } } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(minted.handle)}`)
  return { id: minted.handle, ...fetched.item.s3, call }
}

/** The Files section of a dataset with `files` files, opened `runs` times: listing to first screen. */
export async function benchListingUi(origin: string, dataDir: string, runs: number, files: number): Promise<ListingRuns> {
  const dataset = await mintDataset(origin, 'Listing benchmark dataset')
  // Written where the stack keeps the bucket, as a sync from elsewhere would leave them; the first listing records their ETags.
  const folder = join(dataDir, 'files', dataset.path)
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < files; i++) writeFileSync(join(folder, `file-${String(i).padStart(5, '0')}.csv`), `n,value\n${i},${i * 2}\n`)
  const expected = `${(files + 1).toLocaleString('en-AU')} files`
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.addInitScript({ content: `window.__benchExpect = ${JSON.stringify(expected)}` })
    await page.addInitScript({ path: PROBE })
    await signInPage(page, origin, `/datasets/${dataset.id}?tab=access`)
    const result: ListingRuns = { firstRows: [], firstScreen: [], longestTask: 0 }
    for (let i = 0; i < runs; i++) {
      await page.goto(`${origin}/datasets/${dataset.id}?tab=access`)
      await page.waitForFunction(() => (window as never as Probe).__bench.listed !== undefined, null, { timeout: 60_000 })
      const b = await bench(page)
      result.firstRows.push(b.firstRows! - Math.min(...b.listings))
      result.firstScreen.push(b.listed! - Math.max(...b.listings))
      const [from, to] = [Math.min(...b.listings), b.listed!]
      result.longestTask = Math.max(result.longestTask, await page.evaluate(([from, to]) => (window as never as Probe).__bench.longestBetween(from, to), [from, to]))
    }
    return result
  } finally {
    await browser.close()
  }
}

/** A file of random bytes (so nothing on the way can shrink it), made for the run and removed after. */
async function randomFile(path: string, bytes: number) {
  const out = createWriteStream(path)
  const chunk = Buffer.alloc(8 * MiB)
  for (let written = 0; written < bytes; written += chunk.length) {
    randomFillSync(chunk)
    if (!out.write(chunk.subarray(0, Math.min(chunk.length, bytes - written)))) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject)
    out.end(() => resolve())
  })
}

/** Debian's awscli copying `file` into the dataset with the write credentials the data store issued; ms, or null without awscli. */
async function awsCopy(origin: string, dataset: Awaited<ReturnType<typeof mintDataset>>, file: string): Promise<number | null> {
  if (!existsSync(AWS)) return null
  const { credentials } = await dataset.call<{ credentials: { aws_access_key_id: string; aws_secret_access_key: string; aws_session_token: string } }>(
    'POST',
    '/data-store/registry/credentials/generate-write-access-credentials',
    { dataset_id: dataset.id, console_session_required: false },
  )
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: credentials.aws_access_key_id,
    AWS_SECRET_ACCESS_KEY: credentials.aws_secret_access_key,
    AWS_SESSION_TOKEN: credentials.aws_session_token,
    AWS_DEFAULT_REGION: 'ap-southeast-2',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  }
  const started = performance.now()
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(AWS, ['s3', 'cp', file, `s3://${dataset.bucket_name}/${dataset.path}awscli.bin`, '--endpoint-url', `${origin}/s3`, '--only-show-errors'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`aws s3 cp exited with ${code}`)
  return performance.now() - started
}

async function browserUpload(page: Page, origin: string, datasetId: string, file: string, bytes: number): Promise<UploadRun> {
  await page.goto(`${origin}/datasets/${datasetId}?tab=access`)
  await page.getByRole('region', { name: 'Files' }).getByText(/ files?, /).first().waitFor()
  const done = page.evaluate(() => (window as never as Probe).__bench.whenUploaded('Uploaded 1 file'))
  await page.getByLabel('Choose files to upload').setInputFiles(file)
  const ended = await done
  const started = (await bench(page)).uploadStarted!
  const longestTask = await page.evaluate(([from, to]) => (window as never as Probe).__bench.longestBetween(from, to), [started, ended])
  return { bytes, browser: ended - started, longestTask }
}

/**
 * One file of `mainBytes` uploaded by the console and by awscli to the same endpoint (throughput as a ratio),
 * then one of `largeBytes` by the console for its longest task. The files are made here and deleted after.
 */
export async function benchUploadUi(origin: string, mainBytes: number, largeBytes: number) {
  const work = join(tmpdir(), `datastore-bench-upload-${process.pid}`)
  mkdirSync(work, { recursive: true })
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const main = join(work, 'main.bin')
    await randomFile(main, mainBytes)
    const dataset = await mintDataset(origin, 'Upload benchmark dataset')
    const aws = await awsCopy(origin, dataset, main)
    const page = await browser.newPage()
    await page.addInitScript({ path: PROBE })
    await signInPage(page, origin, `/datasets/${dataset.id}?tab=access`)
    const console512 = await browserUpload(page, origin, dataset.id, main, mainBytes)
    rmSync(main)
    const large = join(work, 'large.bin')
    await randomFile(large, largeBytes)
    const other = await mintDataset(origin, 'Large upload benchmark dataset')
    const consoleLarge = await browserUpload(page, origin, other.id, large, largeBytes)
    return { aws, main: console512, large: consoleLarge }
  } finally {
    await browser.close()
    rmSync(work, { recursive: true, force: true })
  }
}
