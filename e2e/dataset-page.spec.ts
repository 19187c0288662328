import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { ItemDataset } from '../src/api/models/registry'
import { expectNoAxeViolations } from './axe'
import { seededAs } from './seeded'
import { signInAs } from './session'

const pathOf = (id: string, query = '') => `/datasets/${id}${query}`
/** Each tab's name, the heading its panel opens with, and its value in the URL. */
const TABS = [
  ['Overview', 'About this dataset', 'overview'],
  ['Metadata', 'Metadata', 'metadata'],
  ['History', 'History', 'history'],
  ['Timeline', 'Timeline', 'timeline'],
  ['Versions', 'Versions', 'versions'],
  ['Release', 'Release', 'release'],
  ['Data access', 'Where the data is', 'access'],
  ['Settings', 'Lock', 'settings'],
] as const
const tabs = (page: Page) => page.getByRole('tablist', { name: 'Dataset sections' })

let datasets: ItemDataset[]
let api: Awaited<ReturnType<typeof seededAs>>

test.beforeAll(async ({ baseURL }) => {
  api = await seededAs(baseURL!, 'steward')
  datasets = await api.listSeeded()
})

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'steward')
})

test('the overview shows the record, the names of its organisations and the handle, and is accessible', async ({ page }) => {
  const item = datasets.find((d) => d.owner_username === 'steward' && d.collection_format.associations.data_custodian_id && d.collection_format.dataset_info.keywords?.length)!
  const info = item.collection_format.dataset_info
  await page.goto(pathOf(item.id))
  await expect(page.getByRole('heading', { level: 1, name: item.display_name })).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(item.id) })).toHaveAttribute('href', `https://hdl.handle.net/${item.id}`)
  await expect(page.getByRole('button', { name: `Copy the handle id ${item.id}` })).toBeVisible()
  await expect(page.getByText(info.description.slice(0, 40))).toBeVisible()
  for (const word of info.keywords!) await expect(page.getByRole('listitem').filter({ hasText: word }).first()).toBeVisible()
  const organisation = await api.displayName('organisation', item.collection_format.associations.organisation_id)
  const custodian = await api.displayName('person', item.collection_format.associations.data_custodian_id!)
  await expect(page.getByText(organisation).first()).toBeVisible()
  await expect(page.getByText(custodian)).toBeVisible()
  await expect(page.getByRole('link', { name: info.license })).toHaveAttribute('rel', /noopener/)
  await expectNoAxeViolations(page)
})

// One test a tab: six axe scans in one test ran past its budget on a busy machine.
for (const [name, heading, value] of TABS.slice(1)) {
  test(`the ${name} tab opens by click, keeps the focus on the tab and is accessible`, async ({ page }) => {
    await page.goto(pathOf(datasets.find((d) => d.owner_username === 'steward')!.id))
    await tabs(page).getByRole('tab', { name }).click()
    await expect(tabs(page).getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
    // Changing tab stays on the page: focus stays on the tab rather than jumping to the heading.
    await expect(tabs(page).getByRole('tab', { name })).toBeFocused()
    await expect(tabs(page).getByRole('tab', { selected: true })).toHaveCount(1)
    await expect(page.getByRole('tabpanel', { name }).getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`tab=${value}`))
    await expectNoAxeViolations(page)
  })
}

test('each tab has a deep link that survives a reload', async ({ page }) => {
  const item = datasets[0]
  for (const [name, heading, tab] of TABS) {
    await page.goto(pathOf(item.id, `?tab=${tab}`))
    await expect(tabs(page).getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible()
  }
  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: TABS.at(-1)![1], exact: true })).toBeVisible()
})

test('the metadata tab shows the schema titles and the values', async ({ page }) => {
  const item = datasets[0]
  await page.goto(pathOf(item.id, '?tab=metadata'))
  await expect(page.getByRole('heading', { name: 'Dataset Information' })).toBeVisible()
  await expect(page.getByRole('term').filter({ hasText: 'Dataset name' }).first()).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: item.display_name }).first()).toBeVisible()
})

