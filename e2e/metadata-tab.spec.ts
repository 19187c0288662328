import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { ItemDataset } from '../src/api/models/registry'
import { expectNoAxeViolations } from './axe'
import { seededAs } from './seeded'
import { signInAs } from './session'

let spatial: ItemDataset

test.beforeAll(async ({ baseURL }) => {
  const datasets = await (await seededAs(baseURL!, 'steward')).listSeeded()
  spatial = datasets.find((d) => d.collection_format.dataset_info.spatial_info?.coverage?.startsWith('SRID=4326;POLYGON'))!
})

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'steward', `/datasets/${spatial.id}?tab=metadata`)
  await expect(panel(page).getByRole('heading', { name: 'Dataset Information' })).toBeVisible()
})

const panel = (page: Page) => page.getByRole('tabpanel', { name: 'Metadata' })
const index = (page: Page) => panel(page).getByRole('navigation', { name: 'Metadata sections' })

test('field descriptions wait behind an info button, which the keyboard opens and closes', async ({ page }) => {
  const instructions = panel(page).getByText('Please provide a readable name for the dataset.')
  await expect(panel(page).getByRole('term').filter({ hasText: 'Dataset name' })).toBeVisible()
  await expect(instructions).toBeHidden()
  await expect(panel(page).getByText(/^Please provide/).first()).toBeHidden()

  const about = panel(page).getByRole('button', { name: 'About Dataset name' })
  await expect(about).toHaveAttribute('aria-expanded', 'false')
  await about.focus()
  await page.keyboard.press('Enter')
  await expect(instructions).toBeVisible()
  await expect(about).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.press('Space')
  await expect(instructions).toBeHidden()

  await panel(page).getByRole('button', { name: 'About Dataset Information' }).click()
  await expect(panel(page).getByText(/^Please provide information about this dataset/)).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the section index jumps to a section, opening it and focusing its heading', async ({ page }) => {
  for (const section of ['Dataset Associations', 'Dataset Approvals', 'Export Controls', 'Dataset Information', 'Dataset Spatial Information']) {
    await expect(index(page).getByRole('link', { name: section, exact: true })).toBeVisible()
  }
  const name = panel(page).getByRole('term').filter({ hasText: 'Dataset name' })
  const before = await page.evaluate(() => document.documentElement.scrollHeight)

  await panel(page).getByRole('button', { name: 'Collapse all sections' }).click()
  const information = panel(page).getByRole('heading', { name: 'Dataset Information' }).getByRole('button', { name: 'Dataset Information' })
  await expect(information).toHaveAttribute('aria-expanded', 'false')
  await expect(name).toBeHidden()
  // Three headings and the index instead of every field: the page a reader scrolls shrinks to a fraction.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(before / 2)

  await index(page).getByRole('link', { name: 'Dataset Spatial Information' }).click()
  const heading = panel(page).getByRole('heading', { name: 'Dataset Spatial Information' }).getByRole('button')
  await expect(heading).toBeFocused()
  await expect(heading).toHaveAttribute('aria-expanded', 'true')
  await expect(heading).toBeInViewport()
  await expect(panel(page).getByRole('term').filter({ hasText: 'Spatial Coverage' })).toBeVisible()
  await expect(information).toHaveAttribute('aria-expanded', 'true')
  await expect(panel(page).getByRole('heading', { name: 'Dataset Associations' }).getByRole('button')).toHaveAttribute('aria-expanded', 'false')

  // The heading's button collapses its section from the keyboard, and "Expand all" brings everything back.
  await page.keyboard.press('Enter')
  await expect(heading).toHaveAttribute('aria-expanded', 'false')
  await expect(panel(page).getByRole('term').filter({ hasText: 'Spatial Coverage' })).toBeHidden()
  await panel(page).getByRole('button', { name: 'Expand all sections' }).click()
  await expect(name).toBeVisible()
  await expect(panel(page).getByRole('term').filter({ hasText: 'Spatial Coverage' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('a spatial shape reads as its type, points and bounding box, the EWKT behind a button', async ({ page }) => {
  const coverage = spatial.collection_format.dataset_info.spatial_info!.coverage!
  const pairs = [...coverage.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
  const [xs, ys] = [pairs.map((p) => p[0]), pairs.map((p) => p[1])]
  const box = `${Math.min(...xs)}, ${Math.min(...ys)} to ${Math.max(...xs)}, ${Math.max(...ys)}`
  // Found by its copy button, whose name stays put while the show/hide button's changes.
  const value = panel(page).getByRole('definition').filter({ has: page.getByRole('button', { name: 'Copy the EWKT of Spatial Coverage' }) })

  await expect(value).toContainText(`Polygon · ${pairs.length} points · bounding box ${box} (SRID 4326)`)
  const raw = value.getByText(coverage, { exact: true })
  await expect(raw).toBeHidden()
  // Nowhere on the tab does the raw text show until asked for: the extent is summarised too.
  for (const text of await panel(page).getByText(/SRID=/).all()) await expect(text).toBeHidden()

  await value.getByRole('button', { name: 'Show EWKT of Spatial Coverage' }).click()
  await expect(raw).toBeVisible()
  await expectNoAxeViolations(page)
  await value.getByRole('button', { name: 'Hide EWKT of Spatial Coverage' }).click()
  await expect(raw).toBeHidden()
})
