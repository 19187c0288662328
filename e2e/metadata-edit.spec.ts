import { expectNoAxeViolations } from './axe'
import { draftKept, nameField, reasonField } from './editor'
import { apiAs, expect, test } from './fixtures'
import { signInAs } from './session'

interface Fetched {
  item: { history: { reason: string; username: string }[]; collection_format: { dataset_info: { name: string } } }
}

test('a steward edits a field and saves with a reason; the history shows the new entry', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}`)
  await page.getByRole('link', { name: 'Edit metadata' }).click()
  await nameField(page).fill(`${freshDataset.name} (corrected)`)
  const save = page.getByRole('button', { name: 'Save changes' })
  await expect(save).toBeDisabled()
  await expect(page.getByText('Give a reason for the change to save it.')).toBeVisible()
  await reasonField(page).fill('Corrected the dataset name')
  await save.click()
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  await expect(page).toHaveURL(/[?&]tab=history/)
  await expect(page.getByRole('tabpanel').getByText('Corrected the dataset name').first()).toBeVisible()
  // Exactly one write, as the server holds it.
  const api = await apiAs(baseURL!, freshDataset.owner)
  const { item } = await api.call<Fetched>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`)
  expect(item.collection_format.dataset_info.name).toBe(`${freshDataset.name} (corrected)`)
  expect(item.history.filter((entry) => entry.reason === 'Corrected the dataset name')).toHaveLength(1)
})

test('a publication date before the creation date is refused at the field and in the summary', async ({ page, freshDataset }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible()
  const published = page.getByLabel('Dataset Publication Date (required when it applies)')
  await page.getByLabel('Dataset Creation Date (required when it applies)').fill('2022-03-10')
  await published.fill('2021-01-01')
  await reasonField(page).fill('Dates')
  const message = 'The published date cannot be before the created date.'
  await expect(published).toHaveAccessibleDescription(new RegExp(message))
  const summary = page.getByRole('region', { name: 'One field needs attention' })
  await expect(summary).toContainText(message)
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled()
  await summary.getByRole('link', { name: /Dataset Publication Date/ }).click()
  await expect(published).toBeFocused()
  await expectNoAxeViolations(page)
})

test('a value only the data store refuses is shown at its field, and nothing is saved', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  // Well-formed enough for the form; the data store parses the geometry and refuses it.
  const coverage = page.getByLabel('Spatial Coverage')
  await coverage.fill('SRID=4326;POLYGON((145 -16, 146 -16, 146 -17, 145 -16))')
  await expect(coverage).toHaveAccessibleDescription(/POLYGON in EPSG:4326, 4 points/)
  await coverage.fill('SRID=4326;POINT(east south)')
  await reasonField(page).fill('Spatial coverage')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The data store did not accept this metadata' })).toBeVisible()
  await expect(coverage).toHaveAccessibleDescription(/Invalid EWKT format/)
  await expect(coverage).toHaveValue('SRID=4326;POINT(east south)')
  const api = await apiAs(baseURL!, freshDataset.owner)
  const { item } = await api.call<Fetched>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`)
  expect(item.history).toHaveLength(1)
})

test('leaving with unsaved changes asks first, and staying keeps them', async ({ page, freshDataset }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await nameField(page).fill('Half-done rename')
  await draftKept(page)
  await page.getByRole('navigation').getByRole('link', { name: 'Datasets' }).click()
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Stay' }).click()
  await expect(nameField(page)).toHaveValue('Half-done rename')
  // The browser's own prompt guards a tab close or a reload.
  const prompt = page.waitForEvent('dialog')
  const closed = page.waitForEvent('close')
  await page.close({ runBeforeUnload: true })
  const shown = await prompt
  expect(shown.type()).toBe('beforeunload')
  await shown.accept()
  await closed
})

test('a reader and a steward without a role on the dataset are told why they cannot edit', async ({ page, freshDataset }) => {
  const edit = page.getByRole('button', { name: 'Edit metadata' })
  await signInAs(page, 'reader', `/datasets/${freshDataset.id}`)
  await expect(edit).toBeDisabled()
  await expect(edit).toHaveAccessibleDescription(/read-only access to the data store; editing needs write access/)
  // A reader has no write access to the data store at all: the route says which role is missing.
  await page.goto(`/datasets/${freshDataset.id}/edit`)
  await expect(page.getByRole('heading', { level: 1, name: 'More access needed' })).toBeVisible()
  await expect(page.getByText('write access to the data store (entity-registry-write)')).toBeVisible()
})

test('a steward without a role on the dataset is told why it cannot be edited', async ({ page, freshDataset }) => {
  await signInAs(page, 'reviewer', `/datasets/${freshDataset.id}`)
  await expect(page.getByRole('button', { name: 'Edit metadata' })).toHaveAccessibleDescription(/You cannot edit this dataset/)
  await page.goto(`/datasets/${freshDataset.id}/edit`)
  await expect(page.getByText('Editing needs the metadata-write or admin role on the dataset')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0)
})

test('a locked dataset cannot be edited, and says so', async ({ page, freshDataset, baseURL }) => {
  const api = await apiAs(baseURL!, freshDataset.owner)
  await api.call('PUT', '/registry/registry/entity/dataset/locks/lock', { id: freshDataset.id, reason: 'Under audit' })
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}`)
  await expect(page.getByRole('button', { name: 'Edit metadata' })).toHaveAccessibleDescription(/This dataset is locked/)
  await page.goto(`/datasets/${freshDataset.id}/edit`)
  await expect(page.getByText('A locked dataset cannot be changed until a dataset admin unlocks it.')).toBeVisible()
})

test('the editor with problems is accessible in the dark theme', async ({ page, freshDataset }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await expect(page.locator('.v-application.v-theme--dark')).toBeVisible()
  await nameField(page).fill('')
  await page.getByLabel('Temporal Resolution').fill('daily')
  await expect(page.getByRole('region', { name: '2 fields need attention' })).toBeVisible()
  await expect(nameField(page)).toHaveAccessibleDescription(/This field is required/)
  await expectNoAxeViolations(page)
})

test('a failed save keeps everything typed and says so; a double click then saves once', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await nameField(page).fill('Renamed through a failure')
  await reasonField(page).fill('Survives a failed save')
  // Fault injection: the data store fails the first update.
  await page.route('**/register/update-metadata**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"detail":"Internal Server Error"}' }), { times: 1 })
  const save = page.getByRole('button', { name: 'Save changes' })
  await save.click()
  await expect(page.getByRole('alert').filter({ hasText: 'The save failed' })).toContainText('nothing you typed is lost')
  await expect(nameField(page)).toHaveValue('Renamed through a failure')
  await expect(reasonField(page)).toHaveValue('Survives a failed save')

  let updates = 0
  page.on('request', (request) => request.url().includes('/register/update-metadata') && updates++)
  await save.dblclick()
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  expect(updates).toBe(1)
  const api = await apiAs(baseURL!, freshDataset.owner)
  const { item } = await api.call<Fetched>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`)
  expect(item.history.filter((entry) => entry.reason === 'Survives a failed save')).toHaveLength(1)
})
