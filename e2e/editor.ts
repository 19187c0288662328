import { expect, type Page } from '@playwright/test'

/** The editor of a dataset, open and ready for input. */
export async function openEditor(page: Page, id: string) {
  await page.goto(`/datasets/${id}/edit`)
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible()
}

export const nameField = (page: Page) => page.getByLabel('Dataset name (required)')
export const reasonField = (page: Page) => page.getByLabel('Reason for this change (required)')

/** Waits until the change typed last is in this device's draft, as a reload or crash would find it. */
export async function draftKept(page: Page) {
  await expect(page.getByText('Draft kept on this device.')).toBeVisible()
}
