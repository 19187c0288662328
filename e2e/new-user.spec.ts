import { expect, test } from './fixtures'
import { contrast, parseColour } from '../tests/contrast'
import { renderedTonalContrast } from './contrast'
import { seededAs } from './seeded'
import { signInAs } from './session'
import { expectNoAxeViolations } from './axe'

// Defects a new user met on the list and dataset pages (issue 15), one test each.

test('search says what is known: the best 50 (more may match), none, or how many; settings that do not apply are not shown', async ({ page }) => {
  await signInAs(page, 'steward', `/datasets?search=${encodeURIComponent('the a of')}`)
  const summary = page.getByRole('status').filter({ hasText: 'best matches for “the a of”' })
  await expect(summary).toContainText('The 50 best matches')
  await expect(summary).toContainText('more may match')
  await expect(page.getByText('Best match first')).toBeVisible()
  await expect(page.getByText('Name, A to Z')).toHaveCount(0)
  await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveCount(0)
  await summary.getByRole('button', { name: 'Show up to 100' }).click()
  await expect(page.getByRole('status').filter({ hasText: /(best matches for|datasets match) “the a of”/ })).not.toContainText('The 50 best')
  await page.goto(`/datasets?search=${encodeURIComponent('zqxjv wkpfy')}`)
  await expect(page.getByRole('status').filter({ hasText: 'No datasets match “zqxjv wkpfy”.' })).toBeVisible()
})

test('a very long query is capped in the field and echoed short', async ({ page }) => {
  await signInAs(page, 'steward', '/datasets')
  const field = page.getByRole('textbox', { name: 'Search all datasets' })
  await field.fill('coral '.repeat(400))
  expect((await field.inputValue()).length).toBe(200)
  await field.press('Enter')
  const summary = page.getByRole('status').filter({ hasText: 'coral coral' })
  await expect(summary).toBeVisible()
  expect((await summary.textContent())!.length).toBeLessThan(300)
})

test('an unknown history entry says so and still shows the history and the current metadata', async ({ page, baseURL }) => {
  const [item] = await (await seededAs(baseURL!, 'steward')).listSeeded()
  await signInAs(page, 'steward', `/datasets/${item.id}?tab=history&entry=999`)
  await expect(page.getByText('This dataset has no history entry 999; the current metadata is shown instead.')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'History entries, newest first' }).getByRole('link')).toHaveCount(item.history.length)
  await expect(page.getByRole('heading', { name: `Metadata at entry ${Math.max(...item.history.map((e) => e.id))}` })).toBeVisible()
})

test('the not-found page shows who is signed in', async ({ page }) => {
  await signInAs(page, 'steward', '/datasets')
  await page.goto('/nope')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0)
})

