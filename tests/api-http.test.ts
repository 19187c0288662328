import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios'
import { parseConfig, setConfig } from '@/config'
import { expectSuccess, isRetryable, request, resetClients, retryDelay, setTokenSource, withoutNulls, type RenewalOutcome } from '@/api/http'
import { ApiError } from '@/api/errors'
import { singleFlight } from '@/auth/singleFlight'
import type { StoredUser } from '@/auth/storedUser'
import { sessionTokenSource } from '@/auth/tokenSource'

const { config } = parseConfig({
  dataStoreApi: 'http://stack.test/data-store',
  registryApi: 'http://stack.test/registry',
  authApi: 'http://stack.test/auth-api',
  searchApi: 'http://stack.test/search-api',
  oidc: { authority: 'http://stack.test/auth/realms/provena', clientId: 'c' },
})

type Outcome = { status: number; data?: unknown } | 'network'

/** An axios adapter that answers from a script and records what was sent. */
function scriptedAdapter(outcomes: Outcome[]) {
  const sent: InternalAxiosRequestConfig[] = []
  const adapter: AxiosAdapter = async (requestConfig) => {
    sent.push(requestConfig)
    const outcome = outcomes[Math.min(sent.length - 1, outcomes.length - 1)]
    if (outcome === 'network') throw new AxiosError('Network Error', 'ERR_NETWORK', requestConfig)
    const response = { status: outcome.status, statusText: '', data: outcome.data ?? {}, headers: new AxiosHeaders(), config: requestConfig }
    if (outcome.status >= 400) throw new AxiosError('failed', 'ERR_BAD_RESPONSE', requestConfig, {}, response)
    return response
  }
  return { adapter, sent }
}

beforeEach(() => {
  setConfig(config!)
  resetClients()
  setTokenSource(null)
  vi.spyOn(Math, 'random').mockReturnValue(0)
})
afterEach(() => vi.restoreAllMocks())

describe('retry rules', () => {
  it('retries a GET up to three times on network and gateway errors, then succeeds', async () => {
    const { adapter, sent } = scriptedAdapter(['network', { status: 502 }, { status: 504 }, { status: 200, data: { ok: true } }])
    await expect(request('dataStore', { method: 'GET', url: '/', adapter })).resolves.toEqual({ ok: true })
    expect(sent).toHaveLength(4)
  })

  it('does not retry a network failure while the browser says it is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const { adapter, sent } = scriptedAdapter(['network', { status: 200, data: { ok: true } }])
    await expect(request('dataStore', { method: 'GET', url: '/', adapter })).rejects.toMatchObject({ kind: 'network' })
    expect(sent).toHaveLength(1)
  })

  it('gives up after three retries with the last error', async () => {
    const { adapter, sent } = scriptedAdapter([{ status: 503, data: { detail: 'down' } }])
    await expect(request('dataStore', { method: 'GET', url: '/', adapter })).rejects.toMatchObject({ kind: 'server', status: 503, detail: 'down' })
    expect(sent).toHaveLength(4)
  })

  it('never retries POST, PUT or DELETE, nor a GET that failed for another reason', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const { adapter, sent } = scriptedAdapter(['network', { status: 200 }])
      await expect(request('dataStore', { method, url: '/x', data: {}, adapter })).rejects.toMatchObject({ kind: 'network' })
      expect(sent, method).toHaveLength(1)
    }
    const { adapter, sent } = scriptedAdapter([{ status: 500 }, { status: 200 }])
    await expect(request('dataStore', { method: 'GET', url: '/', adapter })).rejects.toMatchObject({ kind: 'server', status: 500 })
    expect(sent).toHaveLength(1)
  })

  it('classifies what is retryable and backs off exponentially with full jitter', () => {
    expect(isRetryable(new AxiosError('Network Error', 'ERR_NETWORK'))).toBe(true)
    expect(isRetryable(new AxiosError('timeout', 'ECONNABORTED'))).toBe(false)
    expect(isRetryable(new Error('x'))).toBe(false)
    expect([1, 2, 3].map((attempt) => retryDelay(attempt, () => 1))).toEqual([400, 800, 1600])
    expect(retryDelay(3, () => 0)).toBe(0)
  })
})

