import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { requestsToReviewer } from './release-review'

/**
 * The three main journeys with the keyboard alone: sign in, edit and save, request release, decide a review.
 * Every pointer event the page sees is recorded, and there must be none: Enter and Space on a control give
 * a click but never a pointerdown or a mousedown.
 */
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __pointerEvents: string[] }).__pointerEvents = seen
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
      window.addEventListener(type, (event) => event.isTrusted && seen.push(`${type} on ${(event.target as Element).tagName}`), true)
    }
  })
})

test.afterEach(async ({ page }) => {
  if (page.isClosed()) return
  expect(await page.evaluate(() => (window as unknown as { __pointerEvents: string[] }).__pointerEvents)).toEqual([])
})

/** Presses Tab (or Shift+Tab) until the control has focus; fails if it is not reached in `presses`. */
async function tabTo(page: Page, control: Locator, presses = 80, key = 'Tab') {
  for (let n = 0; n < presses; n++) {
    if (await control.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${control}`)
}

async function signInByKeyboard(page: Page, username: string, path: string) {
  await page.goto(path)
  await expect(page).toHaveURL(/silent=failed/)
  const signIn = page.getByRole('button', { name: 'Sign in with Provena' })
  await tabTo(page, signIn)
  await page.keyboard.press('Enter')
  const user = page.getByLabel('Username')
  await tabTo(page, user)
  await page.keyboard.type(username)
  await tabTo(page, page.getByLabel('Password'))
  await page.keyboard.type(username)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: /^Account: / })).toBeVisible()
}

test('edit and save with the keyboard alone', async ({ page, freshDataset }) => {
  await signInByKeyboard(page, freshDataset.owner, `/datasets/${freshDataset.id}`)
  await tabTo(page, page.getByRole('link', { name: 'Edit metadata' }).or(page.getByRole('button', { name: 'Edit metadata' })))
  await page.keyboard.press('Enter')
  const name = page.getByLabel('Dataset name (required)')
  await expect(name).toBeVisible()
  await tabTo(page, name, 120)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(`${freshDataset.name} by keyboard`)
  // The reason sits just before the page's last controls: backwards, past the top, is the short way round.
  await tabTo(page, page.getByLabel('Reason for this change (required)'), 80, 'Shift+Tab')
  await page.keyboard.type('Renamed from the keyboard')
  await tabTo(page, page.getByRole('button', { name: 'Save changes' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText('Saved. The history shows the new entry with your reason.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: `${freshDataset.name} by keyboard` })).toBeVisible()
})

test('request release with the keyboard alone', async ({ page, freshDataset }) => {
  await signInByKeyboard(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=release`)
  await tabTo(page, page.getByRole('button', { name: 'Request release…' }))
  await page.keyboard.press('Enter')
  const reviewer = page.getByRole('combobox', { name: 'Reviewer' })
  await tabTo(page, reviewer)
  // A select: Enter opens its list, the arrows move through it, Enter picks.
  await page.keyboard.press('Enter')
  const riley = page.getByRole('option', { name: /Riley Reviewer/ })
  await expect(riley).toBeVisible()
  for (let n = 0; n < 20 && !(await riley.evaluate((el) => el === document.activeElement || el.classList.contains('v-list-item--active'))); n++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await tabTo(page, page.getByRole('textbox', { name: 'Notes to the reviewer' }))
  await page.keyboard.type('Ready, from the keyboard')
  await tabTo(page, page.getByRole('button', { name: 'Send the request…' }))
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('dialog', { name: 'Ask Riley Reviewer to review this dataset?' })
  await tabTo(page, confirm.getByRole('button', { name: 'Send the request' }), 10)
  await page.keyboard.press('Enter')
  await expect(page.getByText(/Awaiting review by Riley Reviewer/).first()).toBeVisible()
})

test('decide a review with the keyboard alone', async ({ page, freshDataset, baseURL }) => {
  await (await requestsToReviewer(baseURL!)).request(freshDataset.id)
  await signInByKeyboard(page, 'reviewer', `/approvals/${freshDataset.id}`)
  await expect(page.getByRole('heading', { level: 1, name: `Review: ${freshDataset.name}` })).toBeVisible()
  const next = page.getByRole('checkbox', { name: 'Then open the next open request' })
  await tabTo(page, next)
  await page.keyboard.press('Space')
  await expect(next).not.toBeChecked()
  await tabTo(page, page.getByRole('button', { name: 'Approve…' }), 10, 'Shift+Tab')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /^Approve the release of/ })
  await expect(dialog.getByRole('textbox')).toBeFocused()
  await page.keyboard.type('Approved from the keyboard')
  await tabTo(page, dialog.getByRole('button', { name: 'Approve', exact: true }), 10)
  await page.keyboard.press('Enter')
  await expect(page.getByText('This request has been decided')).toBeVisible()
})
