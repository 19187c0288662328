import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../playwright.config'
import { signIn } from '../server/tests/helpers/sign-in'
import { examplePayload } from '../e2e/fixtures'
import { signInPage } from './editor-ui'

const PROBE = fileURLToPath(new URL('./dataset-probe.js', import.meta.url))
interface Probe {
  __bench: { timeHistoryTab(): Promise<number> }
}

/** A dataset with `entries` history entries (a registration and its edits), made through the API as the steward. */
async function datasetWithHistory(origin: string, entries: number): Promise<string> {
  const { access_token } = await signIn(origin, 'steward', 'steward')
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${origin}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
    return response.json()
  }
  const organisations = await post('/registry/registry/agent/organisation/list', { page_size: 1 })
  const payload = examplePayload('History benchmark dataset', organisations.items[0].id)
  const minted = await post('/data-store/register/mint-dataset', payload)
  for (let n = 1; n < entries; n++) {
    payload.dataset_info.description = `Results of counterfactual model run, revision ${n}`
    payload.dataset_info.keywords = ['keyword1', `revision-${n}`]
    await post(`/data-store/register/update-metadata?handle_id=${encodeURIComponent(minted.handle)}&reason=${encodeURIComponent(`Revision ${n}`)}`, payload)
  }
  return minted.handle as string
}

/** ms from clicking the History tab of a dataset with `entries` entries (already loaded) to its diff painted. */
export async function benchHistoryUi(origin: string, runs: number, entries: number): Promise<number[]> {
  const id = await datasetWithHistory(origin, entries)
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.addInitScript({ path: PROBE })
    await signInPage(page, origin, `/datasets/${id}`)
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      await page.goto(`${origin}/datasets/${id}`)
      await page.getByRole('tab', { name: 'History' }).waitFor()
      times.push(await page.evaluate(() => (window as never as Probe).__bench.timeHistoryTab()))
    }
    return times
  } finally {
    await browser.close()
  }
}
