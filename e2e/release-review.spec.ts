import type { Browser, Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { apiAs, expect, test } from './fixtures'
import { requestsToReviewer } from './release-review'
import { signInAs } from './session'

async function signedIn(browser: Browser, username: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signInAs(page, username, path)
  return page
}

async function answer(page: Page, title: RegExp, notes: string, button: string) {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.getByRole('textbox').fill(notes)
  await dialog.getByRole('button', { name: button, exact: true }).click()
}

test('the reviewer rejects with notes from the queue; the steward sees why and asks again', async ({ browser, freshDataset, baseURL }) => {
  const { request } = await requestsToReviewer(baseURL!)
  await request(freshDataset.id, 'First try')
  const reviewer = await signedIn(browser, 'reviewer', `/approvals?q=${encodeURIComponent(freshDataset.name)}`)
  const row = reviewer.getByRole('row').filter({ hasText: freshDataset.name })
  await expect(row).toContainText('under a minute ago')
  await expect(row).toContainText('Sam Steward')
  await expectNoAxeViolations(reviewer)
  await row.getByRole('link', { name: freshDataset.name }).click()
  await expect(reviewer.getByRole('heading', { level: 1, name: `Review: ${freshDataset.name}` })).toBeVisible()
  await reviewer.getByRole('checkbox', { name: 'Then open the next open request' }).uncheck()
  await reviewer.getByRole('button', { name: 'Reject…' }).click()
  await expectNoAxeViolations(reviewer)
  await answer(reviewer, /^Reject the release of/, 'Add a citation', 'Reject')
  await expect(reviewer.getByText('This request has been decided')).toBeVisible()

  const steward = await signedIn(browser, 'steward', `/datasets/${freshDataset.id}?tab=release`)
  await expect(steward.getByText(/Not released — last request rejected by Riley Reviewer/).first()).toContainText('(Add a citation)')
  await expect(steward.getByRole('button', { name: 'Request release…' })).toBeVisible()
})

test('approved: released on the page, the list and the timeline, and write credentials are refused', async ({ browser, freshDataset, baseURL }) => {
  const { request } = await requestsToReviewer(baseURL!)
  await request(freshDataset.id)
  const reviewer = await signedIn(browser, 'reviewer', `/datasets/${freshDataset.id}?tab=release`)
  await reviewer.getByRole('button', { name: 'Approve…' }).click()
  const dialog = reviewer.getByRole('dialog', { name: /^Approve the release of/ })
  await expect(dialog).toContainText('no route un-releases it')
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(reviewer.getByText(/Released — approved by Riley Reviewer/).first()).toBeVisible()

  const steward = await signedIn(browser, 'steward', `/datasets?filter=${encodeURIComponent(freshDataset.name)}`)
  await expect(steward.getByRole('row').filter({ hasText: freshDataset.name })).toContainText('Released')
  await steward.goto(`/datasets/${freshDataset.id}?tab=timeline&show=release`)
  await expect(steward.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem').first()).toContainText('Release approved')
  const api = await apiAs(baseURL!, 'steward')
  await expect(api.call('POST', '/data-store/registry/credentials/generate-write-access-credentials', { dataset_id: freshDataset.id, console_session_required: false })).rejects.toThrow(/403.*pending review or is released/)
})

test('only the requested reviewer decides: the steward has no control, and the API says why', async ({ page, freshDataset, baseURL }) => {
  const { request } = await requestsToReviewer(baseURL!)
  await request(freshDataset.id)
  await signInAs(page, 'steward', `/approvals/${freshDataset.id}`)
  await expect(page.getByText('Only the requested reviewer, Riley Reviewer')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Approve…' })).toHaveCount(0)
  const api = await apiAs(baseURL!, 'steward')
  await expect(api.call('PUT', '/data-store/release/action-approval-request', { dataset_id: freshDataset.id, approve: true, notes: '' })).rejects.toThrow(/401.*not a dataset reviewer/)
  // Someone who is not a reviewer has only their own requests.
  await page.goto('/approvals')
  await expect(page.getByRole('tab', { name: 'Open' })).toHaveCount(0)
  const mine = page.getByRole('row').filter({ hasText: freshDataset.name })
  await expect(mine).toContainText('Pending review')
  await expect(mine).toContainText('Riley Reviewer')
  await expect(page.getByRole('columnheader', { name: 'Reviewer' })).toBeVisible()
})

test('keyboard triage: approve from the queue, the next request comes up, o opens it', async ({ page, baseURL }) => {
  const { token, made } = await requestsToReviewer(baseURL!).then((r) => r.mintRequested(2))
  await signInAs(page, 'reviewer', `/approvals?q=${token}`)
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: token })
  await expect(rows).toHaveCount(2)
  await page.getByRole('heading', { level: 1, name: 'Approvals' }).click()
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  const current = page.locator('tr[aria-current="true"]')
  await page.keyboard.press('j')
  await expect(current).toContainText(made[1].name)
  await page.keyboard.press('k')
  await expect(current).toContainText(made[0].name)
  await page.keyboard.press('a')
  await answer(page, new RegExp(`Approve the release of “${made[0].name}”`), '', 'Approve')
  await expect(rows).toHaveCount(1)
  await expect(current).toContainText(made[1].name)
  await page.keyboard.press('o')
  await expect(page.getByRole('heading', { level: 1, name: `Review: ${made[1].name}` })).toBeVisible()
})

test('decide and open next: a double click decides once, then the next open request opens', async ({ page, baseURL }) => {
  const { made } = await requestsToReviewer(baseURL!).then((r) => r.mintRequested(1))
  await signInAs(page, 'reviewer', `/approvals/${made[0].id}`)
  await expect(page.getByRole('checkbox', { name: 'Then open the next open request' })).toBeChecked()
  const sent: string[] = []
  page.on('request', (r) => r.url().includes('/release/action-approval-request') && sent.push(r.method()))
  await page.getByRole('button', { name: 'Approve…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Approve', exact: true }).dblclick()
  // The seeded store holds other open requests for the demo reviewer: the next one opens.
  await expect(page).not.toHaveURL(new RegExp(`/approvals/${made[0].id.replace('.', '\\.')}$`))
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).not.toHaveText(`Review: ${made[0].name}`)
  await expect(page.getByRole('button', { name: 'Approve…' })).toBeVisible()
  expect(sent).toEqual(['PUT'])
  const api = await apiAs(baseURL!, 'reviewer')
  const { item } = await api.call<{ item: { release_status: string } }>('GET', `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(made[0].id)}`)
  expect(item.release_status).toBe('RELEASED')
})
