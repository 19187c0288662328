import { readFile } from 'node:fs/promises'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './fixtures'
import { seededAs } from './seeded'
import { signInAs } from './session'

test('the Files section lists the seeded files by folder, filters them and downloads one', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const seeded = await seededAs(baseURL!, 'steward')
  const item = (await seeded.listAll()).find((d) => d.owner_username === 'steward' && d.collection_format.dataset_info.access_info.reposited !== false)!
  await signInAs(page, 'steward', `/datasets/${item.id}?tab=access`)
  const files = page.getByRole('region', { name: 'Files' })
  await expect(files.getByText(/^3 files, /)).toBeVisible()
  await expect(files.getByRole('row', { name: /README\.md/ })).toBeVisible()
  await files.getByRole('button', { name: 'data/' }).click()
  await expect(files.getByRole('navigation', { name: 'Folder' }).getByRole('button', { name: 'data' })).toHaveAttribute('aria-current', 'location')
  await expect(files.getByRole('row', { name: /observations\.csv/ })).toBeVisible()
  await expectNoAxeViolations(page)

  const downloading = page.waitForEvent('download')
  await files.getByRole('button', { name: 'Download observations.csv' }).click()
  const download = await downloading
  expect(await readFile((await download.path())!, 'utf8')).toMatch(/^time,temperature_c\n/)

  await files.getByRole('button', { name: 'Copy the S3 URI of observations.csv' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`s3://${item.s3.bucket_name}/${item.s3.path}data/observations.csv`)

  await files.getByRole('navigation', { name: 'Folder' }).getByRole('button', { name: 'All files' }).click()
  await files.getByRole('textbox', { name: 'Filter files by path' }).fill('JSON')
  await expect(files.getByText(/1 match “JSON”/)).toBeVisible()
  await expect(files.getByRole('row', { name: /metadata\.json/ })).toBeVisible()
  await expect(files.getByRole('row', { name: /README\.md/ })).toHaveCount(0)
})