test('the two copy buttons beside a handle say which is which', async ({ page, baseURL }) => {
  const [item] = await (await seededAs(baseURL!, 'steward')).listSeeded()
  await signInAs(page, 'steward', `/datasets/${item.id}`)
  const link = page.getByRole('button', { name: /^Copy the handle's link / }).first()
  await expect(page.getByRole('button', { name: `Copy the handle id ${item.id}` }).first()).toBeVisible()
  // Told apart by sight too: each names itself in its tooltip, and the link's has its own icon.
  await expect(link).toHaveAttribute('title', /^Copy the handle's link /)
  await expect(page.getByRole('button', { name: `Copy the handle id ${item.id}` }).first()).toHaveAttribute('title', `Copy the handle id ${item.id}`)
})

test('a tab the page does not have is replaced in the URL; a malformed URI filter is explained, not applied', async ({ page, baseURL }) => {
  const [item] = await (await seededAs(baseURL!, 'steward')).listSeeded()
  await signInAs(page, 'steward', `/datasets/${item.id}?tab=bogus`)
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
  await expect(page).not.toHaveURL(/tab=/)
  await page.goto('/datasets?uri=%%')
  const warning = page.getByRole('alert').filter({ hasText: 'The link\'s access-URI filter was not applied' })
  await expect(warning).toContainText('“%%” is not a valid URI prefix')
  await expect(page.getByRole('textbox', { name: 'Access URI starts with' })).toHaveValue('')
  await warning.getByRole('button', { name: 'Remove it from the address' }).click()
  await expect(page).not.toHaveURL(/uri=/)
})

test('a garbage handle id is said plainly, with the server\'s words behind Details', async ({ page }) => {
  await signInAs(page, 'steward', `/datasets/${encodeURIComponent('garbage!!')}`)
  await expect(page.getByText('garbage!! is not a handle id, so no dataset has it.')).toBeVisible()
  const raw = page.getByText(/The data store said: /)
  await expect(raw).toBeHidden()
  await page.getByText('Details', { exact: true }).click()
  await expect(raw).toBeVisible()
  await page.goto('/datasets/10378.1/99999999')
  await expect(page.getByText('No dataset with the handle id 10378.1/99999999 is visible to you')).toBeVisible()
})

for (const scheme of ['light', 'dark'] as const) {
  test(`status chips, alerts and the app bar keep their text readable in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await signInAs(page, 'steward', '/datasets?size=100')
    for (const status of ['Not released', 'Pending review', 'Released']) {
      const chip = page.locator('.v-chip').filter({ hasText: new RegExp(`^${status}$`) }).first()
      await expect(chip).toBeVisible()
      expect(await renderedTonalContrast(chip), status).toBeGreaterThanOrEqual(4.5)
    }
    const bar = page.locator('header.v-app-bar')
    const barBackground = parseColour(await bar.evaluate((node) => getComputedStyle(node).backgroundColor)).rgb
    expect(contrast(parseColour(await bar.evaluate((node) => getComputedStyle(node).color)).rgb, barBackground)).toBeGreaterThanOrEqual(7)
    // The defect was a pale blue band on a near-black page: in dark, the bar is a deep colour.
    if (scheme === 'dark') expect(contrast(barBackground, [0, 0, 0])).toBeLessThan(3)

    await page.goto('/datasets?search=coral')
    const info = page.locator('.v-alert').filter({ hasText: 'coral' })
    await expect(info).toBeVisible()
    expect(await renderedTonalContrast(info), 'info alert').toBeGreaterThanOrEqual(4.5)
    await page.goto('/datasets?uri=%%')
    const warning = page.locator('.v-alert').filter({ hasText: 'was not applied' })
    await expect(warning).toBeVisible()
    expect(await renderedTonalContrast(warning), 'warning alert').toBeGreaterThanOrEqual(4.5)
  })
}

test('the quick filter counts matches among the loaded rows and offers to load the rest', async ({ page }) => {
  await signInAs(page, 'steward', '/datasets?filter=zzqx-no-such-name')
  const filter = page.getByRole('group', { name: 'Filter the loaded rows' })
  await expect(filter.getByRole('status')).toHaveText(/^0 of 20 loaded rows match; more datasets are on the server\./)
  await expect(page.getByRole('cell', { name: 'No loaded rows match “zzqx-no-such-name”.' })).toBeVisible()
  await filter.getByRole('button', { name: 'Load all rows to filter them' }).click()
  await expect(filter.getByRole('status')).toHaveText(/^0 of \d{3} loaded rows match\.\s*$/, { timeout: 20_000 })
  await expect(filter.getByRole('button', { name: 'Load all rows to filter them' })).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Pages of datasets' }).getByRole('status')).toHaveText('No loaded rows match.')
})

test('on a laptop screen the list shows a dozen rows or more, sort labels whole, and the headers sort', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 850 })
  await signInAs(page, 'steward', '/datasets')
  const table = page.getByRole('table', { name: 'Datasets' })
  const rows = table.getByRole('row').filter({ has: page.getByRole('link') })
  await expect(rows).toHaveCount(20)
  const onScreen = await rows.evaluateAll((all) => all.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length)
  expect(onScreen).toBeGreaterThanOrEqual(12)
  // A name of up to 50 characters stays on one line.
  const wrapped = await rows.getByRole('link').evaluateAll((links) =>
    links.filter((link) => (link.textContent ?? '').length <= 50 && link.getClientRects().length > 1).map((link) => link.textContent),
  )
  expect(wrapped).toEqual([])
  const sortText = page.locator('.v-field', { has: page.getByRole('combobox', { name: 'Sort by' }) }).locator('.v-select__selection-text')
  await expect(sortText).toHaveText('Updated, newest first')
  expect(await sortText.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)

  const header = (name: string) => table.getByRole('columnheader', { name })
  await expect(header('Updated')).toHaveAttribute('aria-sort', 'descending')
  await header('Name').getByRole('button').click()
  await expect(page).toHaveURL(/sort=name-asc/)
  await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
  await expect(header('Updated')).toHaveAttribute('aria-sort', 'none')
  await expect(sortText).toHaveText('Name, A to Z')
  const names = await rows.getByRole('link').allTextContents()
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
  await header('Name').getByRole('button').click()
  await expect(page).toHaveURL(/sort=name-desc/)
  await expect(header('Name')).toHaveAttribute('aria-sort', 'descending')
})

for (const [width, height] of [[390, 844], [320, 640]] as const) {
  test(`at ${width}×${height} the list and a dataset page fit the screen: cards, a folded toolbar, no sideways scroll`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height })
    await signInAs(page, 'steward', '/datasets')
    const cards = page.getByRole('list', { name: 'Datasets' }).getByRole('listitem')
    await expect(cards).toHaveCount(20)
    await expect(cards.first().getByText(/Not released|Pending review|Released/)).toBeVisible()
    await expect(cards.first().getByText(/^Updated /)).toBeVisible()
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(await sideways()).toBeLessThanOrEqual(0)
    for (const control of [page.getByRole('button', { name: /^Account: / }), page.getByRole('button', { name: 'Export CSV' }), page.getByRole('button', { name: 'Next page' })]) {
      const box = (await control.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(width)
    }
    const fold = page.getByRole('button', { name: 'Sort and options' })
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeHidden()
    await fold.click()
    await expect(fold).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toBeVisible()
    expect(await sideways()).toBeLessThanOrEqual(0)
    await expectNoAxeViolations(page)

    const [item] = await (await seededAs(baseURL!, 'steward')).listSeeded()
    await page.goto(`/datasets/${item.id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.display_name)
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible()
    expect(await sideways()).toBeLessThanOrEqual(0)

    // The views built before this issue share the same fixes: stacked request rows, wrapping buttons.
    await page.goto('/approvals')
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    expect(await sideways()).toBeLessThanOrEqual(0)
    await page.goto('/datasets/new')
    await expect(page.getByRole('button', { name: 'Add an entry to custom user metadata' })).toBeVisible()
    expect(await sideways()).toBeLessThanOrEqual(0)
  })
}

test('an outsider is offered sign-out and an access request, no loop, and no calls their roles must fail', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const refused: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })
  await signInAs(page, 'outsider', '/datasets')
  await expect(page.getByRole('heading', { level: 1, name: 'More access needed' })).toBeVisible()
  await expect(page.getByText('read access to the data store (entity-registry-read)')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to datasets' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Copy the access request' }).click()
  await expect(page.getByText('Copied the access request')).toBeVisible()
  const request = await page.evaluate(() => navigator.clipboard.readText())
  expect(request).toContain('username outsider')
  expect(request).toContain('entity-registry-read')
  await expectNoAxeViolations(page)
  expect(refused).toEqual([])
  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Sign in with Provena' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Account: / })).toHaveCount(0)
})
