import { expectNoAxeViolations } from './axe'
import { apiAs, expect, test } from './fixtures'
import { editThroughApi } from './history'
import { signInAs } from './session'

const LOCKED = /This dataset is locked/

test('a steward locks with a reason: edit, revert, version and release say so; unlocking brings them back; both are in the timeline', async ({ page, freshDataset, baseURL }) => {
  await editThroughApi(baseURL!, freshDataset)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=settings`)
  await page.getByRole('button', { name: 'Lock…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lock this dataset?' })
  await dialog.getByRole('textbox', { name: 'Reason for locking' }).fill('Audit of the survey files')
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: 'Lock' }).click()
  await expect(page.getByText('Locked. Changes to the dataset are disabled until it is unlocked.')).toBeVisible()
  const banner = page.getByRole('alert').filter({ hasText: 'This dataset is locked' })
  await expect(banner).toContainText(`by ${freshDataset.owner}`)
  await expect(banner).toContainText('“Audit of the survey files”')
  await expect(page.getByRole('button', { name: 'Edit metadata' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Edit metadata' })).toHaveAccessibleDescription(LOCKED)
  await expect(page.getByRole('button', { name: 'Create new version' })).toHaveAccessibleDescription(LOCKED)
  await expectNoAxeViolations(page)

  await page.goto(`/datasets/${freshDataset.id}?tab=history&entry=0`)
  await expect(page.getByRole('button', { name: 'Revert to entry 0…' })).toBeDisabled()
  await page.getByRole('tab', { name: 'Release' }).click()
  await expect(page.getByText('The dataset is locked; the data store refuses release requests for it until it is unlocked.')).toBeVisible()

  await page.getByRole('tab', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Unlock…' }).click()
  const unlock = page.getByRole('dialog', { name: 'Unlock this dataset?' })
  await unlock.getByRole('textbox', { name: 'Reason for unlocking' }).fill('Audit done')
  await unlock.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('Unlocked. The dataset can be changed again.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Edit metadata' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Create new version' })).toBeEnabled()

  await page.getByRole('link', { name: 'Every lock and unlock, in the timeline' }).click()
  await expect(page.getByText('Audit of the survey files')).toBeVisible()
  await expect(page.getByText('Audit done')).toBeVisible()
})

test('access narrowed asks first and names who loses what; widening again does not; a draft survives a reload', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=settings`)
  await expect(page.getByText(`Owner: ${freshDataset.owner}.`)).toBeVisible()
  const dataRead = page.getByRole('checkbox', { name: 'Data read for Everyone with a registry account', exact: true })
  await expect(dataRead).toBeChecked()
  await dataRead.uncheck()
  await expect(page.getByText('Unsaved changes, kept in this tab')).toBeVisible()
  await page.reload()
  await expect(dataRead).not.toBeChecked()
  await page.getByRole('button', { name: 'Save access settings' }).click()
  const confirm = page.getByRole('dialog', { name: 'Take access away?' })
  await expect(confirm).toContainText('Everyone with a registry account loses Data read.')
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Save and remove access' }).click()
  await expect(page.getByText('Access settings saved.')).toBeVisible()
  const reader = await apiAs(baseURL!, 'reader')
  const evaluate = `/registry/registry/entity/dataset/auth/evaluate?id=${encodeURIComponent(freshDataset.id)}`
  expect((await reader.call<{ roles: string[] }>('GET', evaluate)).roles).toEqual(['metadata-read'])

  await dataRead.check()
  await page.getByRole('button', { name: 'Save access settings' }).click()
  await expect(page.getByText('Access settings saved.').last()).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect.poll(async () => (await reader.call<{ roles: string[] }>('GET', evaluate)).roles).toEqual(['metadata-read', 'dataset-data-read'])
  await expectNoAxeViolations(page)
})

test('a reader sees the lock state and their own roles in words, with no controls', async ({ page, freshDataset }) => {
  await signInAs(page, 'reader', `/datasets/${freshDataset.id}?tab=settings`)
  await expect(page.getByText('Not locked.')).toBeVisible()
  await expect(page.getByText("Only the dataset's admins can lock or unlock it.")).toBeVisible()
  await expect(page.getByText("Only the dataset's admins can see and change who else has access.")).toBeVisible()
  await expect(page.getByRole('button', { name: /^(Lock|Unlock)…$/ })).toHaveCount(0)
  await expect(page.getByRole('checkbox')).toHaveCount(0)
  const roles = page.getByRole('region', { name: 'What you can do here' })
  await expect(roles).toContainText('See the dataset, its metadata, history and timeline.')
  await expectNoAxeViolations(page)
})

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test('the access settings stack one labelled group per row, and nothing scrolls sideways', async ({ page, freshDataset }) => {
    await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=settings`)
    const general = page.getByRole('group', { name: 'Everyone with a registry account' })
    await expect(general.getByRole('checkbox', { name: 'Metadata read for Everyone with a registry account' })).toBeChecked()
    await expect(general.getByText('Data write', { exact: true })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await expectNoAxeViolations(page)
  })
})
