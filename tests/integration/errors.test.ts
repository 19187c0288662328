import { describe, expect, it } from 'vitest'
import { checkGeneralAccess, checkReadAccess, checkWriteAccess, fetchDataset, generateWriteAccessCredentials, listDatasets, mintDataset } from '@/api/datastore'
import { ApiError } from '@/api/errors'
import { MAX_RETRIES, request, setTokenSource } from '@/api/http'
import type { CollectionFormat } from '@/api/models/registry'
import { approvalRequest } from '@/api/review'
import { sessionTokenSource } from '@/auth/tokenSource'
import { actAs, apiErrorOf, configure, countingSource, recordRequests, signedOut, tokenFor, useStack } from './harness'
import { datesOutOfOrder, examplePayload, personOf, seededDataset } from '../../server/tests/helpers/fixtures'
import { freePort } from '../../server/tests/helpers/stack'

const h = useStack()

// Not provoked here: 'timeout' (REQUEST_TIMEOUT_MS is a fixed 30 s and the local stack always answers in time)
// and 'conflict' (the Data Store API never answers 409).

describe('error kinds against the real stack', () => {
  it("'bad-request': fetching an unknown dataset is 400 (Provena's not-found)", async () => {
    await actAs('steward')
    const error = await apiErrorOf(fetchDataset('10378.1/999999999'))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'bad-request', status: 400 })
    expect(error.detail).toMatch(/^The registry API responded with status success False during dataset fetching/)
  })

  it("'unauthenticated': signed out, the API answers 401 Not authenticated", async () => {
    signedOut()
    const error = await apiErrorOf(checkGeneralAccess())
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'unauthenticated', status: 401, detail: 'Not authenticated' })
  })

  it("'unauthenticated': a rejected token whose renewal fails ends the session after one renewal", async () => {
    const source = countingSource(() => 'not-a-real-token', () => null)
    setTokenSource(source)
    const error = await apiErrorOf(checkReadAccess())
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'unauthenticated', status: 401 })
    expect(source.renewals).toBe(1)
  })

  it("'forbidden': a 401 for a missing role is replayed once with the renewed token, then is forbidden (401)", async () => {
    const token = await tokenFor('reader')
    const source = countingSource(() => token, () => token)
    setTokenSource(source)
    const recorder = recordRequests()
    try {
      const error = await apiErrorOf(checkWriteAccess())
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ kind: 'forbidden', status: 401 })
      expect(error.detail).toBe("You are not authorised to access this resource as you don't have the correct role.")
      expect(source.renewals).toBe(1)
      expect(recorder.requests).toHaveLength(2)
    } finally {
      recorder.stop()
    }
  })

  it("'forbidden': write credentials for a dataset pending review are 403", async () => {
    await actAs('steward')
    const id = (await mintDataset((await examplePayload(h.t)) as CollectionFormat)).handle as string
    await approvalRequest({ dataset_id: id, approver_id: await personOf(h.t, 'reviewer'), notes: 'Please review' })
    const error = await apiErrorOf(generateWriteAccessCredentials({ dataset_id: id, console_session_required: false }))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 })
    expect(error.detail).toBe(`Dataset ${id} is pending review or is released. Cannot modify dataset files while a review is ongoing.`)
  })

  it("'not-found': a path the API does not have is 404", async () => {
    await actAs('reader')
    const error = await apiErrorOf(request('dataStore', { method: 'GET', url: '/nope' }))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'not-found', status: 404 })
  })

  it("'validation': an extra metadata field is 422 with field errors located without the 'body' prefix", async () => {
    await actAs('steward')
    const before = await h.t.fingerprint()
    const cf = (await examplePayload(h.t)) as CollectionFormat
    const withExtra = { ...cf, dataset_info: { ...cf.dataset_info, custom_field: 'Additional info' } } as CollectionFormat
    const error = await apiErrorOf(mintDataset(withExtra))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'validation', status: 422 })
    expect(error.fieldErrors).toEqual([{ path: 'dataset_info.custom_field', message: 'extra fields not permitted', type: 'value_error.extra' }])
    expect(error.detail).toBe('dataset_info.custom_field: extra fields not permitted')
    expect(await h.t.fingerprint()).toBe(before)
  })

  it("'soft-failure': a published date before the created date is a 200 whose status.success is false", async () => {
    await actAs('steward')
    const before = await h.t.fingerprint()
    const error = await apiErrorOf(mintDataset((await datesOutOfOrder(h.t)) as CollectionFormat))
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'soft-failure', status: 200 })
    expect(error.detail).toMatch(/^Failed field value validation/)
    expect(await h.t.fingerprint()).toBe(before)
  })

  it("'server': listing by release timestamp is a 500, not retried", async () => {
    await actAs('admin')
    const recorder = recordRequests()
    try {
      const error = await apiErrorOf(listDatasets({ sort_by: { sort_type: 'RELEASE_TIMESTAMP' } }))
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ kind: 'server', status: 500 })
      expect(recorder.requests).toHaveLength(1)
    } finally {
      recorder.stop()
    }
  })

  it("'network': nothing listening; a GET is retried with backoff, a POST is not", async () => {
    await actAs('steward')
    const recorder = recordRequests()
    configure(`http://127.0.0.1:${await freePort()}`)
    try {
      const started = Date.now()
      const error = await apiErrorOf(checkGeneralAccess())
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ kind: 'network', status: null })
      expect(recorder.requests).toHaveLength(1 + MAX_RETRIES)
      expect(Date.now() - started).toBeLessThan(10_000)

      recorder.requests.length = 0
      const post = await apiErrorOf(mintDataset((await examplePayload(h.t)) as CollectionFormat))
      expect(post).toMatchObject({ kind: 'network', status: null })
      expect(recorder.requests).toHaveLength(1)
    } finally {
      recorder.stop()
      configure(h.baseUrl)
    }
  })
})

