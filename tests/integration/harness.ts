/// <reference types="node" />
/**
 * Integration harness: the console's API module (src/api) against the real local stack, in Node, with real
 * tokens from the stack's OIDC provider. Call `useStack()` once at the top of a test file: it starts a fresh
 * stack (in-memory database, its own copy of the run's demo data) before the file's tests, points the runtime
 * config at it and closes it afterwards.
 */
import axios from 'axios'
import { afterAll, beforeAll, vi } from 'vitest'
import { setConfig, type AppConfig } from '@/config'
import { ApiError } from '@/api/errors'
import { resetClients, setTokenSource, type RenewalOutcome, type TokenSource } from '@/api/http'
import { startTestStack, type TestStack } from '../../server/tests/helpers/stack'

export interface Harness {
  /** The running stack (set before the first test runs). */
  t: TestStack
  baseUrl: string
}

let current: TestStack | undefined

/** The console configuration for a stack at `baseUrl` (the service paths of the local stack). */
export function configFor(baseUrl: string): AppConfig {
  return {
    dataStoreApi: `${baseUrl}/data-store`,
    registryApi: `${baseUrl}/registry`,
    authApi: `${baseUrl}/auth-api`,
    searchApi: `${baseUrl}/search-api`,
    oidc: { authority: `${baseUrl}/auth/realms/provena`, clientId: 'datastore-console', scope: 'openid profile email' },
    storage: { endpoint: `${baseUrl}/s3`, region: 'ap-southeast-2' },
    handleResolver: 'https://hdl.handle.net/',
  }
}

/** Points the API module at `baseUrl` and drops the cached axios instances. */
export function configure(baseUrl: string): void {
  setConfig(configFor(baseUrl))
  resetClients()
}

/** Starts one stack for the test file; the returned object is filled in by the time tests run. */
export function useStack(): Harness {
  const harness = {} as Harness
  beforeAll(async () => {
    current = await startTestStack()
    harness.t = current
    harness.baseUrl = current.baseUrl
    configure(current.baseUrl)
  })
  afterAll(async () => {
    setTokenSource(null)
    resetClients()
    await current?.close()
    current = undefined
  })
  return harness
}

function stack(): TestStack {
  if (!current) throw new Error('The test stack is not running: call useStack() at the top of the test file.')
  return current
}

/** A real access token for a demo user (password = name), signed in through the stack's login page. */
export function tokenFor(username: string): Promise<string> {
  return stack().tokenFor(username)
}

/** Makes the API module send `username`'s real token; renewal is not possible (a 401 then means the session ended). */
export async function actAs(username: string): Promise<string> {
  const token = await tokenFor(username)
  setTokenSource({ getAccessToken: async () => token, renewRejectedToken: async () => ({ kind: 'ended' }) })
  return token
}

/** Makes the API module send no token at all. */
export function signedOut(): void {
  setTokenSource({ getAccessToken: async () => null, renewRejectedToken: async () => ({ kind: 'ended' }) })
}

/** A token source that counts its calls and renews after every 401 (as for an expired token), for the renew-and-replay tests. */
export function countingSource(get: () => string | null, renew: () => string | null): TokenSource & { gets: number; renewals: number } {
  const source = {
    gets: 0,
    renewals: 0,
    async getAccessToken() {
      source.gets++
      return get()
    },
    async renewRejectedToken(): Promise<RenewalOutcome> {
      source.renewals++
      const token = renew()
      return token ? { kind: 'renewed', token } : { kind: 'ended' }
    },
  }
  return source
}

/** Runs `call` and returns the ApiError it rejected with (fails if it resolved or threw something else). */
export async function apiErrorOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call
  } catch (error) {
    if (error instanceof ApiError) return error
    throw new Error(`Expected an ApiError, got ${String(error)}`, { cause: error })
  }
  throw new Error('Expected the call to fail with an ApiError, but it succeeded.')
}

/** One request as the API module handed it to axios (after its own processing, before axios serialises it). */
export interface SentRequest {
  baseURL: string
  method: string
  url: string
  params: Record<string, unknown> | undefined
  data: unknown
  authorization: string | undefined
}

/**
 * Records every request the API module sends, by wrapping `axios.create` so each per-service instance gets a
 * request interceptor. Clients are reset so the wrapped factory is used; `stop()` undoes both.
 */
export function recordRequests(): { requests: SentRequest[]; stop(): void } {
  const requests: SentRequest[] = []
  const create = axios.create.bind(axios)
  const spy = vi.spyOn(axios, 'create').mockImplementation((config) => {
    const instance = create(config)
    instance.interceptors.request.use((sent) => {
      const authorization = sent.headers.get('Authorization')
      requests.push({
        baseURL: sent.baseURL ?? '',
        method: (sent.method ?? 'get').toUpperCase(),
        url: sent.url ?? '',
        params: sent.params as Record<string, unknown> | undefined,
        data: sent.data,
        authorization: typeof authorization === 'string' ? authorization : undefined,
      })
      return sent
    })
    return instance
  })
  resetClients()
  return {
    requests,
    stop() {
      spy.mockRestore()
      resetClients()
    },
  }
}
