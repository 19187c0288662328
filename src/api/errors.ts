import axios from 'axios'
import type { ValidationErrorDetail } from './models/common'

/** What went wrong, in the terms a view decides on (the README maps each to the Python client's exception). */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthenticated'
  | 'forbidden'
  | 'bad-request'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'server'
  | 'soft-failure'

/** One field FastAPI refused (422), located in the request without the 'body'/'query' prefix. */
export interface FieldError {
  /** Dotted path of the field, e.g. "dataset_info.access_info.uri"; "" for the whole body. */
  path: string
  message: string
  type: string
}

/** Every failure of the API module: HTTP statuses, transport failures and soft failures alike. */
export class ApiError extends Error {
  readonly name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    /** The HTTP status, or null when no response came back. */
    readonly status: number | null,
    /** The server's explanation (FastAPI's `detail`) or a plain description. */
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail)
  }
}

const LOCATION_PARTS = new Set(['body', 'query', 'path', 'header'])

function fieldErrorsOf(detail: unknown): FieldError[] {
  if (!Array.isArray(detail)) return []
  return detail.map((entry: Partial<ValidationErrorDetail>) => {
    const loc = (entry.loc ?? []).filter((part, i) => !(i === 0 && LOCATION_PARTS.has(String(part))))
    return { path: loc.join('.'), message: entry.msg ?? 'Invalid value', type: entry.type ?? 'value_error' }
  })
}

function detailOf(data: unknown, fallback: string): string {
  if (data && typeof data === 'object' && 'detail' in data) {
    const detail = (data as { detail: unknown }).detail
    if (typeof detail === 'string' && detail) return detail
    const fields = fieldErrorsOf(detail)
    if (fields.length) return fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ')
  }
  if (typeof data === 'string' && data.trim() && data.length < 500) return data.trim()
  return fallback
}

function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 409) return 'conflict'
  if (status === 422) return 'validation'
  if (status >= 500) return 'server'
  return 'bad-request'
}

/** Turns whatever axios threw into one ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (axios.isAxiosError(error)) {
    const response = error.response
    if (!response) {
      if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
        return new ApiError('timeout', null, 'The server did not answer in time.')
      }
      return new ApiError('network', null, 'The server could not be reached. Check your connection and try again.')
    }
    const status = response.status
    return new ApiError(kindOfStatus(status), status, detailOf(response.data, `The server answered ${status}.`), status === 422 ? fieldErrorsOf((response.data as { detail?: unknown })?.detail) : [])
  }
  return new ApiError('network', null, error instanceof Error ? error.message : String(error))
}

/** A 200 whose `status.success` is false: the Python client raises on it, and so do we. */
export function softFailure(details: string): ApiError {
  return new ApiError('soft-failure', 200, details)
}

/** True for a request the caller cancelled (AbortSignal): not a failure to show. */
export function isCancelled(error: unknown): boolean {
  return axios.isCancel(error) || (error instanceof DOMException && error.name === 'AbortError')
}

const NOT_FOUND_OR_HIDDEN = new Set<ApiErrorKind>(['bad-request', 'forbidden', 'not-found', 'soft-failure'])

/**
 * A fetch by id that failed because the item does not exist or the caller may not see it: Provena answers
 * an unknown dataset with 400, a hidden one with 401 (forbidden after the replay), and the registry an
 * unknown Person or Organisation with a 200 whose success is false. Nothing there is worth retrying.
 */
export function isNotFoundOrHidden(error: ApiError | null): boolean {
  return error !== null && NOT_FOUND_OR_HIDDEN.has(error.kind)
}
