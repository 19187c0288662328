import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { chromiumLaunchOptions } from '../playwright.config'
import { signIn } from '../server/tests/helpers/sign-in'
import { signInPage } from './editor-ui'

const PROBE = fileURLToPath(new URL('./queue-probe.js', import.meta.url))
interface Probe {
  __bench: { firstRows?: number; timeNextReview(name: string): Promise<number>; longestSince(since: number): number }
}

export interface QueueRuns {
  open: number
  firstPage: number[]
  nextRequest: number[]
  /** Longest task (ms) from navigation until every open request is loaded, worst of all runs; 0 when none reached 50 ms. */
  longestTask: number
}

async function apiAs(origin: string, username: string) {
  const { access_token } = await signIn(origin, username, username)
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }
  return async <T>(method: string, path: string, body?: unknown): Promise<{ ok: boolean; body: T }> => {
    const response = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    return { ok: response.ok, body: (await response.json()) as T }
  }
}

/** Tops the demo reviewer's open requests up to `wanted`, through the real API as the steward. */
async function ensureOpenRequests(origin: string, wanted: number): Promise<number> {
  const steward = await apiAs(origin, 'steward')
  const reviewer = await apiAs(origin, 'reviewer')
  const [reviewerId] = (await steward<string[]>('GET', '/data-store/release/sys-reviewers/list')).body
  let open = 0
  let key: unknown = null
  do {
    const page = await reviewer<{ dataset_items: unknown[]; pagination_key: unknown }>('POST', '/registry/registry/entity/dataset/user/releases', {
      filter_by: { release_reviewer: reviewerId, release_status: 'PENDING' },
      page_size: 500,
      pagination_key: key,
    })
    open += page.body.dataset_items.length
    key = page.body.pagination_key
  } while (key)
  key = null
  while (open < wanted) {
    const page = await steward<{ items: { id: string; owner_username: string; release_status: string }[]; pagination_key: unknown }>('POST', '/data-store/registry/items/list', { page_size: 500, pagination_key: key })
    for (const item of page.body.items) {
      if (open >= wanted || item.owner_username !== 'steward' || item.release_status !== 'NOT_RELEASED') continue
      // Locked datasets are refused; they are simply skipped.
      const sent = await steward('POST', '/data-store/release/approval-request', { dataset_id: item.id, approver_id: reviewerId, notes: 'Benchmark request' })
      if (sent.ok) open++
    }
    key = page.body.pagination_key
    if (!key) break
  }
  return open
}

/** The reviewer's queue with `open` open requests: navigation to its first page, and decide-and-open-next. */
export async function benchQueueUi(origin: string, runs: number, open: number): Promise<QueueRuns> {
  // Each decision run approves one request, so the queue still holds `open` on the last run.
  const have = await ensureOpenRequests(origin, open + runs)
  const browser = await chromium.launch(chromiumLaunchOptions)
  try {
    const page = await browser.newPage()
    await page.addInitScript({ path: PROBE })
    await signInPage(page, origin, '/approvals', 'reviewer')
    const firstPage: number[] = []
    let longestTask = 0
    for (let i = 0; i < runs; i++) {
      await page.goto(`${origin}/approvals`)
      await page.waitForFunction(() => (window as never as Probe).__bench.firstRows !== undefined, null, { timeout: 30_000 })
      firstPage.push(await page.evaluate(() => (window as never as Probe).__bench.firstRows!))
      await page.getByText(/^Loading requests/).waitFor({ state: 'detached', timeout: 60_000 })
      longestTask = Math.max(longestTask, await page.evaluate(() => (window as never as Probe).__bench.longestSince(0)))
    }
    const nextRequest: number[] = []
    await page.locator('.queue-table tbody a').first().click()
    for (let i = 0; i < runs; i++) {
      await page.getByRole('button', { name: 'Approve…' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Approve', exact: true }).waitFor()
      nextRequest.push(await page.evaluate(() => (window as never as Probe).__bench.timeNextReview('Approve')))
    }
    return { open: have - runs, firstPage, nextRequest, longestTask }
  } finally {
    await browser.close()
  }
}