describe('renew and replay', () => {
  it('an invalid token is renewed once and the request replayed with the real one', async () => {
    const real = await tokenFor('reader')
    const source = countingSource(() => 'expired-or-garbage', () => real)
    setTokenSource(source)
    const recorder = recordRequests()
    try {
      const user = await checkReadAccess()
      expect(user).toMatchObject({ username: 'reader', access_token: real })
      expect(source.gets).toBe(1)
      expect(source.renewals).toBe(1)
      expect(recorder.requests.map((r) => r.authorization)).toEqual(['Bearer expired-or-garbage', `Bearer ${real}`])
    } finally {
      recorder.stop()
    }
  })
})

describe('the session token source against the real stack', () => {
  /** The signed-in session as oidc-client-ts would store it, for a real token of `username`. */
  async function sessionOf(username: string) {
    const access_token = await tokenFor(username)
    const { exp } = JSON.parse(Buffer.from(access_token.split('.')[1], 'base64url').toString()) as { exp: number }
    let renewals = 0
    const source = sessionTokenSource({
      readUser: () => ({ access_token, expires_at: exp, profile: {} }),
      renew: async () => {
        renewals++
        return null
      },
    })
    return { source, renewals: () => renewals }
  }

  it('hidden datasets answer 401 to a fresh token: each is forbidden at once, with no renewal and no replay', async () => {
    const { item } = await seededDataset(h.t, "a.general = '[]'::jsonb AND a.owner <> 'reader' AND a.groups = '{}'::jsonb")
    const { source, renewals } = await sessionOf('reader')
    setTokenSource(source)
    const recorder = recordRequests()
    try {
      const errors = await Promise.all(Array.from({ length: 6 }, () => apiErrorOf(fetchDataset(item.id))))
      for (const error of errors) expect(error).toMatchObject({ kind: 'forbidden', status: 401 })
      expect(renewals()).toBe(0)
      expect(recorder.requests).toHaveLength(6)
    } finally {
      recorder.stop()
    }
  })
})