describe('tokens, 401 and replay', () => {
  it('sends the bearer token and drops null fields from bodies, as the Python client does', async () => {
    setTokenSource({ getAccessToken: async () => 'token-1', renewRejectedToken: async () => ({ kind: 'ended' }) })
    const { adapter, sent } = scriptedAdapter([{ status: 200 }])
    await request('dataStore', { method: 'POST', url: '/registry/items/list', data: { page_size: 20, pagination_key: null, sort_by: { begins_with: null, ascending: true } }, adapter })
    expect(sent[0].headers.Authorization).toBe('Bearer token-1')
    expect(JSON.parse(sent[0].data as string)).toEqual({ page_size: 20, sort_by: { ascending: true } })
    expect(withoutNulls([{ a: null, b: [1, null] }])).toEqual([{ b: [1, null] }])
  })

  it('renews once on 401 and replays once; a second 401 is forbidden, never a loop', async () => {
    const renew = vi.fn(async (): Promise<RenewalOutcome> => ({ kind: 'renewed', token: 'token-2' }))
    setTokenSource({ getAccessToken: async () => 'token-1', renewRejectedToken: renew })
    const ok = scriptedAdapter([{ status: 401 }, { status: 200, data: 'done' }])
    await expect(request('dataStore', { method: 'POST', url: '/x', adapter: ok.adapter })).resolves.toBe('done')
    expect(ok.sent.map((c) => c.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
    const refused = scriptedAdapter([{ status: 401, data: { detail: "You are not authorised to access this resource as you don't have the correct role." } }])
    const error = await request('dataStore', { method: 'GET', url: '/x', adapter: refused.adapter }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'forbidden', status: 401 })
    expect(refused.sent).toHaveLength(2)
  })

  it('reports an ended session when renewal fails', async () => {
    setTokenSource({ getAccessToken: async () => 'token-1', renewRejectedToken: async () => ({ kind: 'ended' }) })
    const { adapter } = scriptedAdapter([{ status: 401 }])
    await expect(request('dataStore', { method: 'GET', url: '/x', adapter })).rejects.toMatchObject({ kind: 'unauthenticated', status: 401 })
  })

  it('does not replay a 401 when the token source says the token could not have expired', async () => {
    setTokenSource({ getAccessToken: async () => 'token-1', renewRejectedToken: async () => ({ kind: 'still-valid' }) })
    const { adapter, sent } = scriptedAdapter([{ status: 401, data: { detail: 'no access' } }])
    await expect(request('dataStore', { method: 'GET', url: '/x', adapter })).rejects.toMatchObject({ kind: 'forbidden', status: 401, detail: 'no access' })
    expect(sent).toHaveLength(1)
  })

})

describe('the session token source after a 401', () => {
  const NOW = 1_800_000_000
  /** A session whose token expires `left` seconds from NOW; renewal (single flight) yields a token good for 300 s. */
  function session(left: number) {
    let user: StoredUser | null = { access_token: 'first', expires_at: NOW + left, profile: {} }
    let renewals = 0
    const renew = singleFlight(async () => {
      renewals++
      await new Promise((resolve) => setTimeout(resolve, 20))
      user = { access_token: `renewed-${renewals}`, expires_at: NOW + 300, profile: {} }
      return user
    })
    const source = sessionTokenSource({ readUser: () => user, renew, now: () => NOW })
    setTokenSource(source)
    return { source, renewals: () => renewals }
  }
  /** The API refuses every token but the renewed one (a fresh token refused means: no access). */
  const acceptsRenewedOnly: AxiosAdapter = async (requestConfig) => {
    const ok = String(requestConfig.headers.Authorization).startsWith('Bearer renewed-')
    const response = { status: ok ? 200 : 401, statusText: '', data: ok ? 'ok' : { detail: 'Registry did not grant access' }, headers: new AxiosHeaders(), config: requestConfig }
    if (!ok) throw new AxiosError('401', 'ERR_BAD_REQUEST', requestConfig, {}, response)
    return response
  }
  const twenty = () => Promise.allSettled(Array.from({ length: 20 }, () => request('dataStore', { method: 'GET', url: '/x', adapter: acceptsRenewedOnly })))

  it('twenty concurrent 401s on a fresh token renew nothing and all come back forbidden', async () => {
    const { renewals } = session(250)
    const results = await twenty()
    expect(renewals()).toBe(0)
    for (const result of results) {
      expect(result.status).toBe('rejected')
      expect((result as PromiseRejectedResult).reason).toMatchObject({ kind: 'forbidden', status: 401, detail: 'Registry did not grant access' })
    }
  })

  it('twenty concurrent 401s on an expired token cause exactly one renewal, and every request is replayed with it', async () => {
    // 30 s left: the client still sends it, but within the APIs' 60 s leeway a skewed clock may have expired it.
    const { renewals } = session(30)
    const results = await twenty()
    expect(renewals()).toBe(1)
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason))).toEqual(Array(20).fill('ok'))
  })

  it('a 401 that arrives after another request renewed replays with the new token without renewing again', async () => {
    const { source, renewals } = session(30)
    await request('dataStore', { method: 'GET', url: '/x', adapter: acceptsRenewedOnly })
    expect(renewals()).toBe(1)
    expect(await source.renewRejectedToken('first')).toEqual({ kind: 'renewed', token: 'renewed-1' })
    expect(renewals()).toBe(1)
  })

  it('a 401 on a token 61 s from expiry is a refusal; after sign-out (another tab) the session has ended', async () => {
    const { source } = session(61)
    expect(await source.renewRejectedToken('first')).toEqual({ kind: 'still-valid' })
    const signedOut = sessionTokenSource({ readUser: () => null, renew: async () => null })
    expect(await signedOut.renewRejectedToken('first')).toEqual({ kind: 'ended' })
  })
})

describe('singleFlight', () => {
  it('shares one run among concurrent callers and starts a new one afterwards', async () => {
    let runs = 0
    const task = singleFlight(async () => ++runs)
    expect(await Promise.all([task(), task(), task()])).toEqual([1, 1, 1])
    expect(await task()).toBe(2)
  })

  it('lets the next caller try again after a failure', async () => {
    let runs = 0
    const task = singleFlight(async () => {
      runs++
      if (runs === 1) throw new Error('first fails')
      return runs
    })
    await expect(Promise.all([task(), task()])).rejects.toThrow('first fails')
    expect(await task()).toBe(2)
  })
})

describe('expectSuccess', () => {
  it('throws a soft failure for status.success false, as the Python client does', () => {
    expect(() => expectSuccess({ status: { success: false, details: 'no creation job was spun off' } })).toThrow(ApiError)
    expect(expectSuccess({ status: { success: true, details: 'ok' }, item: 1 })).toEqual({ status: { success: true, details: 'ok' }, item: 1 })
  })
})
