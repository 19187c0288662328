import { apiAs, expect, test } from './fixtures'
import { signInAs } from './session'

// The fixture the write workflows' tests stand on: a dataset of the test's own, minted through the real API.
test('a dataset minted for the test is its own: its name, one history entry, and its owner', async ({ page, baseURL, freshDataset }) => {
  const api = await apiAs(baseURL!, freshDataset.owner)
  const fetched = await api.call<{ item: { owner_username: string; history: unknown[] } }>(
    'GET',
    `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(freshDataset.id)}`,
  )
  expect(fetched.item).toMatchObject({ owner_username: freshDataset.owner, history: [expect.anything()] })
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=history`)
  await expect(page.getByRole('heading', { level: 1, name: freshDataset.name })).toBeVisible()
  const entries = page.getByRole('navigation', { name: 'History entries, newest first' }).getByRole('listitem')
  await expect(entries).toHaveCount(1)
  await expect(entries.first()).toContainText('Current')
})
