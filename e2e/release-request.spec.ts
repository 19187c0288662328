import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { apiAs, expect, test } from './fixtures'
import { seededAs } from './seeded'
import { signInAs } from './session'

const UNCHECKED_IMPORT = 'Imported from the previous catalogue, not yet checked'

async function openPreflight(page: Page) {
  await page.getByRole('button', { name: 'Request release…' }).click()
  return page.getByRole('region', { name: 'Before you request release' })
}

async function pickReviewer(page: Page, name: RegExp) {
  // Opened from the keyboard: the app bar can sit over the field's click target.
  const field = page.getByRole('combobox', { name: 'Reviewer' })
  await field.focus()
  await field.press('Enter')
  await page.getByRole('option', { name }).click()
}

test('request release: checks first, a reviewer by name, notes, a confirmation, then awaiting review', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=release`)
  const preflight = await openPreflight(page)
  await expect(preflight).toContainText("It passes today's checks.")
  await expect(preflight).toContainText('The first release of this dataset')
  await pickReviewer(page, /Riley Reviewer/)
  await preflight.getByRole('textbox', { name: 'Notes to the reviewer' }).fill('Metadata checked; files complete.')
  await expectNoAxeViolations(page)
  await preflight.getByRole('button', { name: 'Send the request…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Ask Riley Reviewer to review this dataset?' })
  await expect(confirm).toContainText('cannot be un-released')
  await confirm.getByRole('button', { name: 'Send the request' }).click()
  await expect(page.getByText(/Awaiting review by Riley Reviewer/).first()).toBeVisible()
  const api = await apiAs(baseURL!, freshDataset.owner)
  const { item } = await api.call<{ item: { release_status: string; release_history: { notes: string }[] } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`)
  expect(item.release_status).toBe('PENDING')
  expect(item.release_history.at(-1)?.notes).toBe('Metadata checked; files complete.')
})

test('the notes survive a failed send and a reload (fault injected)', async ({ page, freshDataset }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=release`)
  let preflight = await openPreflight(page)
  await pickReviewer(page, /Riley Reviewer/)
  await preflight.getByRole('textbox', { name: 'Notes to the reviewer' }).fill('Please check the units')
  await page.route('**/data-store/release/approval-request', (route) => route.fulfill({ status: 500, json: { detail: 'Injected mail failure' } }), { times: 1 })
  await preflight.getByRole('button', { name: 'Send the request…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Send the request' }).click()
  await expect(preflight.getByRole('alert').filter({ hasText: 'The request was not sent' })).toContainText('Injected mail failure')
  await page.reload()
  preflight = await openPreflight(page)
  await expect(preflight.getByRole('textbox', { name: 'Notes to the reviewer' })).toHaveValue('Please check the units')
})

test('the pre-flight stops metadata that fails today, linking to the failing field', async ({ page, baseURL }) => {
  const seeded = await seededAs(baseURL!, 'steward')
  const unchecked = (await seeded.listAll()).find((d) => d.owner_username === 'steward' && d.history.some((e) => e.reason === UNCHECKED_IMPORT))!
  await signInAs(page, 'steward', `/datasets/${unchecked.id}?tab=release`)
  const preflight = await openPreflight(page)
  await expect(preflight).toContainText("The metadata does not pass today's checks")
  await expect(preflight.getByRole('button', { name: 'Send the request…' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await preflight.getByRole('link', { name: /Indigenous Knowledge.*Obtained/ }).click()
  await expect(page).toHaveURL(/\/edit\?field=approvals\.indigenous_knowledge\.obtained/)
  await expect(page.getByRole('region', { name: 'One field needs attention' })).toContainText('Indigenous Knowledge')
})

test('every reason a request cannot be made is listed at once', async ({ page, freshDataset }) => {
  await signInAs(page, 'reader', `/datasets/${freshDataset.id}?tab=release`)
  const reasons = page.getByRole('alert').filter({ hasText: 'A release cannot be requested now, for 2 reasons' })
  await expect(reasons.getByRole('listitem')).toHaveCount(2)
  await expect(reasons).toContainText('read-only access')
  await expect(reasons).toContainText('needs the admin role')
  await expect(page.getByRole('button', { name: 'Request release…' })).toHaveCount(0)
})
