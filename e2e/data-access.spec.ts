import { readFile, writeFile } from 'node:fs/promises'
import { expectNoAxeViolations } from './axe'
import { apiAs, expect, test } from './fixtures'
import { seededAs } from './seeded'
import { signInAs } from './session'

test('the Files section lists the seeded files by folder, filters them and downloads one', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const seeded = await seededAs(baseURL!, 'steward')
  const item = (await seeded.listSeeded()).find((d) => d.owner_username === 'steward' && d.collection_format.dataset_info.access_info.reposited !== false)!
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

test('credentials: the secret hidden until revealed, copied whole for the chosen shell, and renewed', async ({ page, context, freshDataset }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=access`)
  const panel = page.getByRole('region', { name: 'Credentials for awscli and other tools' })
  await panel.getByRole('button', { name: 'Get write credentials' }).click()
  await expect(panel.getByText(/Write credentials, expire in 7 h 59 min/)).toBeVisible()
  const block = panel.getByLabel('Credentials as Bash commands')
  await expect(block).toContainText('export AWS_SECRET_ACCESS_KEY="••••••••"')
  await expectNoAxeViolations(page)
  await panel.getByRole('button', { name: 'Copy the Bash commands' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(/^export AWS_ACCESS_KEY_ID="ASIA[0-9A-F]{16}"\nexport AWS_SECRET_ACCESS_KEY="[\w-]{40}"\n/)
  await panel.getByRole('checkbox', { name: 'Show the secret key and session token' }).check()
  await expect(block).not.toContainText('••••')
  await panel.getByRole('button', { name: 'PowerShell' }).click()
  await expect(panel.getByLabel('Credentials as PowerShell commands')).toContainText('$Env:AWS_ACCESS_KEY_ID="ASIA')
  await expect(panel.getByText(/^aws s3 sync \.\/dataset s3:\/\/local-data-store\/datasets\/.+ --endpoint-url http:\/\/127\.0\.0\.1:\d+\/s3$/)).toBeVisible()
  const firstKey = /AWS_ACCESS_KEY_ID="(\w+)"/.exec(copied)![1]
  await panel.getByRole('button', { name: 'Get new ones' }).click()
  await expect(panel.getByLabel('Credentials as PowerShell commands')).not.toContainText(firstKey)
  await expect(panel.getByRole('link', { name: /Open the folder in the AWS console/ })).toBeVisible()
})

test('write credentials are refused for a released dataset, with the reason', async ({ page, baseURL }) => {
  const seeded = await seededAs(baseURL!, 'steward')
  const released = (await seeded.listSeeded()).find((d) => d.owner_username === 'steward' && d.release_status === 'RELEASED' && d.collection_format.dataset_info.access_info.reposited !== false)!
  await signInAs(page, 'steward', `/datasets/${released.id}?tab=access`)
  const write = page.getByRole('button', { name: 'Get write credentials' })
  await expect(write).toBeDisabled()
  await expect(write).toHaveAccessibleDescription('The dataset is released, so its files are fixed. Create a new version to change them.')
  const upload = page.getByRole('region', { name: 'Upload' })
  await expect(upload).toContainText('The dataset is released, so its files are fixed. Create a new version to change them.')
  await expect(upload.getByLabel('Choose files to upload')).toHaveCount(0)
  await page.getByRole('button', { name: 'Get read credentials' }).click()
  await expect(page.getByText(/Read credentials, expire in/)).toBeVisible()
  await expect(page.getByText(/^aws s3 sync/)).toHaveCount(0)
})

test.describe('at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  test('the files and credentials fit the screen, every shell within reach', async ({ page, freshDataset }) => {
    await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=access`)
    await page.getByRole('button', { name: 'Get read credentials' }).click()
    const powershell = page.getByRole('button', { name: 'PowerShell' })
    await expect(powershell).toBeVisible()
    expect((await powershell.boundingBox())!.x + (await powershell.boundingBox())!.width).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})

