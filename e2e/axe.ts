import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Runs axe on the whole page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, what?: string) {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
  )
  expect(summary, what).toEqual([])
}
