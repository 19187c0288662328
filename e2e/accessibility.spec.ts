import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './fixtures'
import { requestsToReviewer } from './release-review'
import { seededAs } from './seeded'
import { signInAs } from './session'
import { DATASET_TABS } from '../src/datasetRoutes'

/**
 * axe on every page, every dataset tab and every kind of dialog, in the light theme and in the dark one
 * (the console follows the system's scheme unless the user chose, so the scheme is emulated). Each page is
 * also checked to load under the stack's Content-Security-Policy with nothing refused.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function settled(page: Page, heading: RegExp, path: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading }), path).toBeVisible()
  await page.waitForLoadState('networkidle')
}

const SCHEMES = ['light', 'dark'] as const

/**
 * axe in the light scheme, then in the dark one, on what is on screen now: switching the emulated scheme
 * re-themes the page in place, so each page is loaded once for both. Transitions are let finish first, or
 * axe measures colours half-way.
 */
async function passesInBothSchemes(page: Page, what: string) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator(`.v-application.v-theme--${scheme}`), `${what}, ${scheme}`).toBeVisible()
    await page.evaluate(() =>
      // Endless ones (an indeterminate progress bar) never finish and change no colour axe measures; a
      // cancelled one (its element replaced) rejects, and is over as well.
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    )
    await expectNoAxeViolations(page, `${what}, ${scheme}`)
  }
}

async function dialogPasses(page: Page, name: RegExp) {
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  // Vuetify's opening transition must be over, or axe measures half-faded colours.
  await expect(dialog).toHaveCSS('opacity', '1')
  await passesInBothSchemes(page, `dialog ${name}`)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

async function pagesPass(page: Page, cspViolations: unknown[], pages: [string, RegExp][]) {
  for (const [path, heading] of pages) {
    await page.goto(path)
    await settled(page, heading, path)
    await passesInBothSchemes(page, path)
    expect(cspViolations, path).toEqual([])
  }
}

test('the dataset pages pass axe in both schemes', async ({ page, baseURL, cspViolations }) => {
  test.setTimeout(120_000)
  const datasets = await (await seededAs(baseURL!, 'admin')).listSeeded()
  const steward = datasets.find((d) => d.owner_username === 'steward' && d.release_status === 'NOT_RELEASED')!
  await signInAs(page, 'admin')
  await pagesPass(page, cspViolations, [
    ['/datasets', /^Datasets$/],
    ['/datasets/new', /^Register dataset$/],
    [`/datasets/${steward.id}/edit`, /./],
    ['/no/such/page', /^Page not found$/],
  ])
})

test('the review, reviewer and profile pages pass axe in both schemes', async ({ page, baseURL, cspViolations }) => {
  test.setTimeout(120_000)
  const datasets = await (await seededAs(baseURL!, 'admin')).listSeeded()
  const pending = datasets.find((d) => d.release_status === 'PENDING')!
  await signInAs(page, 'admin')
  await pagesPass(page, cspViolations, [
    ['/approvals', /^Approvals$/],
    [`/approvals/${pending.id}`, /^Review: /],
    ['/reviewers', /^Reviewers$/],
    ['/profile', /./],
  ])
})

// In two halves, so each test stays short and the two can run side by side.
const HALF = Math.ceil(DATASET_TABS.length / 2)
for (const tabs of [DATASET_TABS.slice(0, HALF), DATASET_TABS.slice(HALF)]) {
  test(`the dataset tabs ${tabs.map((tab) => tab.title).join(', ')} pass axe in both schemes`, async ({ page, baseURL, cspViolations }) => {
    test.setTimeout(120_000)
    const datasets = await (await seededAs(baseURL!, 'steward')).listSeeded()
    const item = datasets.find((d) => d.owner_username === 'steward' && d.history.length >= 2)!
    await signInAs(page, 'steward')
    for (const tab of tabs) {
      const path = `/datasets/${item.id}?tab=${tab.value}`
      await page.goto(path)
      await settled(page, new RegExp(escape(item.display_name)), path)
      await expect(page.getByRole('tab', { name: tab.title, selected: true })).toBeVisible()
      await passesInBothSchemes(page, path)
      expect(cspViolations, path).toEqual([])
    }
  })
}

test('the signed-out pages pass axe in both schemes', async ({ page }) => {
  await page.goto('/datasets')
  await expect(page).toHaveURL(/silent=failed/)
  await expect(page.getByRole('button', { name: 'Sign in with Provena' })).toBeVisible()
  await passesInBothSchemes(page, 'the sign-in page')
  await page.getByRole('button', { name: 'Sign in with Provena' }).click()
  await expect(page.getByLabel('Password')).toBeVisible()
  // The provider's own form follows the scheme by its stylesheet, not by a theme class.
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectNoAxeViolations(page, `the login form, ${scheme}`)
  }
})

test('every kind of dialog passes axe in both schemes: reasons, confirmations, shortcuts', async ({ page, freshDataset, baseURL }) => {
  test.setTimeout(120_000)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=versions`)
  await page.getByRole('button', { name: 'Create new version' }).click()
  await dialogPasses(page, /^Create version 2 of this dataset\?$/)
  await page.goto(`/datasets/${freshDataset.id}?tab=settings`)
  await page.getByRole('button', { name: 'Lock…' }).click()
  await dialogPasses(page, /^Lock this dataset\?$/)
  await page.goto('/profile')
  await page.getByRole('button', { name: 'Copy access token…' }).click()
  await dialogPasses(page, /^Copy your access token\?$/)

  await (await requestsToReviewer(baseURL!)).request(freshDataset.id)
  await page.context().clearCookies()
  await page.evaluate(() => sessionStorage.clear())
  await signInAs(page, 'reviewer', `/approvals/${freshDataset.id}`)
  await page.getByRole('button', { name: 'Approve…' }).click()
  await dialogPasses(page, /^Approve the release of/)
  await page.getByRole('button', { name: 'Reject…' }).click()
  await dialogPasses(page, /^Reject the release of/)
  await page.goto('/approvals')
  await settled(page, /^Approvals$/, '/approvals')
  await page.keyboard.press('?')
  await dialogPasses(page, /^Keyboard shortcuts$/)
})
