import { expectNoAxeViolations } from './axe'
import { apiAs, expect, personIdOf, test, type FreshDataset } from './fixtures'
import { editThroughApi } from './history'
import { signInAs } from './session'

/** Every kind of step, through the real APIs: an edit, a lock and unlock, a rejected release, a new version. */
async function liveADatasetsLife(baseURL: string, dataset: FreshDataset) {
  const { api } = await editThroughApi(baseURL, dataset)
  await api.call('PUT', '/registry/registry/entity/dataset/locks/lock', { id: dataset.id, reason: 'Under audit' })
  await api.call('PUT', '/registry/registry/entity/dataset/locks/unlock', { id: dataset.id, reason: 'Audit done' })
  const reviewer = await personIdOf(api, 'reviewer')
  await api.call('POST', '/data-store/release/approval-request', { dataset_id: dataset.id, approver_id: reviewer, notes: 'Ready for release' })
  const reviewing = await apiAs(baseURL, 'reviewer')
  await reviewing.call('PUT', '/data-store/release/action-approval-request', { dataset_id: dataset.id, approve: false, notes: 'Please add a citation' })
  const { new_version_id } = await api.call<{ new_version_id: string }>('POST', '/data-store/register/version', { id: dataset.id, reason: 'Annual refresh' })
  return new_version_id
}

test('one timeline: every step with who and when, filtered by kind, each linked to its detail', async ({ page, freshDataset, baseURL }) => {
  const newVersion = await liveADatasetsLife(baseURL!, freshDataset)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=timeline`)
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' })
  const step = (title: string) => timeline.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) })
  await expect(step(`Version 2 created as ${newVersion}`)).toContainText('Annual refresh')
  await expect(step(`Version 2 created as ${newVersion}`).getByRole('link', { name: 'Open version 2' })).toHaveAttribute('href', `/datasets/${newVersion}?tab=versions`)
  await expect(step('Release rejected')).toContainText('By Riley Reviewer')
  await expect(step('Release rejected')).toContainText('Please add a citation')
  await expect(step('Release requested')).toContainText('Ready for release')
  await expect(step('Unlocked')).toContainText('Audit done')
  // Users are named by their linked Person, with the username beside the name.
  await expect(step('Locked')).toContainText('By Sam Steward (steward)')
  await expect(step('Metadata edited (entry 1)')).toContainText('Keywords and wording')
  await expect(timeline.getByRole('listitem').last()).toContainText('Registered')
  await expectNoAxeViolations(page)

  for (const kind of ['Metadata edits', 'Reverts', 'Versions', 'Release']) await page.getByRole('checkbox', { name: new RegExp(`^${kind} \\(`) }).uncheck()
  await expect(timeline.getByRole('listitem')).toHaveCount(2)
  await expect(page).toHaveURL(/show=lock/)
  await page.getByRole('checkbox', { name: /^Metadata edits \(2\)$/ }).check()
  await step('Metadata edited (entry 1)').getByRole('link', { name: 'What changed in entry 1' }).click()
  await expect(page).toHaveURL(/tab=history&entry=1/)
  await expect(page.getByRole('region', { name: 'What changed' })).toContainText('From entry 0 to entry 1')
})

test('a release step links to its entry in the release history', async ({ page, freshDataset, baseURL }) => {
  await liveADatasetsLife(baseURL!, freshDataset)
  await signInAs(page, freshDataset.owner, `/datasets/${freshDataset.id}?tab=timeline&show=release`)
  const timeline = page.getByRole('list', { name: 'Timeline, newest first' })
  await expect(timeline.getByRole('listitem')).toHaveCount(2)
  await timeline.getByRole('listitem').filter({ hasText: 'Release requested' }).getByRole('link', { name: 'Open in the release history' }).click()
  await expect(page).toHaveURL(/tab=release&event=0/)
  const linked = page.locator('[aria-current="true"]').filter({ hasText: 'Review requested' })
  await expect(linked).toContainText('Ready for release')
})
