import type { Page } from '@playwright/test'
import { apiAs, examplePayload, expect, test, type FreshDataset } from './fixtures'
import { draftKept, nameField, reasonField } from './editor'
import { fillLoginForm, signInAs } from './session'
import { closeAndReopen, countRequests, failOnce, hang, MESSAGE_WITHIN_MS, refuseRenewal, resetOnce, tokenExpiresIn } from './faults'

/**
 * Saving metadata under each fault (injected on purpose with page.route or the browser's own offline mode):
 * what was typed survives, a clear message comes within 2 s, and the server holds exactly the writes expected,
 * counted through the API as history entries with this test's reason.
 */
const UPDATE = '**/register/update-metadata**'
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' })
const saved = (page: Page) => page.getByText('Saved. The history shows the new entry with your reason.')

interface Typed {
  name: string
  reason: string
}

async function startEditing(page: Page, dataset: FreshDataset): Promise<Typed> {
  await signInAs(page, dataset.owner, `/datasets/${dataset.id}/edit`)
  const typed = { name: `${dataset.name} (edited)`, reason: `Fault check ${dataset.id}` }
  await nameField(page).fill(typed.name)
  await reasonField(page).fill(typed.reason)
  await draftKept(page)
  return typed
}

async function expectTypedStill(page: Page, typed: Typed) {
  await expect(nameField(page)).toHaveValue(typed.name)
  await expect(reasonField(page)).toHaveValue(typed.reason)
}

/** The draft offer after a reload or a new tab: restoring it brings back everything typed. */
async function restoreDraft(page: Page, typed: Typed) {
  await page.getByRole('button', { name: 'Restore' }).click({ timeout: MESSAGE_WITHIN_MS + 10_000 })
  await expectTypedStill(page, typed)
}

async function writesWithReason(baseURL: string, dataset: FreshDataset, reason: string): Promise<number> {
  const api = await apiAs(baseURL, dataset.owner)
  const { item } = await api.call<{ item: { history: { reason: string }[] } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(dataset.id)}`)
  return item.history.filter((entry) => entry.reason === reason).length
}

const alert = (page: Page, title: string) => page.getByRole('alert').filter({ hasText: title })

/** Faults the save meets once: each is said within 2 s by the alert named, with nothing written and everything kept. */
const REFUSALS: { name: string; inject: (page: Page) => Promise<void>; title: string; says?: string }[] = [
  {
    name: 'API 500: said at once, nothing written, everything kept',
    inject: (page) => failOnce(page, UPDATE, 500, 'Internal Server Error'),
    title: 'The save failed',
    says: 'nothing you typed is lost',
  },
  { name: 'dropped connection: said at once, nothing written, everything kept', inject: (page) => resetOnce(page, UPDATE), title: 'The data store could not be reached' },
  {
    name: "403: the data store's reason is said, nothing written, everything kept",
    inject: (page) => failOnce(page, UPDATE, 403, 'This dataset is locked - you cannot modify a locked dataset.'),
    title: 'The data store refused the save',
    says: 'This dataset is locked',
  },
]

for (const { name, inject, title, says } of REFUSALS) {
  test(name, async ({ page, freshDataset, baseURL }) => {
    const typed = await startEditing(page, freshDataset)
    await inject(page)
    await saveButton(page).click()
    const message = alert(page, title)
    if (says) await expect(message).toContainText(says, { timeout: MESSAGE_WITHIN_MS })
    else await expect(message).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
    await expectTypedStill(page, typed)
    expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
  })
}

test('no answer: "still saving" within 2 s, nothing written, everything kept', async ({ page, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  await hang(page, UPDATE)
  await saveButton(page).click()
  await expect(page.getByRole('status').filter({ hasText: 'Still saving' })).toContainText('gives up after 30 seconds', { timeout: MESSAGE_WITHIN_MS })
  await expectTypedStill(page, typed)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
})

test('offline: said at once, nothing written, and saving works once back online', async ({ page, context, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  await context.setOffline(true)
  await saveButton(page).click()
  await expect(alert(page, 'The data store could not be reached')).toContainText('Check your connection', { timeout: MESSAGE_WITHIN_MS })
  await expectTypedStill(page, typed)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
  await context.setOffline(false)
  await saveButton(page).click()
  await expect(saved(page)).toBeVisible()
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(1)
})

test('401 near expiry: renewed and replayed, saved once', async ({ page, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  // The token has 30 s left by the browser's clock; the data store (its clock ahead) already refuses it.
  await tokenExpiresIn(page, 30)
  await failOnce(page, UPDATE, 401, 'Could not validate credentials')
  const updates = countRequests(page, '/register/update-metadata')
  await saveButton(page).click()
  await expect(saved(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS + 3_000 })
  expect(updates()).toBe(2)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(1)
})

test('expired and not renewable: back to sign-in, then the draft is offered whole', async ({ page, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  await tokenExpiresIn(page, -5)
  await refuseRenewal(page)
  await saveButton(page).click()
  await expect(page.getByText('Your session ended. Sign in again to continue where you left off.')).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
  await page.unroute('**/protocol/openid-connect/token')
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  // The provider's own session may still be alive (then no form), as Keycloak's would.
  const password = page.getByLabel('Password')
  await expect(password.or(page.getByRole('button', { name: 'Restore' }))).toBeVisible()
  if (await password.isVisible()) await fillLoginForm(page, freshDataset.owner)
  await expect(page).toHaveURL(new RegExp(`/datasets/${freshDataset.id}/edit$`))
  await restoreDraft(page, typed)
})

test('a save from another tab first: the merge is offered, only theirs is written', async ({ page, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  const api = await apiAs(baseURL!, freshDataset.owner)
  const organisations = await api.call<{ items: { id: string }[] }>('POST', '/registry/registry/agent/organisation/list', { page_size: 1 })
  const theirs = examplePayload(`${freshDataset.name} (theirs)`, organisations.items[0].id)
  await api.call('POST', `/data-store/register/update-metadata?handle_id=${encodeURIComponent(freshDataset.id)}&reason=${encodeURIComponent('The other tab')}`, theirs)
  await saveButton(page).click()
  await expect(page.getByRole('heading', { name: /saved this dataset at .*, while you were editing/ })).toBeVisible({ timeout: MESSAGE_WITHIN_MS })
  expect(await writesWithReason(baseURL!, freshDataset, 'The other tab')).toBe(1)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
  await expect(reasonField(page)).toHaveValue(typed.reason)
})

test('double submit: saved exactly once', async ({ page, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  const updates = countRequests(page, '/register/update-metadata')
  await saveButton(page).dblclick()
  await expect(saved(page)).toBeVisible({ timeout: MESSAGE_WITHIN_MS + 3_000 })
  expect(updates()).toBe(1)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(1)
})

test('the tab closed and opened again: the draft is offered whole, nothing written', async ({ page, context, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  const reopened = await closeAndReopen(page, context)
  await restoreDraft(reopened, typed)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
  await saveButton(reopened).click()
  await expect(saved(reopened)).toBeVisible()
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(1)
})

test('a reload: the draft is offered whole, nothing written', async ({ page, freshDataset, baseURL }) => {
  const typed = await startEditing(page, freshDataset)
  await page.reload()
  await restoreDraft(page, typed)
  expect(await writesWithReason(baseURL!, freshDataset, typed.reason)).toBe(0)
})
