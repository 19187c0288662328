import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  let stopped!: () => void
  const down = new Promise<void>((resolve) => (stopped = resolve))
  // The save is on its way when the stack goes down; the request then meets a closed port.
  await page.route('**/register/update-metadata**', async (route) => {
    await stopStack()
    stopped()
    await route.continue().catch(() => undefined)
  }, { times: 1 })
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
  let stopped!: () => void
  const down = new Promise<void>((resolve) => (stopped = resolve))
  await page.route('**/release/action-approval-request', async (route) => {
    await stopStack()
    stopped()
    await route.continue().catch(() => undefined)
  }, { times: 1 })
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