test('upload: several files, one in parts, with progress, then listed; a forbidden folder is refused before sending', async ({ page, freshDataset, baseURL }) => {
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=access`)
  const upload = page.getByRole('region', { name: 'Upload' })
  const big = Buffer.alloc(20 * 1024 * 1024, 'x')
  await upload.getByRole('textbox', { name: 'Into folder' }).fill('raw')
  await upload.getByLabel('Choose files to upload').setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('field notes\n') },
    { name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') },
    { name: 'big.bin', mimeType: 'application/octet-stream', buffer: big },
  ])
  await expect(upload.getByRole('status')).toHaveText(/Uploaded 3 files \(21 MB\)\./, { timeout: 30_000 })
  const files = page.getByRole('region', { name: 'Files' })
  await files.getByRole('button', { name: 'raw/' }).click()
  for (const name of ['big.bin', 'notes.txt', 'table.csv']) await expect(files.getByRole('row', { name: new RegExp(name) })).toBeVisible()
  await expect(files.getByRole('row', { name: /big\.bin/ })).toContainText('21 MB')
  // The parts were joined into the whole file in storage.
  const api = await apiAs(baseURL!, freshDataset.owner)
  const { presigned_url } = await api.call<{ presigned_url: string }>('POST', '/data-store/registry/items/generate-presigned-url', { dataset_id: freshDataset.id, file_path: 'raw/big.bin' })
  expect(Buffer.from(await (await fetch(presigned_url)).arrayBuffer()).equals(big)).toBe(true)
  await expectNoAxeViolations(page)

  await upload.getByRole('textbox', { name: 'Into folder' }).fill('../outside')
  await upload.getByLabel('Choose files to upload').setInputFiles([{ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('x') }])
  await expect(upload.getByRole('list', { name: 'Uploads' })).toContainText('The path contains "../", which the data store does not allow.')
})

test('a reload mid-upload loses nothing: the same file chosen again continues from the last part that arrived', async ({ page, freshDataset, baseURL }, testInfo) => {
  const path = testInfo.outputPath('big.bin')
  const bytes = Buffer.alloc(20 * 1024 * 1024)
  for (let i = 0; i < bytes.length; i += 1024) bytes[i] = (i / 1024) % 256
  await writeFile(path, bytes)
  // Fault injected on purpose: the network stalls on part 2, as a dropped connection would, until the reload.
  // The stalled request is never let through (unrouting would release it to the server), so storage holds part 1 only.
  const parts: string[] = []
  let stalling = true
  await page.route('**/s3/**', async (route) => {
    const part = /partNumber=(\d+)/.exec(route.request().url())?.[1]
    if (part) parts.push(part)
    if (stalling && part === '2') return // never answered
    await route.continue()
  })
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=access`)
  const upload = page.getByRole('region', { name: 'Upload' })
  await upload.getByLabel('Choose files to upload').setInputFiles(path)
  await expect.poll(() => parts).toContain('2')
  stalling = false
  parts.length = 0
  await page.reload()
  await expect(upload.getByText('Uploads cut short')).toBeVisible()
  await expect(upload).toContainText('big.bin (21 MB)')
  await upload.getByLabel('Choose files to upload').setInputFiles(path)
  await expect(upload.getByRole('status')).toHaveText(/Uploaded 1 file \(21 MB\)\./, { timeout: 30_000 })
  expect(parts).toEqual(['2', '3'])
  await expect(upload.getByText('Uploads cut short')).toHaveCount(0)
  const api = await apiAs(baseURL!, freshDataset.owner)
  const { presigned_url } = await api.call<{ presigned_url: string }>('POST', '/data-store/registry/items/generate-presigned-url', { dataset_id: freshDataset.id, file_path: 'big.bin' })
  expect(Buffer.from(await (await fetch(presigned_url)).arrayBuffer()).equals(bytes)).toBe(true)
})

test('when the browser cannot reach storage, the upload says so and offers the command line', async ({ page, freshDataset }) => {
  // Fault injected on purpose: every request to storage fails as a bucket without CORS for this site would.
  await page.route('**/s3/**', (route) => (route.request().method() === 'PUT' ? route.abort('failed') : route.continue()))
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=access`)
  const upload = page.getByRole('region', { name: 'Upload' })
  await upload.getByLabel('Choose files to upload').setInputFiles([{ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') }])
  await expect(upload.getByText('The browser could not reach the storage')).toBeVisible()
  await expect(upload).toContainText('aws s3 sync ./dataset s3://local-data-store/')
  await expect(upload.getByRole('button', { name: 'Retry uploading a.txt' })).toBeVisible()
  await expectNoAxeViolations(page)
})
