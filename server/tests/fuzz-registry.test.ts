import { afterAll, beforeAll, describe, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'
import { FUZZ_RUNS, fuzzRoutes, stewardDatasets } from './helpers/fuzz'

/** The registry's write routes (locks, access settings), its list routes and the storage credentials. */
let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe(`registry and storage routes under ${FUZZ_RUNS} generated requests each`, () => {
  it('never answer 5xx, and no refusal writes', { timeout: 900_000 }, async () => {
    const [locked, unlocked, configured, files] = await stewardDatasets(t, 4)
    // Unlocking needs a lock to undo; the lock route's own successes come and go during its run.
    await t.as('steward', 'PUT', '/registry/registry/entity/dataset/locks/lock', { body: { id: unlocked, reason: 'to unlock' } })
    const settings = (await t.as('steward', 'GET', '/registry/registry/entity/dataset/auth/configuration', { query: { id: configured } })).body
    await fuzzRoutes(
      t,
      [
        { method: 'POST', path: '/registry/registry/agent/person/list', user: 'steward', body: { page_size: 5 } },
        { method: 'POST', path: '/registry/registry/agent/organisation/list', user: 'steward', body: { page_size: 5 } },
        { method: 'PUT', path: '/registry/registry/entity/dataset/locks/lock', user: 'steward', body: { id: locked, reason: 'fuzz' } },
        { method: 'PUT', path: '/registry/registry/entity/dataset/locks/unlock', user: 'steward', body: { id: unlocked, reason: 'fuzz' } },
        { method: 'PUT', path: '/registry/registry/entity/dataset/auth/configuration', user: 'steward', body: settings, query: { id: configured } },
        { method: 'POST', path: '/data-store/registry/items/generate-presigned-url', user: 'steward', body: { dataset_id: files, file_path: 'README.md', expires_in: 3600 } },
        { method: 'POST', path: '/data-store/registry/credentials/generate-read-access-credentials', user: 'steward', body: { dataset_id: files, console_session_required: false } },
        { method: 'POST', path: '/data-store/registry/credentials/generate-write-access-credentials', user: 'steward', body: { dataset_id: files, console_session_required: false } },
      ],
      2000,
    )
  })
})
