import { afterAll, beforeAll, describe, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload } from './helpers/fixtures'
import { FUZZ_RUNS, fuzzRoutes, stewardDatasets } from './helpers/fuzz'

/** The metadata routes under generated bad bodies and query strings. */
let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe(`metadata routes under ${FUZZ_RUNS} generated requests each`, () => {
  it('never answer 5xx, and no refusal writes', { timeout: 600_000 }, async () => {
    const cf = await examplePayload(t)
    const [updated, reverted, versioned] = await stewardDatasets(t, 3)
    await fuzzRoutes(
      t,
      [
        { method: 'POST', path: '/data-store/metadata/validate-metadata', user: 'steward', body: cf },
        { method: 'POST', path: '/data-store/register/mint-dataset', user: 'steward', body: cf },
        { method: 'POST', path: '/data-store/register/update-metadata', user: 'steward', body: cf, query: { handle_id: updated, reason: 'fuzz' } },
        { method: 'PUT', path: '/data-store/register/revert-metadata', user: 'steward', body: { id: reverted, history_id: 0, reason: 'fuzz' } },
        { method: 'POST', path: '/data-store/register/version', user: 'steward', body: { id: versioned, reason: 'fuzz' } },
      ],
      1800,
    )
  })
})
