import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoAxeViolations } from './axe'
import { signInAs } from './session'

const table = (page: Page) => page.getByRole('table', { name: 'Datasets' })
const dataRows = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('link') })
const nameLinks = (page: Page) => dataRows(page).getByRole('cell').first().getByRole('link')

async function firstNames(page: Page, count = 5) {
  await expect(nameLinks(page).first()).toBeVisible()
  return (await nameLinks(page).allTextContents()).slice(0, count)
}

/** Opens a select from the keyboard and picks an option. */
async function choose(page: Page, select: string, option: string) {
  await page.getByRole('combobox', { name: select }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: option, exact: true }).click()
}
const chooseSort = (page: Page, option: string) => choose(page, 'Sort by', option)

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'steward')
})

test('seeded datasets appear with their status, and the page is accessible', async ({ page }) => {
  await expect(page.getByText('Rows 1–20 of 20 loaded, more on the server.')).toBeVisible()
  await expect(nameLinks(page)).not.toHaveCount(0)
  await expect(table(page).getByText(/Not released|Pending review|Released/).first()).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'Register dataset' })).toBeVisible()
  await expectNoAxeViolations(page)
})

test('the name sorts reorder the list and are kept in the URL', async ({ page }) => {
  const byUpdate = await firstNames(page)
  await chooseSort(page, 'Name, A to Z')
  await expect(page).toHaveURL(/sort=name-asc/)
  await expect.poll(() => firstNames(page)).not.toEqual(byUpdate)
  const az = await firstNames(page, 20)
  expect(az).toEqual([...az].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || 0))
  await chooseSort(page, 'Name, Z to A')
  await expect.poll(() => firstNames(page, 1)).not.toEqual(az.slice(0, 1))
})

test('the date sorts order the rows by the dates shown and are kept in the URL', async ({ page }) => {
  const CASES = [
    ['Created, newest first', 'created-desc', 3, -1],
    ['Created, oldest first', 'created-asc', 3, 1],
    ['Updated, oldest first', 'updated-asc', 4, 1],
    ['Updated, newest first', 'updated-desc', 4, -1],
  ] as const
  for (const [option, param, column, direction] of CASES) {
    await chooseSort(page, option)
    if (param !== 'updated-desc') await expect(page).toHaveURL(new RegExp(`sort=${param}`))
    else await expect(page).not.toHaveURL(/sort=/)
    await expect(page.getByText('Rows 1–20 of 20 loaded, more on the server.')).toBeVisible()
    await expect
      .poll(async () => {
        const shown = await Promise.all((await dataRows(page).all()).map(async (row) => Date.parse((await row.getByRole('cell').nth(column).textContent()) ?? '')))
        return shown.length > 1 && shown.every((t, i) => i === 0 || Math.sign(t - shown[i - 1]) !== -direction)
      }, { message: option })
      .toBe(true)
  }
})

test('paging reaches the end, and the state survives a reload', async ({ page }) => {
  await choose(page, 'Rows per page', '50')
  await expect(page).toHaveURL(/size=50/)
  await expect(page.getByText('Rows 1–50 of 50 loaded, more on the server.')).toBeVisible()
  await expect(dataRows(page)).toHaveCount(50)
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByText('Rows 51–100 of 100 loaded, more on the server.')).toBeVisible()
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(page.getByText('Rows 1–50 of 100 loaded, more on the server.')).toBeVisible()
  await page.getByRole('button', { name: 'Load all' }).click()
  await expect(page.getByText(/Rows 1–50 of \d+ loaded \(all of them\)\./)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Load all' })).toHaveCount(0)
  // The DOM holds one page of rows however many are loaded.
  await expect(dataRows(page)).toHaveCount(50)
  while (await page.getByRole('button', { name: 'Next page' }).isEnabled()) await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()
  await page.reload()
  await expect(page.getByText('Rows 1–50 of 50 loaded, more on the server.')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('50')
})

test('the quick filter narrows the loaded rows as you type, keeping the focus and every letter', async ({ page }) => {
  const names = await firstNames(page, 20)
  const word = names[0].split(/\s+/)[0]
  const filter = page.getByRole('textbox', { name: 'Filter loaded rows' })
  await filter.pressSequentially(word.toLowerCase(), { delay: 20 })
  await expect(filter).toBeFocused()
  await expect(filter).toHaveValue(word.toLowerCase())
  // Read back as the router wrote it: a word from another test's dataset name ("upload:") keeps its colon unencoded.
  await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe(word.toLowerCase())
  const shown = await nameLinks(page).allTextContents()
  expect(shown.length).toBeGreaterThan(0)
  for (const name of shown) expect(name.toLowerCase()).toContain(word.toLowerCase())
})

test('a free-text search finds seeded datasets by a word of their description, with a way back', async ({ page }) => {
  const search = page.getByRole('textbox', { name: 'Search all datasets' })
  await search.fill('transects')
  await search.press('Enter')
  await expect(page).toHaveURL(/search=transects/)
  await expect(page.getByRole('status').filter({ hasText: /(datasets match|best matches for) “transects”, best first/ })).toBeVisible()
  await expect(nameLinks(page)).not.toHaveCount(0)
  await page.getByRole('button', { name: 'Back to browsing' }).click()
  await expect(page).not.toHaveURL(/search=/)
  await expect(page.getByText('Rows 1–20 of 20 loaded, more on the server.')).toBeVisible()
})

test('open by handle id goes to the dataset, and says clearly when there is none', async ({ page }) => {
  const handle = (await dataRows(page).first().getByRole('cell').nth(1).textContent())!.trim()
  const name = (await nameLinks(page).first().textContent())!.trim()
  await page.getByRole('textbox', { name: 'Open by handle id' }).fill('10378.1/0')
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page.getByText('No dataset 10378.1/0 exists, or it is not visible to you.')).toBeVisible()
  await page.getByRole('textbox', { name: 'Open by handle id' }).fill(handle)
  await page.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/datasets/${handle.replace('.', '\\.')}$`))
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
})

test('a dataset name opens its page by keyboard', async ({ page }) => {
  const first = nameLinks(page).first()
  const name = (await first.textContent())!.trim()
  await first.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/datasets\/10378\.1\/\d+$/)
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused()
})

test.describe('as a reader', () => {
  test('there is no register action', async ({ page }) => {
    await page.getByRole('button', { name: /^Account: / }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/silent=failed/, { timeout: 30_000 })
    await page.getByRole('button', { name: 'Sign in with Provena' }).click()
    await page.getByLabel('Username').fill('reader')
    await page.getByLabel('Password').fill('reader')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Rows 1–20 of 20 loaded, more on the server.')).toBeVisible()
    await expect(page.getByRole('main').getByRole('link', { name: 'Register dataset' })).toHaveCount(0)
  })
})

test('the loaded rows export as CSV', async ({ page }) => {
  await expect(page.getByText('Rows 1–20 of 20 loaded, more on the server.')).toBeVisible()
  const exportButton = page.getByRole('button', { name: 'Export CSV' })
  await expect(exportButton).toBeEnabled()
  const download = page.waitForEvent('download')
  await exportButton.click()
  const file = await download
  expect(file.suggestedFilename()).toBe('datasets.csv')
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))
  const lines = text.trim().split('\r\n')
  expect(lines[0]).toBe('handle_id,name,owner,created,updated,version,release_status')
  expect(lines).toHaveLength(21)
  const firstHandle = (await dataRows(page).first().getByRole('cell').nth(1).textContent())!.trim()
  expect(lines[1].startsWith(`${firstHandle},`)).toBe(true)
})
