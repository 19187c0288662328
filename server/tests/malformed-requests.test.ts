import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, personOf, seededDataset } from './helpers/fixtures'

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

/** Arbitrary JSON, and valid payloads with one field replaced, dropped or misspelt. */
function mutations(valid: Record<string, unknown>) {
  const paths: string[][] = []
  const walk = (value: unknown, path: string[]) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        paths.push([...path, key])
        walk(child, [...path, key])
      }
    }
  }
  walk(valid, [])
  const mutated = fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string({ maxLength: 3 }))).map(([path, replacement]) => {
    const copy = structuredClone(valid)
    let target = copy as Record<string, unknown>
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
    if (replacement === undefined) delete target[path[path.length - 1]]
    else target[path[path.length - 1]] = replacement
    return copy
  })
  return fc.oneof(fc.jsonValue({ maxDepth: 3 }), mutated)
}

const RUNS = 25

describe('malformed and oversized requests', () => {
  it('never answer 5xx and never write, on any write route', async () => {
    const cf = (await examplePayload(t)) as unknown as Record<string, unknown>
    const { item } = await seededDataset(t, "a.owner = 'steward' AND NOT l.locked")
    const routes: [string, string, Record<string, unknown>, Record<string, string>?][] = [
      ['POST', '/data-store/register/mint-dataset', cf],
      ['POST', '/data-store/register/update-metadata', cf, { handle_id: item.id, reason: 'x' }],
      ['PUT', '/data-store/register/revert-metadata', { id: item.id, history_id: 0, reason: 'x' }],
      ['POST', '/data-store/register/version', { id: item.id, reason: 'x' }],
      ['POST', '/data-store/release/approval-request', { dataset_id: item.id, approver_id: 'x', notes: 'x' }],
      ['PUT', '/data-store/release/action-approval-request', { dataset_id: item.id, approve: true, notes: 'x' }],
      ['POST', '/data-store/registry/items/list', { page_size: 5 }],
    ]
    for (const [method, path, valid, query] of routes) {
      await fc.assert(
        fc.asyncProperty(mutations(valid), async (body) => {
          const before = await t.fingerprint()
          const res = await t.as('steward', method, path, { body, query })
          expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500)
          const succeeded = res.status === 200 && (res.body as { status?: { success?: boolean } })?.status?.success !== false
          if (!succeeded) expect(await t.fingerprint(), `${path} wrote on a refusal`).toBe(before)
        }),
        { numRuns: RUNS, seed: 42 },
      )
    }
  })

  it('refuse text PostgreSQL cannot store (NUL, a lone surrogate) with a 422 naming where, writing nothing', async () => {
    const before = await t.fingerprint()
    const cf = await examplePayload(t)
    cf.dataset_info.keywords = ['fine', 'half \udc00 pair']
    const mint = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: cf })
    expect(mint.status).toBe(422)
    expect(mint.body).toEqual({ detail: [{ loc: ['body', 'dataset_info', 'keywords', 1], msg: expect.stringContaining('NUL'), type: 'value_error.str.unstorable' }] })
    const { item } = await seededDataset(t, "a.owner = 'steward' AND NOT l.locked")
    const update = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: item.id, reason: 'a\u0000b' }, body: await examplePayload(t) })
    expect(update.status).toBe(422)
    expect((update.body as { detail: { loc: unknown[] }[] }).detail[0].loc).toEqual(['query', 'reason'])
    // A real pair (an emoji) is text like any other.
    const fine = await t.as('steward', 'POST', '/data-store/metadata/validate-metadata', { body: { ...cf, dataset_info: { ...cf.dataset_info, keywords: ['🧪'] } } })
    expect(fine.status).toBe(200)
    expect(await t.fingerprint()).toBe(before)
  })

  it('answer broken JSON with 422 and oversized bodies with 413', async () => {
    const before = await t.fingerprint()
    const broken = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { raw: '{"associations": ' })
    expect(broken.status).toBe(422)
    expect((broken.body as { detail: { type: string }[] }).detail[0].type).toBe('value_error.jsondecode')
    const huge = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { raw: JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }) })
    expect(huge.status).toBe(413)
    const empty = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { raw: '' })
    expect(empty.status).toBe(422)
    expect(empty.body).toEqual({ detail: [{ loc: ['body'], msg: 'field required', type: 'value_error.missing' }] })
    const form = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.status).toBe(422)
    expect(await t.fingerprint()).toBe(before)
  })

  it('treat an empty body of any content type on a body-less route as no body, as FastAPI does', async () => {
    const person = await personOf(t, 'steward')
    for (const contentType of ['application/x-www-form-urlencoded', 'application/json', 'text/plain']) {
      const res = await t.as('admin', 'POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: person }, raw: '', headers: { 'content-type': contentType } })
      expect(res.status, contentType).toBe(200)
      const anonymous = await t.call('POST', '/data-store/release/sys-reviewers/add', { query: { reviewer_id: person }, raw: '', headers: { 'content-type': contentType } })
      expect(anonymous.status, contentType).toBe(401)
    }
  })
})
