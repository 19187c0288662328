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

async function dialogPasses(page: Page, name: RegExp) {
  const dialog = page.getByRole('dialog', { name })
  await expect(dialog).toBeVisible()
  // Vuetify's opening transition must be over, or axe measures half-faded colours.
  await expect(dialog).toHaveCSS('opacity', '1')
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test('every page passes axe', async ({ page, baseURL, cspViolations }) => {
      test.setTimeout(120_000)
      const datasets = await (await seededAs(baseURL!, 'admin')).listSeeded()
      const pending = datasets.find((d) => d.release_status === 'PENDING')!
      const steward = datasets.find((d) => d.owner_username === 'steward' && d.release_status === 'NOT_RELEASED')!
      await signInAs(page, 'admin')
      await expect(page.locator(`.v-application.v-theme--${scheme}`)).toBeVisible()
      const pages: [string, RegExp][] = [
        ['/datasets', /^Datasets$/],
        ['/datasets/new', /^Register dataset$/],
        ['/approvals', /^Approvals$/],
        [`/approvals/${pending.id}`, /^Review: /],
        ['/reviewers', /^Reviewers$/],
        ['/profile', /./],
        [`/datasets/${steward.id}/edit`, /./],
        ['/no/such/page', /^Page not found$/],
      ]
      for (const [path, heading] of pages) {
        await page.goto(path)
        await settled(page, heading, path)
        await expectNoAxeViolations(page)
        expect(cspViolations, path).toEqual([])
      }
    })

    test('every dataset tab passes axe', async ({ page, baseURL, cspViolations }) => {
      test.setTimeout(120_000)
      const datasets = await (await seededAs(baseURL!, 'steward')).listSeeded()
      const item = datasets.find((d) => d.owner_username === 'steward' && d.history.length >= 2)!
      await signInAs(page, 'steward')
      for (const tab of DATASET_TABS) {
        const path = `/datasets/${item.id}?tab=${tab.value}`
        await page.goto(path)
        await settled(page, new RegExp(escape(item.display_name)), path)
        await expect(page.getByRole('tab', { name: tab.title, selected: true })).toBeVisible()
        await expectNoAxeViolations(page)
        expect(cspViolations, path).toEqual([])
      }
    })

    test('the signed-out pages pass axe', async ({ page }) => {
      await page.goto('/datasets')
      await expect(page).toHaveURL(/silent=failed/)
      await expect(page.getByRole('button', { name: 'Sign in with Provena' })).toBeVisible()
      await expectNoAxeViolations(page)
      await page.getByRole('button', { name: 'Sign in with Provena' }).click()
      await expect(page.getByLabel('Password')).toBeVisible()
      await expectNoAxeViolations(page)
    })

    test('every kind of dialog passes axe: reasons, confirmations, shortcuts', async ({ page, freshDataset, baseURL }) => {
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
  })
}
