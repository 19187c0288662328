import { expectNoAxeViolations } from './axe'
import { draftKept, nameField, openEditor, reasonField } from './editor'
import { apiAs, expect, test } from './fixtures'
import { signInAs } from './session'
import { refuseRenewal, tokenExpiresIn } from './faults'

interface Fetched {
  item: { history: { reason: string }[]; collection_format: { dataset_info: { name: string; description: string } } }
}

async function fetchDataset(baseURL: string, username: string, id: string) {
  const api = await apiAs(baseURL, username)
  return (await api.call<Fetched>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(id)}`)).item
}

test('a reload mid-edit offers the draft back, and Restore brings back every change', async ({ page, freshDataset }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await nameField(page).fill('Renamed before the reload')
  await reasonField(page).fill('Kept through a reload')
  await draftKept(page)
  await page.reload()
  const offer = page.getByRole('region', { name: /^Restore the changes you made at / })
  await expect(offer).toBeVisible()
  await expect(nameField(page)).toHaveValue(freshDataset.name)
  await expectNoAxeViolations(page)
  await offer.getByRole('button', { name: 'Restore' }).click()
  await expect(nameField(page)).toHaveValue('Renamed before the reload')
  await expect(reasonField(page)).toHaveValue('Kept through a reload')
  await expect(offer).toBeHidden()
})

test('an expired session mid-edit: sign back in, restore the draft and save', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await nameField(page).fill('Saved after signing in again')
  await reasonField(page).fill('Edited across a session end')
  await draftKept(page)
  // Fault injection: the access token has expired and the provider refuses to renew it.
  await tokenExpiresIn(page, -5)
  await refuseRenewal(page)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Your session ended. Sign in again to continue where you left off.')).toBeVisible()
  await page.unroute('**/protocol/openid-connect/token')
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await expect(page).toHaveURL(new RegExp(`/datasets/${freshDataset.id}/edit$`))
  await page.getByRole('region', { name: /^Restore the changes you made at / }).getByRole('button', { name: 'Restore' }).click()
  await expect(nameField(page)).toHaveValue('Saved after signing in again')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  const item = await fetchDataset(baseURL!, freshDataset.owner, freshDataset.id)
  expect(item.collection_format.dataset_info.name).toBe('Saved after signing in again')
  expect(item.history.map((entry) => entry.reason)).toContain('Edited across a session end')
})

test('when another tab saves first, the conflict is shown field by field and the merge is saved', async ({ page, context, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}/edit`)
  await nameField(page).fill('Name from the first tab')
  await reasonField(page).fill('First tab')
  const other = await context.newPage()
  await openEditor(other, freshDataset.id)
  await nameField(other).fill('Name from the second tab')
  await other.getByLabel('Description (required)').fill('Description from the second tab')
  await reasonField(other).fill('Second tab')
  await other.getByRole('button', { name: 'Save changes' }).click()
  await expect(other.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  await other.close()

  await page.getByRole('button', { name: 'Save changes' }).click()
  const conflict = page.getByRole('region', { name: /saved this dataset at .*, while you were editing/ })
  await expect(conflict).toBeVisible()
  await expect(conflict.getByRole('row', { name: /Description/ })).toContainText('Theirs is taken')
  await expectNoAxeViolations(page)
  await conflict.getByRole('radiogroup', { name: 'Which value to keep for Dataset name' }).getByLabel('Keep yours').check()
  await conflict.getByRole('button', { name: 'Combine and keep editing' }).click()
  await expect(nameField(page)).toHaveValue('Name from the first tab')
  await expect(page.getByLabel('Description (required)')).toHaveValue('Description from the second tab')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  const item = await fetchDataset(baseURL!, freshDataset.owner, freshDataset.id)
  expect(item.collection_format.dataset_info).toMatchObject({ name: 'Name from the first tab', description: 'Description from the second tab' })
  expect(item.history.map((entry) => entry.reason)).toEqual(['First tab', 'Second tab', expect.any(String)])
})

