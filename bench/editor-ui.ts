import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../playwright.config'
import { signIn } from '../server/tests/helpers/sign-in'
import { examplePayload } from '../e2e/fixtures'

export interface EditorRuns {
  /** ms from clicking Edit metadata to the painted form, one figure per run. */
  open: number[]
  /** ms per keystroke in the dataset name, with full-form validation. */
  keystrokes: number[]
  /** Longest task (ms) while typing, the draft's writes included; 0 when none reached 50 ms. */
  longestTaskTyping: number
}

/** The page-side half (benc./dataset-probe.js), reached through window.__bench so nothing compiled runs in the page. */
const PROBE = fileURLToPath(new URL('./dataset-probe.js', import.meta.url))
interface Probe {
  __bench: { timeEditorOpen(rows: number): Promise<number>; timeKeystrokes(id: string, text: string): Promise<number[]>; longestSince(since: number): number }
}

/** A dataset whose user metadata has `entries` key/value pairs, minted as the steward. */
async function mintLargeDataset(origin: string, entries: number): Promise<string> {
  const { access_token } = await signIn(origin, 'steward', 'steward')
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
  const organisations = await (await fetch(`${origin}/registry/registry/agent/organisation/list`, { method: 'POST', headers, body: JSON.stringify({ page_size: 1 }) })).json()
  const payload = examplePayload('Editor benchmark dataset', organisations.items[0].id)
  payload.dataset_info.user_metadata = Object.fromEntries(Array.from({ length: entries }, (_, i) => [`key_${i}`, `value ${i} of the benchmark`]))
  const minted = await (await fetch(`${origin}/data-store/register/mint-dataset`, { method: 'POST', headers, body: JSON.stringify(payload) })).json()
  if (!minted.status?.success) throw new Error(`Minting the benchmark dataset failed: ${JSON.stringify(minted.status)}`)
  return minted.handle as string
}

export async function signInPage(page: Page, origin: string, start: string, username = 'steward') {
  await page.goto(`${origin}${start}`)
  await page.waitForURL(/\/signin\?.*silent=failed/)
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(username)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: /^Account: / }).waitFor()
}

/** Opens the editor on a dataset with `entries` extra metadata entries `runs` times, then types in it. */
export async function benchEditorUi(origin: string, runs: number, entries: number): Promise<EditorRuns> {
  const id = await mintLargeDataset(origin, entries)
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.addInitScript({ path: PROBE })
    await signInPage(page, origin, `/datasets/${id}`)
    const open: number[] = []
    for (let i = 0; i < runs; i++) {
      await page.goto(`${origin}/datasets/${id}`)
      await page.getByRole('link', { name: 'Edit metadata' }).waitFor()
      open.push(await page.evaluate((rows) => (window as never as Probe).__bench.timeEditorOpen(rows), entries))
    }
    const since = await page.evaluate(() => performance.now())
    const keystrokes = await page.evaluate(() => (window as never as Probe).__bench.timeKeystrokes('field-dataset_info-name', ' with a longer name typed'))
    // The draft is written after a pause in typing: its write counts too.
    await page.waitForTimeout(1000)
    const longestTaskTyping = await page.evaluate((since) => (window as never as Probe).__bench.longestSince(since), since)
    return { open, keystrokes, longestTaskTyping }
  } finally {
    await browser.close()
  }
}
