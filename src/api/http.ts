import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios'
import { getConfig } from '@/config'
import { ApiError, softFailure, toApiError } from './errors'

/** Where requests get their bearer token; the auth module provides it, tests provide their own. */
export interface TokenSource {
  /** A current access token (renewing first if it has expired), or null when signed out. */
  getAccessToken(): Promise<string | null>
  /** Called after `rejected` met a 401: whether to replay, with which token, or why not. */
  renewRejectedToken(rejected: string): Promise<RenewalOutcome>
}

export type RenewalOutcome =
  /** Replay once with this token. */
  | { kind: 'renewed'; token: string }
  /** The token could not have expired, so the 401 is a refusal (Provena's answer to a missing role). */
  | { kind: 'still-valid' }
  /** Renewal failed: the session has ended. */
  | { kind: 'ended' }

export type Service = 'dataStore' | 'registry' | 'auth' | 'search'

/** As the Python client: one API Gateway request may take at most 30 s. */
export const REQUEST_TIMEOUT_MS = 30_000
export const MAX_RETRIES = 3
const RETRY_STATUSES = new Set([502, 503, 504])

let tokenSource: TokenSource | null = null
const instances = new Map<Service, AxiosInstance>()

export function setTokenSource(source: TokenSource | null): void {
  tokenSource = source
}

function baseUrl(service: Service): string {
  const config = getConfig()
  return { dataStore: config.dataStoreApi, registry: config.registryApi, auth: config.authApi, search: config.searchApi }[service]
}

/** One axios instance per service, made on first use so the runtime config is loaded by then. */
function client(service: Service): AxiosInstance {
  let instance = instances.get(service)
  if (!instance) {
    instance = axios.create({ baseURL: baseUrl(service), timeout: REQUEST_TIMEOUT_MS })
    instances.set(service, instance)
  }
  return instance
}

/** Forgets the instances (after the configuration changes, e.g. between tests). */
export function resetClients(): void {
  instances.clear()
}

/** Which failures of an idempotent read are worth another try: no response at all, or a gateway error. */
export function isRetryable(error: unknown): boolean {
  if (!axios.isAxiosError(error) || axios.isCancel(error)) return false
  if (!error.response) return error.code !== 'ECONNABORTED' && error.code !== 'ETIMEDOUT'
  return RETRY_STATUSES.has(error.response.status)
}

/** navigator.onLine is false only when the browser is sure there is no network (true can still mean none). */
const knownOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

/** Exponential backoff with full jitter: attempt 1 waits 0-400 ms, 2 waits 0-800 ms, 3 waits 0-1600 ms. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * 400 * 2 ** (attempt - 1))
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new axios.CanceledError())
    })
  })
}

/** Drops null and undefined fields, as the Python client sends bodies (exclude_none). */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    ) as T
  }
  return value
}

/**
 * Sends one request with the bearer token. GETs are retried on network and gateway errors; nothing else is.
 * Provena answers a missing role with 401 too, so a 401 renews and replays once only when the token could have
 * expired; otherwise, and after the replay, it is `forbidden`, never a sign-in loop.
 */
export async function request<T>(service: Service, config: AxiosRequestConfig): Promise<T> {
  const idempotent = (config.method ?? 'GET').toUpperCase() === 'GET'
  const data = config.data === undefined ? undefined : withoutNulls(config.data)
  let token = await tokenSource?.getAccessToken()
  let attempt = 0
  let replayed = false
  for (;;) {
    try {
      const headers = { ...(config.headers as Record<string, string>), ...(token ? { Authorization: `Bearer ${token}` } : {}) }
      const response = await client(service).request<T>({ ...config, data, headers })
      return response.data
    } catch (error) {
      if (axios.isCancel(error)) throw error
      const status = axios.isAxiosError(error) ? error.response?.status : undefined
      if (status === 401 && tokenSource && token) {
        const refused = () => new ApiError('forbidden', 401, toApiError(error).detail)
        if (replayed) throw refused()
        const outcome = await tokenSource.renewRejectedToken(token)
        if (outcome.kind === 'still-valid') throw refused()
        if (outcome.kind === 'ended') throw new ApiError('unauthenticated', 401, 'Your session has ended. Sign in again to continue.')
        replayed = true
        token = outcome.token
        continue
      }
      // A browser that knows it is offline fails at once: retrying would only delay the message by seconds.
      if (idempotent && attempt < MAX_RETRIES && isRetryable(error) && !knownOffline()) {
        attempt++
        await sleep(retryDelay(attempt), config.signal as AbortSignal | undefined)
        continue
      }
      throw toApiError(error)
    }
  }
}

/** For responses wrapped in `{status: {success, details}}`: a false success is a soft failure. */
export function expectSuccess<T extends { status: { success: boolean; details: string } }>(response: T): T {
  if (!response.status.success) throw softFailure(response.status.details)
  return response
}
