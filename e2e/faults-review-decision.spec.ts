import type { Page } from '@playwright/test'
import { apiAs, expect, test, type FreshDataset } from './fixtures'
import { requestsToReviewer } from './release-review'
import { fillLoginForm, signInAs } from './session'
import { closeAndReopen, countRequests, failOnce, hang, MESSAGE_WITHIN_MS, refuseRenewal, resetOnce, tokenExpiresIn } from './faults'

/**
 * Deciding a release request under each fault (injected on purpose): the reviewer's notes survive, a clear
 * message comes within 2 s, and the server holds exactly the decisions expected, counted through the API.
 */
const ACTION = '**/release/action-approval-request'
const approveButton = (page: Page) => page.getByRole('button', { name: 'Approve…' })
const dialog = (page: Page) => page.getByRole('dialog', { name: /^Approve the release of/ })
const notesField = (page: Page) => dialog(page).getByRole('textbox')
const confirmButton = (page: Page) => dialog(page).getByRole('button', { name: 'Approve', exact: true })
const notRecorded = (page: Page) => page.getByText('The decision was not recorded')
const approved = (page: Page) => page.getByText('This request has been decided')

async function startDeciding(page: Page, dataset: FreshDataset, baseURL: string): Promise<string> {
  await (await requestsToReviewer(baseURL)).request(dataset.id)
  await signInAs(page, 'reviewer', `/approvals/${dataset.id}`)
  await expect(page.getByRole('heading', { level: 1, name: `Review: ${dataset.name}` })).toBeVisible()
  // Stay on this request once decided, so what it came to can be seen.
  await page.getByRole('checkbox', { name: 'Then open the next open request' }).uncheck()
  const notes = `Checked under a fault ${dataset.id}`
  await approveButton(page).click()
  await notesField(page).fill(notes)
  return notes
}

/** The notes are offered again when the reviewer opens the decision once more. */
async function expectNotesStill(page: Page, notes: string) {
  if (!(await dialog(page).isVisible())) await approveButton(page).click()
  await expect(notesField(page)).toHaveValue(notes)
}

async function decisions(baseURL: string, dataset: FreshDataset): Promise<number> {
  const api = await apiAs(baseURL, 'reviewer')
  const { item } = await api.call<{ item: { release_history: { action: string }[] } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(dataset.id)}`)
  return item.release_history.filter((entry) => entry.action !== 'REQUEST').length
}

test('API 500: said at once, not decided, the notes kept', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await failOnce(page, ACTION, 500, 'Internal Server Error')
  await confirmButton(page).click()
  await expect(notRecorded(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
  await expectNotesStill(page, notes)
})

test('no answer: "still recording" within 2 s, not decided, the notes kept', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await hang(page, ACTION)
  await confirmButton(page).click()
  await expect(page.getByRole('status').filter({ hasText: 'Still recording the decision' })).toContainText('Your notes are kept', { timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
  // The notes stay on this device while the request is out.
  const kept = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('reason-draft:')).map(([, value]) => value))
  expect(kept).toContain(notes)
})

test('offline: said at once, not decided, and deciding works once back online', async ({ page, context, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await context.setOffline(true)
  await confirmButton(page).click()
  await expect(notRecorded(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
  await context.setOffline(false)
  await expectNotesStill(page, notes)
  await confirmButton(page).click()
  await expect(approved(page)).toBeVisible()
  expect(await decisions(baseURL!, freshDataset)).toBe(1)
})

test('dropped connection: said at once, not decided, the notes kept', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await resetOnce(page, ACTION)
  await confirmButton(page).click()
  await expect(notRecorded(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
  await expectNotesStill(page, notes)
})

test('401 near expiry: renewed and replayed, decided once', async ({ page, freshDataset, baseURL }) => {
  await startDeciding(page, freshDataset, baseURL!)
  await tokenExpiresIn(page, 30)
  await failOnce(page, ACTION, 401, 'Could not validate credentials')
  const actions = countRequests(page, '/release/action-approval-request')
  await confirmButton(page).click()
  await expect(approved(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS + 3_000 })
  expect(actions()).toBe(2)
  expect(await decisions(baseURL!, freshDataset)).toBe(1)
})

test('expired and not renewable: back to sign-in, then the notes are offered again', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await tokenExpiresIn(page, -5)
  await refuseRenewal(page)
  await confirmButton(page).click()
  await expect(page.getByText('Your session ended. Sign in again to continue where you left off.')).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
  await page.unroute('**/protocol/openid-connect/token')
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  const password = page.getByLabel('Password')
  await expect(password.or(approveButton(page))).toBeVisible()
  if (await password.isVisible()) await fillLoginForm(page, 'reviewer')
  await expectNotesStill(page, notes)
})

test('403: the data store\'s reason is said, not decided, the notes kept', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await failOnce(page, ACTION, 403, 'You are not the reviewer of this request.')
  await confirmButton(page).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The decision was not recorded' })).toContainText('not the reviewer', { timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
  await expectNotesStill(page, notes)
})

test('decided in another tab first: the refusal is said, one decision held', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  const api = await apiAs(baseURL!, 'reviewer')
  await api.call('PUT', '/data-store/release/action-approval-request', { dataset_id: freshDataset.id, approve: false, notes: 'From the other tab' })
  await confirmButton(page).click()
  await expect(notRecorded(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await decisions(baseURL!, freshDataset)).toBe(1)
  // Nothing of the reviewer's is thrown away: the notes are still on this device.
  const kept = await page.evaluate(() => Object.values(localStorage))
  expect(kept).toContain(notes)
})

test('double submit: decided exactly once', async ({ page, freshDataset, baseURL }) => {
  await startDeciding(page, freshDataset, baseURL!)
  const actions = countRequests(page, '/release/action-approval-request')
  await confirmButton(page).dblclick()
  await expect(approved(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS + 3_000 })
  expect(actions()).toBe(1)
  expect(await decisions(baseURL!, freshDataset)).toBe(1)
})

test('the tab closed and opened again: the notes are offered again, not decided', async ({ page, context, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  const reopened = await closeAndReopen(page, context)
  await expectNotesStill(reopened, notes)
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
})

test('a reload: the notes are offered again, not decided', async ({ page, freshDataset, baseURL }) => {
  const notes = await startDeciding(page, freshDataset, baseURL!)
  await page.reload()
  await expectNotesStill(page, notes)
  expect(await decisions(baseURL!, freshDataset)).toBe(0)
})
