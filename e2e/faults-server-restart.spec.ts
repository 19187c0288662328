import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { apiAs, expect, test } from './fixtures'
import { draftKept, nameField, reasonField } from './editor'
import { requestsToReviewer } from './release-review'
import { signInAs } from './session'
import { MESSAGE_WITHIN_MS } from './faults'

/**
 * The one fault that is no injection: the stack itself stops while a save is on its way and starts again on
 * the same data. This file runs a stack of its own (on disk, so a restart keeps everything) to stop and start.
 */
const port = Number(process.env.E2E_PORT ?? 4180) + 2
const origin = `http://localhost:${port}`
test.use({ baseURL: origin })
test.describe.configure({ mode: 'serial' })

let dataDir: string
let server: ChildProcess | null = null

async function startStack() {
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: 'ignore',
  })
  const deadline = Date.now() + 90_000
  for (;;) {
    const ready = await fetch(`${origin}/config.json`).then((r) => r.ok, () => false)
    if (ready) return
    if (Date.now() > deadline) throw new Error('The restarted stack did not come up in 90 s')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

async function stopStack() {
  const running = server
  server = null
  if (!running || running.exitCode !== null) return
  await new Promise<void>((resolve) => {
    running.once('exit', () => resolve())
    running.kill('SIGTERM')
  })
}

/**
 * Stops the stack when the next matching request is on its way, then lets the request go on to the closed
 * port. `down` resolves once the stack is down.
 */
async function stopStackWhenSent(page: Page, url: string): Promise<{ down: Promise<void> }> {
  let stopped!: () => void
  const down = new Promise<void>((resolve) => (stopped = resolve))
  await page.route(url, async (route) => {
    await stopStack()
    stopped()
    await route.continue().catch(() => undefined)
  }, { times: 1 })
  // Wrapped: an async function returning the promise itself would wait for it, before the request is even sent.
  return { down }
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  dataDir = mkdtempSync(join(tmpdir(), 'e2e-restart-'))
  await startStack()
})

test.afterAll(async () => {
  await stopStack()
  rmSync(dataDir, { recursive: true, force: true })
})

test('metadata: the stack stops mid-save; said at once, kept, saved once after it is back', async ({ page, freshDataset }) => {
  test.setTimeout(120_000)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  const reason = `Across a restart ${freshDataset.id}`
  await nameField(page).fill(`${freshDataset.name} (restarted)`)
  await reasonField(page).fill(reason)
  await draftKept(page)
  const { down } = await stopStackWhenSent(page, '**/register/update-metadata**')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await down
  await expect(page.getByRole('alert').filter({ hasText: 'The data store could not be reached' })).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  await startStack()
  const api = await apiAs(origin, freshDataset.owner)
  const history = async () =>
    (await api.call<{ item: { history: { reason: string }[] } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`)).item.history.filter((h) => h.reason === reason).length
  expect(await history()).toBe(0)
  await expect(reasonField(page)).toHaveValue(reason)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  expect(await history()).toBe(1)
})

test('review: the stack stops mid-decision; said at once, notes kept, decided once after it is back', async ({ page, freshDataset }) => {
  test.setTimeout(120_000)
  await (await requestsToReviewer(origin)).request(freshDataset.id)
  await signInAs(page, 'reviewer', `/approvals/${freshDataset.id}`)
  await page.getByRole('checkbox', { name: 'Then open the next open request' }).uncheck()
  const notes = `Across a restart ${freshDataset.id}`
  const dialog = page.getByRole('dialog', { name: /^Approve the release of/ })
  await page.getByRole('button', { name: 'Approve…' }).click()
  await dialog.getByRole('textbox').fill(notes)
  const { down } = await stopStackWhenSent(page, '**/release/action-approval-request')
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
  await down
  await expect(page.getByText('The decision was not recorded')).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  await startStack()
  const api = await apiAs(origin, 'reviewer')
  const decided = async () =>
    (await api.call<{ item: { release_history: { action: string }[] } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`)).item.release_history.filter((h) => h.action !== 'REQUEST').length
  expect(await decided()).toBe(0)
  await page.getByRole('button', { name: 'Approve…' }).click()
  await expect(dialog.getByRole('textbox')).toHaveValue(notes)
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(page.getByText('This request has been decided')).toBeVisible()
  expect(await decided()).toBe(1)
})
