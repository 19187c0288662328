import { expectNoAxeViolations } from './axe'
import { apiAs, expect, personIdOf, test } from './fixtures'
import { signInAs } from './session'

// Each test adds its own person (people without accounts): others rely on the demo reviewer alone being asked.

test('an admin adds a reviewer found by name, and removing them lists their open requests first', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, 'admin', '/reviewers')
  await expect(page.getByRole('row', { name: /Riley Reviewer/ })).toBeVisible()
  const person = page.getByRole('combobox', { name: 'Person (required)' })
  await person.fill('Okafor')
  await page.getByRole('option', { name: /Hannah Okafor/ }).click()
  await page.getByRole('button', { name: 'Add reviewer' }).click()
  await expect(page.getByText('Hannah Okafor is now a reviewer')).toBeVisible()
  await expect(page.getByRole('row', { name: /Hannah Okafor/ })).toBeVisible()

  // The steward asks Hannah to review; the counts and the confirmation then include that request.
  const steward = await apiAs(baseURL!, 'steward')
  const riley = await personIdOf(steward, 'reviewer')
  const others = (await steward.call<string[]>('GET', '/data-store/release/sys-reviewers/list')).filter((id) => id !== riley)
  const people = await Promise.all(others.map(async (id) => ({ id, ...(await steward.call<{ item: { display_name: string } }>('GET', `/registry/registry/agent/person/fetch?id=${encodeURIComponent(id)}`)).item })))
  const hannahId = people.find((p) => p.display_name === 'Hannah Okafor')!.id
  await steward.call('POST', '/data-store/release/approval-request', { dataset_id: freshDataset.id, approver_id: hannahId, notes: 'For Hannah' })

  await page.reload()
  await page.getByRole('button', { name: 'Remove Hannah Okafor as a reviewer…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove Hannah Okafor as a reviewer?' })
  await expect(confirm).toContainText('Hannah Okafor has 1 open request. It stays assigned to Hannah Okafor')
  await expect(confirm.getByRole('link', { name: new RegExp(freshDataset.name) })).toBeVisible()
  await expectNoAxeViolations(page)
  await confirm.getByRole('button', { name: 'Remove reviewer' }).click()
  await expect(page.getByText('Hannah Okafor is no longer a reviewer.')).toBeVisible()
  await expect(page.getByRole('row', { name: /Hannah Okafor/ })).toHaveCount(0)
  await expectNoAxeViolations(page)
})

test('a pasted id that is not a registry Person is refused with a clear message', async ({ page, freshDataset }) => {
  await signInAs(page, 'admin', '/reviewers')
  const person = page.getByRole('combobox', { name: 'Person (required)' })
  await person.fill(freshDataset.id)
  await expect(page.getByText(`${freshDataset.id} is not a person in the registry. Check the id, or search by name.`)).toBeVisible()
  await page.getByRole('button', { name: 'Add reviewer' }).click()
  await expect(page.getByText('Choose the person to add.')).toBeVisible()
  await expect(page.getByRole('cell', { name: freshDataset.id })).toHaveCount(0)
})

test('a steward sees who the reviewers are, with their counts, and no controls', async ({ page }) => {
  await signInAs(page, 'steward', '/reviewers')
  const riley = page.getByRole('row', { name: /Riley Reviewer/ })
  await expect(riley).toContainText('reviewer@example.org')
  await expect(page.getByText(/Requests counted over the \d+ datasets you can see\./)).toBeVisible()
  await expect(page.getByText('Only a data store administrator (the sys-admin roles) can add or remove reviewers.')).toBeVisible()
  await expect(page.getByRole('button', { name: /Remove .* as a reviewer/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add reviewer' })).toHaveCount(0)
  await expectNoAxeViolations(page)
})
