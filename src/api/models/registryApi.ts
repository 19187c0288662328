/** Requests and responses of the Registry API calls the console makes (Provena's `RegistryAPI`; contract §5, §8). */
import type { Status } from './common'
import type { DatasetRole, DescribedRole, ItemDataset, ItemOrganisation, ItemPerson, LockEvent, QueryRecordType, ReleasedStatus, SeededItem, SortType } from './registry'

/** Opaque DynamoDB `LastEvaluatedKey`: echo it back unchanged to get the next page; never build one. */
export type PaginationKey = Record<string, unknown>

/** `begins_with` goes with, and only with, ACCESS_INFO_URI_BEGINS_WITH. No sort means updated time, descending. */
export interface SortOptions {
  sort_type?: SortType | null
  ascending?: boolean
  begins_with?: string | null
}

/** `POST /registry/items/list` body; `page_size` defaults to 20. */
export interface NoFilterSubtypeListRequest {
  sort_by?: SortOptions | null
  pagination_key?: PaginationKey | null
  page_size?: number
}

export interface SubtypeFilterOptions {
  record_type?: QueryRecordType
}

/** Registry `/registry/{agent,entity}/<subtype>/list` body. */
export interface SubtypeListRequest extends NoFilterSubtypeListRequest {
  filter_by?: SubtypeFilterOptions | null
}

/**
 * A registry list page. Pages are filtered after the limit, so a page may be short or empty while
 * `pagination_key` is non-null: loop until it is null. Pydantic declares the lists and counts Optional, but
 * every 200 fills them.
 */
export interface GenericListResponse<T> {
  status: Status
  items: T[]
  seed_items: SeededItem[]
  unparsable_items: Record<string, unknown>[]
  total_item_count: number
  complete_item_count: number
  seed_item_count: number
  unparsable_item_count: number
  not_authorised_count: number
  pagination_key?: PaginationKey | null
}

/**
 * Every registry fetch (dataset, Person, Organisation): a miss is a 200 with `success: false`. The Data Store
 * API's fetch-dataset sends no `item_is_seed`.
 */
export interface GenericFetchResponse<T> {
  status: Status
  item?: T | null
  roles?: DatasetRole[] | null
  locked?: boolean | null
  item_is_seed?: boolean | null
}

/** Registry Person fetch (`GET /registry/agent/person/fetch?id=`). */
export type PersonFetchResponse = GenericFetchResponse<ItemPerson>

/** Registry Organisation fetch (`GET /registry/agent/organisation/fetch?id=`). */
export type OrganisationFetchResponse = GenericFetchResponse<ItemOrganisation>

/** Reviewer-queue filter; `release_reviewer` must be the caller's own Person id (else 400/403). */
export interface FilterOptions {
  release_reviewer?: string | null
  release_status?: ReleasedStatus | null
}

/** Registry `POST /registry/entity/dataset/user/releases` body: datasets the caller reviews. */
export interface ListUserReviewingDatasetsRequest {
  filter_by: FilterOptions
  sort_by?: SortOptions | null
  pagination_key?: PaginationKey | null
  page_size?: number
}

/** Reviewer-queue page; `total_dataset_count` counts this page only. */
export interface PaginatedDatasetListResponse {
  status: Status
  dataset_items: ItemDataset[]
  total_dataset_count: number
  pagination_key?: PaginationKey | null
}

/** Body of registry `PUT /locks/lock` and `/locks/unlock`; needs dataset admin. */
export interface LockChangeRequest {
  id: string
  reason: string
}

/** Registry `GET /locks/locked?id=`. */
export interface LockStatusResponse {
  locked: boolean
}

/** Registry `GET /locks/history?id=`. */
export interface LockHistoryResponse {
  status: Status
  history?: LockEvent[] | null
}

/** Registry `GET /auth/evaluate?id=`: the caller's roles on one item. */
export interface DescribeAccessResponse {
  roles: DatasetRole[]
}

/** Registry `GET /auth/roles`: every dataset role with its description. */
export interface AuthRolesResponse {
  roles: DescribedRole[]
}
