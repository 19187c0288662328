import { expectNoAxeViolations } from './axe'
import { nameField } from './editor'
import { apiAs, examplePayload, expect, test } from './fixtures'
import { signInAs } from './session'
import type { Page } from '@playwright/test'

const ORGANISATION = 'Reef Restoration and Adaptation Program'

interface Fetched {
  item: {
    owner_username: string
    collection_format: {
      associations: { organisation_id: string; data_custodian_id?: string }
      approvals: Record<string, { relevant: boolean; obtained?: boolean }>
      dataset_info: { name: string; description: string; publisher_id: string; license: string }
    }
  }
}

async function pick(page: Page, label: string, text: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).fill(text)
  await page.getByRole('option', { name: option }).click()
}

async function registeredDataset(page: Page, baseURL: string) {
  await expect(page.getByRole('status').filter({ hasText: 'Dataset registered' })).toBeVisible()
  const id = decodeURIComponent(new URL(page.url()).pathname.replace(/^\/datasets\//, ''))
  const api = await apiAs(baseURL, 'steward')
  return { id, ...(await api.call<Fetched>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(id)}`)) }
}

test('a steward registers a dataset from scratch with the pickers and lands on its page', async ({ page, baseURL }, testInfo) => {
  const name = `Registered from scratch ${testInfo.workerIndex}-${Date.now()}`
  const api = await apiAs(baseURL!, 'steward')
  const people = await api.call<{ items: { id: string; display_name: string }[] }>('POST', '/registry/registry/agent/person/list', { page_size: 1 })
  const custodian = people.items[0]
  await signInAs(page, 'steward', '/datasets/new')
  await expect(page.getByRole('button', { name: 'Register dataset' })).toBeVisible()
  await pick(page, 'Record Creator Organisation (required)', 'Reef Restoration', new RegExp(ORGANISATION))
  await pick(page, 'Publisher (required)', 'Reef Restoration', new RegExp(ORGANISATION))
  // A custodian's registry id pasted in is looked up and shown by name.
  await pick(page, 'Dataset Custodian', custodian.id, custodian.display_name)
  await expect(page.getByRole('combobox', { name: 'Dataset Custodian' })).toHaveAccessibleDescription(new RegExp(`Selected: ${custodian.display_name} \\(${custodian.id}\\)`))
  await nameField(page).fill(name)
  await page.getByLabel('Description (required)').fill('Coral cover transects, 2024 survey.')
  await page.getByLabel('Usage license (required)').click()
  await page.getByRole('option', { name: 'Creative Commons Attribution 4.0 (CC BY 4.0)' }).click()
  await page.getByLabel('Add to keywords').fill('coral')
  await page.getByLabel('Add to keywords').press('Enter')
  await expectNoAxeViolations(page)
  await page.getByRole('button', { name: 'Register dataset' }).click()

  const { id, item } = await registeredDataset(page, baseURL!)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  const notice = page.getByRole('status').filter({ hasText: 'Dataset registered' })
  await expect(notice).toContainText(id)
  await expect(notice).toContainText(/The creation job is \S+/)
  await expect(notice.getByRole('link', { name: 'Upload the data' })).toBeVisible()
  await expect(notice.getByRole('link', { name: 'Request its release' })).toBeVisible()
  expect(item.owner_username).toBe('steward')
  expect(item.collection_format.associations).toMatchObject({ data_custodian_id: custodian.id })
  expect(item.collection_format.dataset_info).toMatchObject({ name, license: 'https://creativecommons.org/licenses/by/4.0/' })
  expect(item.collection_format.associations.organisation_id).toBe(item.collection_format.dataset_info.publisher_id)
  await notice.getByRole('button', { name: 'Dismiss the registration notice' }).click()
  await expect(page).not.toHaveURL(/registered=/)
})

test('a copy starts from the source with each consent to confirm again, and registers as a new dataset', async ({ page, baseURL }, testInfo) => {
  const api = await apiAs(baseURL!, 'steward')
  const organisations = await api.call<{ items: { id: string }[] }>('POST', '/registry/registry/agent/organisation/list', { page_size: 1 })
  const source = examplePayload(`Clone source ${testInfo.workerIndex}-${Date.now()}`, organisations.items[0].id)
  source.approvals.ethics_access = { relevant: true, obtained: true }
  const minted = await api.call<{ handle: string }>('POST', '/data-store/register/mint-dataset', source)

  await signInAs(page, 'steward', `/datasets/${minted.handle}`)
  await page.getByRole('link', { name: 'Register a copy' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Register a copy of a dataset' })).toBeVisible()
  await expect(page.getByLabel('Description (required)')).toHaveValue(source.dataset_info.description)
  const obtained = page.getByRole('checkbox', { name: 'The approvals, consent or permits were obtained (Dataset Access Ethics and Privacy)' })
  await expect(obtained).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'This applies to the dataset (Dataset Access Ethics and Privacy)' })).toBeChecked()
  const copyName = `${source.dataset_info.name} (copy)`
  await nameField(page).fill(copyName)
  // Registering needs the consent confirmed for this dataset, and the form says so from the start.
  await expect(page.getByRole('region', { name: 'One field needs attention' })).toContainText('Dataset Access Ethics and Privacy')
  await expect(page.getByRole('button', { name: 'Register dataset' })).toBeDisabled()
  await obtained.check()
  await expect(page.getByRole('region', { name: /needs? attention/ })).toBeHidden()
  await page.getByRole('button', { name: 'Register dataset' }).click()

  const { id, item } = await registeredDataset(page, baseURL!)
  expect(id).not.toBe(minted.handle)
  expect(item.collection_format.dataset_info).toMatchObject({ name: copyName, description: source.dataset_info.description })
  expect(item.collection_format.approvals.ethics_access).toEqual({ relevant: true, obtained: true })
})
