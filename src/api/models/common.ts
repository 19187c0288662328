/**
 * Wire models shared by every Provena API (Provena's `SharedTypes`), plus the one or two models each of the
 * auth and search APIs. Field names are the wire's snake_case on purpose: there is no mapping layer. FastAPI
 * sends optional fields as explicit `null` and accepts them omitted, so an optional field is
 * `field?: T | null`; fields with a server-side default are always sent, so they are plain.
 */

/** A calendar date as the wire writes it, ISO 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string

/** An ISO-8601 date-time with an offset, e.g. STS credential expiry. */
export type IsoDateTime = string

/** Integer Unix seconds, as every Provena timestamp is. */
export type UnixSeconds = number

/** Keycloak realm roles the data store checks (all-of); tokens carry others, hence `User.roles: string[]`. */
export const REALM_ROLES = [
  'entity-registry-read', 'entity-registry-write', 'entity-registry-admin',
  'sys-admin-read', 'sys-admin-write', 'sys-admin-admin',
] as const

export type RealmRole = (typeof REALM_ROLES)[number]

/** Outcome of an operation; `success: false` on a 200 is a soft failure. */
export interface Status {
  success: boolean
  details: string
}

/** A body that carries only a status (revert, lock, access-settings update). */
export interface StatusResponse {
  status: Status
}

/** FastAPI's 422 body entry; `loc` is the path to the offending field, e.g. ['body', 'dataset_info', 'name']. */
export interface ValidationErrorDetail {
  loc: (string | number)[]
  msg: string
  type: string
}

/** Every error body: a string for raised errors, a list for request validation (422). */
export interface HTTPErrorBody {
  detail: string | ValidationErrorDetail[]
}

/** JSON Schema as pydantic v1 emits it (`definitions` + `$ref`); loose, so unknown keywords pass through. */
export interface JsonSchema {
  title?: string
  description?: string
  type?: string | string[]
  format?: string
  default?: unknown
  $ref?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  additionalProperties?: boolean | JsonSchema
  definitions?: Record<string, JsonSchema>
  [keyword: string]: unknown
}

/** Auth API `GET /link/user/lookup?username=`: the Person a user is linked to, if any. */
export interface UserLinkLookupResponse {
  success: boolean
  person_id?: string | null
}

/** One search hit; fetch the id from the registry to show it. */
export interface SearchResult {
  id: string
  score: number
}

/** Search API `GET /search/entity-registry`: hits best first. */
export interface QueryResults {
  status: Status
  results?: SearchResult[] | null
  warnings?: string[] | null
}
