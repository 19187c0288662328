import { expectNoAxeViolations } from './axe'
import { nameField, reasonField } from './editor'
import { expect, test } from './fixtures'
import { editThroughApi, type Fetched } from './history'
import { signInAs } from './session'

test('the history diff names each changed field by its title, in words, by section', async ({ page, freshDataset, baseURL }) => {
  await editThroughApi(baseURL!, freshDataset)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=history`)
  const compare = page.getByRole('region', { name: 'What changed' })
  await expect(compare).toContainText('From entry 0 to entry 1:')
  await expect(compare).toContainText('3 fields changed.')
  const information = compare.getByRole('region', { name: 'Dataset information: 3 changes' })
  await expect(information.getByRole('listitem').filter({ hasText: 'Keywords' })).toHaveText(/Keywords: added “coral”; removed “keyword2”/)
  await expect(information.getByRole('listitem').filter({ hasText: 'Description' })).toContainText('[added: over the southern reefs, with revised forcing]')
  await expect(compare).toContainText('Approvals: no changes')
  await expectNoAxeViolations(page)
  // The older entry against the current metadata shows the same change.
  await page.getByRole('link', { name: /^Entry 0/ }).click()
  // From the keyboard, as the app bar can cover the field in a scrolled page.
  await page.getByRole('combobox', { name: 'Compare with' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: 'The current metadata' }).click()
  await expect(page).toHaveURL(/against=current/)
  await expect(compare).toContainText('From entry 0 to the current metadata:')
  await expect(compare).toContainText('3 fields changed.')
})

test('"Use this value" takes an older value into the editor, unsaved until saved with a reason', async ({ page, freshDataset, baseURL }) => {
  const { api, path, before } = await editThroughApi(baseURL!, freshDataset)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=history`)
  await page.getByRole('button', { name: 'Use the entry 0 value of Dataset name' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Dataset name is back to its value at entry 0' })).toBeVisible()
  await expect(nameField(page)).toHaveValue(before.dataset_info.name)
  expect((await api.call<Fetched>('GET', path)).item.history).toHaveLength(2)
  await reasonField(page).fill('The old name was right')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  const { item } = await api.call<Fetched>('GET', path)
  expect(item.collection_format.dataset_info.name).toBe(before.dataset_info.name)
  expect(item.collection_format.dataset_info.keywords).toEqual(['keyword1', 'coral'])
})

test('a reader sees the history and its diff, with nothing to take back', async ({ page, freshDataset, baseURL }) => {
  await editThroughApi(baseURL!, freshDataset)
  await signInAs(page, 'reader', `/datasets/${freshDataset.id}?tab=history`)
  await expect(page.getByRole('region', { name: 'What changed' })).toContainText('3 fields changed.')
  await expect(page.getByRole('button', { name: /^Use the / })).toHaveCount(0)
})

