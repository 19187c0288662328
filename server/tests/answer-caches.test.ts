import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { decodeJwt } from 'jose'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { request } from 'node:http'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload } from './helpers/fixtures'

/**
 * List pages are answered from memory while nothing is written, and tokens that passed are not checked
 * again until they expire: both must be invisible to callers, whatever is written in between.
 */
let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())
afterEach(() => vi.useRealTimers())

interface ListAnswer {
  items: { id: string; display_name: string }[]
}
const NEWEST_FIRST = { sort_by: { sort_type: 'CREATED_TIME', ascending: false }, page_size: 10 }
const list = async (user: string) => {
  const answer = await t.as(user, 'POST', '/data-store/registry/items/list', { body: NEWEST_FIRST })
  expect(answer.status).toBe(200)
  return (answer.body as ListAnswer).items
}

async function mint(name: string) {
  const cf = await examplePayload(t)
  cf.dataset_info.name = name
  const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: cf })
  return { handle: (minted.body as { handle: string }).handle, cf }
}

/** The raw bytes and headers of a POST, so the encoding on the wire is seen before anything decodes it. */
function rawPost(path: string, token: string, body: unknown, acceptEncoding?: string) {
  return new Promise<{ encoding: string | undefined; vary: string | undefined; bytes: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    if (acceptEncoding) headers['accept-encoding'] = acceptEncoding
    const sent = request(new URL(path, t.baseUrl), { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary as string | undefined, bytes: Buffer.concat(chunks) }),
      )
    })
    sent.on('error', reject)
    sent.end(JSON.stringify(body))
  })
}

describe('list pages answered again', () => {
  it('show a new dataset, a renamed one and changed access at once', async () => {
    const before = await list('reader')
    expect(await list('reader')).toEqual(before)

    const { handle, cf } = await mint('Cache check, first name')
    expect((await list('reader'))[0]).toMatchObject({ id: handle, display_name: 'Cache check, first name' })

    cf.dataset_info.name = 'Cache check, second name'
    const renamed = await t.as('steward', 'POST', '/data-store/register/update-metadata', { query: { handle_id: handle, reason: 'rename' }, body: cf })
    expect(renamed.status).toBe(200)
    expect((await list('reader'))[0]).toMatchObject({ id: handle, display_name: 'Cache check, second name' })

    const hidden = await t.as('steward', 'PUT', '/registry/registry/entity/dataset/auth/configuration', {
      query: { id: handle },
      body: { owner: 'steward', general: [], groups: {} },
    })
    expect(hidden.status).toBe(200)
    expect((await list('reader')).map((item) => item.id)).not.toContain(handle)
    // The same query by another caller is that caller's own page: the owner still sees it.
    expect((await list('steward'))[0].id).toBe(handle)
  })

  it('go out compressed for clients that ask, the same JSON in every encoding', async () => {
    const token = await t.tokenFor('steward')
    const path = '/data-store/registry/items/list'
    const plain = await rawPost(path, token, NEWEST_FIRST)
    expect(plain.encoding).toBeUndefined()
    const br = await rawPost(path, token, NEWEST_FIRST, 'gzip, deflate, br')
    const gzip = await rawPost(path, token, NEWEST_FIRST, 'gzip')
    expect([br.encoding, gzip.encoding]).toEqual(['br', 'gzip'])
    expect(br.vary).toMatch(/accept-encoding/i)
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3)
    expect(JSON.parse(brotliDecompressSync(br.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()))
    expect(JSON.parse(gunzipSync(gzip.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()))
  })
})

describe('tokens verified once', () => {
  it('are refused once expired, past the 60 s leeway, though they passed before', async () => {
    const token = await t.tokenFor('reader')
    const fetchSchema = () => t.call('GET', '/data-store/metadata/dataset-schema', { token })
    expect((await fetchSchema()).status).toBe(200)
    const { exp } = decodeJwt(token)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime((exp! + 59) * 1000)
    expect((await fetchSchema()).status).toBe(200)
    vi.setSystemTime((exp! + 61) * 1000)
    expect(await fetchSchema()).toMatchObject({ status: 401, body: { detail: 'Could not validate credentials' } })
  })
})