test('history lists every entry newest first and shows the metadata of the one selected', async ({ page }) => {
  const item = datasets.find((d) => d.history.length >= 3 && d.history[0].item.display_name !== d.history.at(-1)!.item.display_name)
    ?? datasets.find((d) => d.history.length >= 3)!
  await page.goto(pathOf(item.id, '?tab=history'))
  const entries = page.getByRole('navigation', { name: 'History entries, newest first' }).getByRole('link')
  await expect(entries).toHaveCount(item.history.length)
  const shownIds = (await entries.allTextContents()).map((text) => Number(text.match(/Entry (\d+)/)![1]))
  expect(shownIds).toEqual(item.history.map((entry) => entry.id).sort((a, b) => b - a))
  await expect(entries.first()).toContainText(item.history[0].reason)
  const oldest = item.history.at(-1)!
  await entries.last().click()
  await expect(page).toHaveURL(new RegExp(`entry=${oldest.id}`))
  await expect(entries.last()).toHaveAttribute('aria-current', 'true')
  await expect(page.getByRole('heading', { name: `Metadata at entry ${oldest.id}` })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: oldest.item.display_name }).first()).toBeVisible()
})

test('a versioned dataset shows its chain, and an older version points to the newer one', async ({ page }) => {
  const newest = datasets.find((d) => d.versioning_info?.previous_version && !d.versioning_info.next_version)!
  const previous = newest.versioning_info!.previous_version!
  const latest = newest.versioning_info!.version
  await page.goto(pathOf(previous))
  // Said on every tab of an older version, with the way to the latest.
  await expect(page.getByText(`Version ${latest - 1} of ${latest} — the latest is version ${latest}`)).toBeVisible()
  await tabs(page).getByRole('tab', { name: 'Metadata' }).click()
  await page.getByRole('link', { name: `Open version ${latest}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: newest.display_name })).toBeVisible()
  await page.goto(pathOf(previous, '?tab=versions'))
  const chain = page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem')
  await expect(chain.first()).toBeVisible()
  const current = chain.filter({ has: page.getByText('This version') })
  await expect(current).toHaveAttribute('aria-current', 'page')
  await expect(chain.filter({ hasText: previous })).toContainText(`Version ${newest.versioning_info!.version - 1}`)
  await expect(chain.filter({ hasText: 'Version 1' })).toBeVisible()
  await page.goto(pathOf(newest.id, '?tab=versions'))
  await expect(page.getByText('Reason: ' + newest.versioning_info!.reason!)).toBeVisible()
  await expect(page.getByText('This is not the latest version')).toHaveCount(0)
})

test('a released dataset shows who approved it and its release history newest first', async ({ page }) => {
  const item = datasets.find((d) => d.release_status === 'RELEASED')!
  const reviewer = await api.displayName('person', item.release_approver!)
  await page.goto(pathOf(item.id, '?tab=release'))
  await expect(page.getByText(`Released — approved by ${reviewer}`).first()).toBeVisible()
  const timeline = page.getByRole('region', { name: 'Release history' }).getByRole('listitem')
  await expect(timeline).toHaveCount(item.release_history.length)
  await expect(timeline.first().getByRole('heading')).toHaveText('Approved')
  await expect(timeline.first()).toContainText('Approved for public release.')
  await expect(timeline.last().getByRole('heading')).toHaveText('Review requested')
  await expectNoAxeViolations(page)
})

test('a rejected dataset says so although its status is not released', async ({ page }) => {
  const item = datasets.find((d) => d.release_status === 'NOT_RELEASED' && d.release_history.at(-1)?.action === 'REJECT')!
  await page.goto(pathOf(item.id, '?tab=release'))
  await expect(page.getByText(/Not released — last request rejected by/).first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Release history' }).getByRole('listitem').first()).toContainText('Please add the spatial coverage')
})

test('a locked dataset shows its lock', async ({ page }) => {
  const item = await api.findLocked(datasets.filter((d) => d.owner_username === 'steward'))
  await page.goto(pathOf(item.id))
  await expect(page.getByRole('group', { name: 'Dataset status' }).getByText('Locked', { exact: true })).toBeVisible()
  await expect(page.getByText('Locked: metadata and files cannot be changed')).toBeVisible()
  // On every tab, a banner says what the lock disables.
  await expect(page.getByRole('alert').filter({ hasText: 'This dataset is locked' })).toContainText('Editing, reverting, new versions, release requests and file changes are disabled')
})

test('data access shows the storage location, and where external data lives', async ({ page }) => {
  const external = datasets.find((d) => d.collection_format.dataset_info.access_info.reposited === false)!
  await page.goto(pathOf(external.id, '?tab=access'))
  await expect(page.getByText('Data held outside the data store')).toBeVisible()
  await expect(page.getByText(external.collection_format.dataset_info.access_info.uri!)).toBeVisible()
  await expect(page.getByText(external.s3.s3_uri)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Copy the storage location' })).toBeVisible()
  // Its files are elsewhere: no file browser, upload or credentials to offer.
  await expect(page.getByRole('region', { name: 'Files' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Get read credentials' })).toHaveCount(0)
})

test('an unknown id gets a clear, accessible page', async ({ page }) => {
  await page.goto(pathOf('10378.1/99999999'))
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset not found or not visible to you' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a dataset you may not see gets the same page, with a way back', async ({ page }) => {
  const admin = await seededAs(test.info().project.use.baseURL!, 'admin')
  // Not the steward's own: other tests mint datasets for the steward while this one runs.
  const hidden = (await admin.listAll()).find((d) => d.owner_username !== 'steward' && !datasets.some((mine) => mine.id === d.id))!
  await page.goto(pathOf(hidden.id, '?tab=release'))
  await expect(page.getByRole('heading', { level: 1, name: 'Dataset not found or not visible to you' })).toBeVisible()
  await page.getByRole('link', { name: 'Back to datasets' }).click()
  await expect(page).toHaveURL(/\/datasets$/)
})

test('a failed load, schema, name look-up or version walk each say so and retry (faults injected)', async ({ page }) => {
  const newest = datasets.find((d) => d.versioning_info?.previous_version && !d.versioning_info.next_version)!
  const fail = (detail: string) => ({ status: 500, json: { detail } })
  const once = async (pattern: string | RegExp, detail: string) => {
    let failed = false
    await page.route(pattern, (route) => (failed ? route.continue() : ((failed = true), route.fulfill(fail(detail)))))
  }

  await once('**/data-store/registry/items/fetch-dataset?*', 'Injected dataset failure')
  await page.goto(pathOf(newest.id))
  await expect(page.getByText('The dataset could not be loaded')).toBeVisible()
  await expect(page.getByText('Injected dataset failure')).toBeVisible()
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: newest.display_name })).toBeVisible()

  await once('**/data-store/metadata/dataset-schema', 'Injected schema failure')
  await tabs(page).getByRole('tab', { name: 'Metadata' }).click()
  await expect(page.getByText('The metadata schema could not be loaded')).toBeVisible()
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { name: 'Dataset Information' })).toBeVisible()

  await once(new RegExp(`fetch-dataset\\?handle_id=${encodeURIComponent(newest.versioning_info!.previous_version!)}`), 'Injected version failure')
  await tabs(page).getByRole('tab', { name: 'Versions' }).click()
  await expect(page.getByText('The versions could not be loaded')).toBeVisible()
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem')).toHaveCount(newest.versioning_info!.version)

  const released = datasets.find((d) => d.release_status === 'RELEASED')!
  await once(new RegExp(`person/fetch\\?id=${encodeURIComponent(released.release_approver!)}`), 'Injected registry failure')
  await page.goto(pathOf(released.id, '?tab=release'))
  const retry = page.getByRole('button', { name: `Retry looking up ${released.release_approver}` }).first()
  await expect(page.getByText('The name could not be looked up').first()).toBeVisible()
  await retry.click()
  await expect(page.getByText(`Approved by ${await api.displayName('person', released.release_approver!)}`).first()).toBeVisible()
})
