import { randomUUID } from 'node:crypto'
import { apiAs, examplePayload, personIdOf } from './fixtures'

/** Release requests through the real API, as the steward, to the demo reviewer. */
export async function requestsToReviewer(baseURL: string) {
  const steward = await apiAs(baseURL, 'steward')
  // By account, not the reviewer list's first entry: another test may add a reviewer meanwhile.
  const reviewer = await personIdOf(steward, 'reviewer')
  async function request(id: string, notes = 'Ready for review') {
    await steward.call('POST', '/data-store/release/approval-request', { dataset_id: id, approver_id: reviewer, notes })
  }
  /** Minted and requested, in order; names share a token a filter can isolate. */
  async function mintRequested(count: number) {
    const token = randomUUID().slice(0, 8)
    const organisations = await steward.call<{ items: { id: string }[] }>('POST', '/registry/registry/agent/organisation/list', { page_size: 1 })
    const made: { id: string; name: string }[] = []
    for (let n = 0; n < count; n++) {
      const name = `Triage ${token} ${String.fromCharCode(65 + n)}`
      const { handle } = await steward.call<{ handle: string }>('POST', '/data-store/register/mint-dataset', examplePayload(name, organisations.items[0].id))
      await request(handle)
      made.push({ id: handle, name })
    }
    return { token, made }
  }
  return { steward, reviewer, request, mintRequested }
}
