import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { apiAs, expect, test } from './fixtures'
import { editThroughApi } from './history'
import { signInAs } from './session'

/** Opens the new-version dialog and types a reason; the dialog is returned for its buttons. */
async function askForVersion(page: Page, reason: string) {
  await page.getByRole('button', { name: 'Create new version' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create version 2 of this dataset?' })
  await dialog.getByRole('textbox', { name: 'Reason for the new version' }).fill(reason)
  return dialog
}

test('create a version with a reason: land on it, see both in the chain, the old one links forward', async ({ page, freshDataset }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}`)
  const dialog = await askForVersion(page, 'Annual refresh')
  await expect(dialog).toContainText('Its storage is new and empty')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Create version' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'Version 2 created' })
  await expect(notice).toContainText('The versioning job is')
  await expect(notice.getByRole('link', { name: `the previous version (${freshDataset.id})` })).toBeVisible()
  await page.getByRole('tab', { name: 'Versions' }).click()
  const chain = page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem')
  await expect(chain).toHaveCount(2)
  await expect(chain.first()).toContainText('This version')
  await expect(chain.first()).toContainText('Reason: Annual refresh')
  await expect(chain.first()).toContainText('by Sam Steward (steward)')
  await chain.last().getByRole('link', { name: freshDataset.id }).click()
  await expect(page.getByText('Version 1 of 2 — the latest is version 2')).toBeVisible()
  const again = page.getByRole('button', { name: 'Create new version' })
  await expect(again).toBeDisabled()
  await expect(again).toHaveAccessibleDescription(/This is not the latest version/)
})

test('one intent, one version: a double click sends one request, a second tab is refused', async ({ page, context, freshDataset }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}`)
  const other = await context.newPage()
  await other.goto(`/datasets/${freshDataset.id}`)
  await expect(other.getByRole('button', { name: 'Create new version' })).toBeEnabled()
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/register/version')) sent.push(request.method())
  })
  const dialog = await askForVersion(page, 'From the first tab')
  await dialog.getByRole('button', { name: 'Create version' }).dblclick()
  await expect(page.getByRole('status').filter({ hasText: 'Version 2 created' })).toBeVisible()
  expect(sent).toEqual(['POST'])

  // The second tab still shows version 1 as the latest: the data store refuses, and the page then says why.
  const late = await askForVersion(other, 'From the second tab')
  await late.getByRole('button', { name: 'Create version' }).click()
  await expect(other.getByRole('alert').filter({ hasText: 'The new version was not created' })).toContainText('newer version')
  await expect(other.getByRole('button', { name: 'Create new version' })).toHaveAccessibleDescription(/This is not the latest version/)
  await expect(other.getByRole('link', { name: 'Open the next version' }).first()).toBeVisible()
})

test('without the admin role or write access the button says why it is disabled', async ({ page, freshDataset, baseURL }) => {
  const owner = await apiAs(baseURL!, freshDataset.owner)
  const query = `?id=${encodeURIComponent(freshDataset.id)}`
  await owner.call('PUT', `/registry/registry/entity/dataset/auth/configuration${query}`, { owner: freshDataset.owner, general: ['metadata-read', 'metadata-write'], groups: {} })
  await signInAs(page, 'reviewer', `/datasets/${freshDataset.id}`)
  await expect(page.getByRole('link', { name: 'Edit metadata' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create new version' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Create new version' })).toHaveAccessibleDescription(/needs the admin role on the dataset/)
})

test('a reader cannot version: the read-only account is the reason given', async ({ page, freshDataset }) => {
  await signInAs(page, 'reader', `/datasets/${freshDataset.id}`)
  await expect(page.getByRole('button', { name: 'Create new version' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Create new version' })).toHaveAccessibleDescription(/read-only access/)
})

test('compare two versions: the diff of their current metadata', async ({ page, freshDataset, baseURL }) => {
  const { api } = await editThroughApi(baseURL!, freshDataset)
  const { new_version_id } = await api.call<{ new_version_id: string }>('POST', '/data-store/register/version', { id: freshDataset.id, reason: 'Next season' })
  // Version 2 starts as a copy; renaming it gives the comparison something to show.
  const fetched = await api.call<{ item: { collection_format: { dataset_info: { name: string } } } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(new_version_id)}`)
  const cf = fetched.item.collection_format
  cf.dataset_info.name = 'Coral model, 2027 season'
  await api.call('POST', `/data-store/register/update-metadata?handle_id=${encodeURIComponent(new_version_id)}&reason=Season`, cf)
  await signInAs(page, freshDataset.owner, `/datasets/${new_version_id}?tab=versions`)
  const compare = page.getByRole('region', { name: 'Compare versions' })
  await expect(compare).toContainText('From version 1 to version 2:')
  await expect(compare).toContainText('One field changed.')
  await expect(compare).toContainText('Coral model, 2027 season')
  await expectNoAxeViolations(page)
})
