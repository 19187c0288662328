/**
 * Wire models of the Provena Data Store API and the registry, auth and search calls the console makes
 * (contract datastore-api.md §4, §5, §8, §12). Field names are the wire's snake_case on purpose: there is no
 * mapping layer. FastAPI sends optional fields as explicit `null` and accepts them omitted, so an optional
 * field is `field?: T | null`; fields with a server-side default are always sent, so they are plain.
 */

/** A calendar date as the wire writes it, ISO 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string
/** An ISO-8601 date-time with an offset, e.g. STS credential expiry. */
export type IsoDateTime = string
/** Integer Unix seconds, as every Provena timestamp is. */
export type UnixSeconds = number

// Enumerations. Where a UI lists the values, the constant is the source and the union is derived from it.

/** Where a dataset is in the release (review) state machine. */
export const RELEASED_STATUSES = ['NOT_RELEASED', 'PENDING', 'RELEASED'] as const
export type ReleasedStatus = (typeof RELEASED_STATUSES)[number]

/** What a release-history entry records. */
export type ReleaseAction = 'REQUEST' | 'APPROVE' | 'REJECT'

export type ItemCategory = 'ACTIVITY' | 'AGENT' | 'ENTITY'

/** Every registry item subtype; the search API's `subtype_filter` takes the same values. */
export const ITEM_SUBTYPES = [
  'WORKFLOW_RUN', 'MODEL_RUN', 'STUDY', 'CREATE', 'VERSION', 'PERSON', 'ORGANISATION', 'SOFTWARE', 'MODEL',
  'WORKFLOW_TEMPLATE', 'MODEL_RUN_WORKFLOW_TEMPLATE', 'DATASET', 'DATASET_TEMPLATE',
] as const
export type ItemSubType = (typeof ITEM_SUBTYPES)[number]

/** A seed item has only its record info; the data store only ever returns complete items. */
export type RecordType = 'SEED_ITEM' | 'COMPLETE_ITEM'

/** Which record types a registry list returns; the registry defaults to COMPLETE_ONLY. */
export type QueryRecordType = 'COMPLETE_ONLY' | 'SEED_ONLY' | 'ALL'

/** List orderings; `RELEASE_TIMESTAMP` only works on the reviewer queue (the DS list answers 500). */
export const SORT_TYPES = ['CREATED_TIME', 'UPDATED_TIME', 'DISPLAY_NAME', 'RELEASE_TIMESTAMP', 'ACCESS_INFO_URI_BEGINS_WITH'] as const
export type SortType = (typeof SORT_TYPES)[number]

/** Per-dataset roles the registry grants (contract §9.3); implied roles are not expanded. */
export const DATASET_ROLES = ['metadata-read', 'metadata-write', 'dataset-data-read', 'dataset-data-write', 'admin'] as const
export type DatasetRole = (typeof DATASET_ROLES)[number]

/** Keycloak realm roles the data store checks (all-of); tokens carry others, hence `User.roles: string[]`. */
export const REALM_ROLES = [
  'entity-registry-read', 'entity-registry-write', 'entity-registry-admin',
  'sys-admin-read', 'sys-admin-write', 'sys-admin-admin',
] as const
export type RealmRole = (typeof REALM_ROLES)[number]

// Shared small models

/** Outcome of an operation; `success: false` on a 200 is a soft failure. */
export interface Status {
  success: boolean
  details: string
}

/** A body that carries only a status (revert, lock, access-settings update). */
export interface StatusResponse {
  status: Status
}

/** Where a dataset's files live in the store's bucket. */
export interface S3Location {
  bucket_name: string
  /** e.g. `datasets/10378-1-1451860/` */
  path: string
  s3_uri: string
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

// CollectionFormat: the dataset metadata (contract §4.2). Every sub-object rejects unknown keys.

/** A consent or approval check; only `relevant === obtained` passes field validation. */
export interface OptionallyRequiredCheck {
  relevant: boolean
  obtained: boolean
}

/** People and organisations behind the dataset (registry ids). */
export interface CollectionFormatAssociations {
  /** Record creator organisation: a registry ORGANISATION id. */
  organisation_id: string
  /** Dataset custodian: a registry PERSON id. */
  data_custodian_id?: string | null
  point_of_contact?: string | null
}

/** The four approval checks; there are no other consent objects. */
export interface CollectionFormatApprovals {
  ethics_registration: OptionallyRequiredCheck
  ethics_access: OptionallyRequiredCheck
  indigenous_knowledge: OptionallyRequiredCheck
  export_controls: OptionallyRequiredCheck
}

/** Reposited (data in the store) forbids `uri`/`description`; not reposited requires both. */
export interface AccessInfo {
  reposited: boolean
  /** RFC 3986 URI with a scheme; mirrored to the item's `access_info_uri`. */
  uri?: string | null
  description?: string | null
}

/** A date that may not apply: `relevant: true` requires `value`, `false` forbids it. */
export interface CreatedDate {
  relevant: boolean
  value?: IsoDate | null
}

/** Same rules as CreatedDate; must not be before the created date. */
export type PublishedDate = CreatedDate

/** Spatial coverage and extent are EWKT (`SRID=4326;POLYGON(...)`); resolution a positive decimal string. */
export interface CollectionFormatSpatialInfo {
  coverage?: string | null
  resolution?: string | null
  extent?: string | null
}

/** Both dates required, begin ≤ end. */
export interface TemporalDurationInfo {
  begin_date: IsoDate
  end_date: IsoDate
}

/** Temporal coverage; `resolution` is an ISO-8601 duration such as P1Y2M10DT2H30M. */
export interface CollectionFormatTemporalInfo {
  duration?: TemporalDurationInfo | null
  resolution?: string | null
}

/** Descriptive metadata; `name` becomes the item's display name. */
export interface CollectionFormatDatasetInfo {
  name: string
  description: string
  access_info: AccessInfo
  /** A registry ORGANISATION id. */
  publisher_id: string
  created_date: CreatedDate
  published_date: PublishedDate
  /** An http(s) licence URL; the wire spells it `license`. */
  license: string
  purpose?: string | null
  rights_holder?: string | null
  usage_limitations?: string | null
  preferred_citation?: string | null
  spatial_info?: CollectionFormatSpatialInfo | null
  temporal_info?: CollectionFormatTemporalInfo | null
  formats?: string[] | null
  keywords?: string[] | null
  user_metadata?: Record<string, string> | null
  /** Legacy and hidden from the schema: pydantic accepts it but the JSON-schema check rejects it. Never send. */
  version?: string | null
}

/** The dataset metadata document (schema title "Dataset Metadata"), body of mint/validate/update. */
export interface CollectionFormat {
  associations: CollectionFormatAssociations
  approvals: CollectionFormatApprovals
  dataset_info: CollectionFormatDatasetInfo
}

// Registry items (contract §4.5)

/** Job session ids of the provenance jobs spun off on create and version. */
export interface WorkflowLinks {
  create_activity_workflow_id?: string | null
  version_activity_workflow_id?: string | null
}

/** Version chain; only the item whose `next_version` is null can be versioned. */
export interface VersioningInfo {
  previous_version?: string | null
  version: number
  /** Present when `previous_version` is. */
  reason?: string | null
  next_version?: string | null
}

/** Fields every registry item has; a seed item has only these. */
export interface RecordInfo {
  /** Handle id, e.g. `10378.1/1451860`; contains `/`, so never put it in a URL path. */
  id: string
  owner_username: string
  created_timestamp: UnixSeconds
  updated_timestamp: UnixSeconds
  item_category: ItemCategory
  item_subtype: ItemSubType
  record_type: RecordType
  workflow_links?: WorkflowLinks | null
  versioning_info?: VersioningInfo | null
}

/** An incomplete item (only in registry list `seed_items`). */
export type SeededItem = RecordInfo

/** One release request or decision; appended, so the list is chronological. */
export interface ReleaseHistoryEntry {
  action: ReleaseAction
  timestamp: UnixSeconds
  /** Person id of the reviewer. */
  approver: string
  /** Person id of the requester; only on REQUEST. */
  requester?: string | null
  notes: string
}

/** A full snapshot of an item's domain info at one update; history is newest first, ids unique. */
export interface HistoryEntry<T> {
  id: number
  timestamp: UnixSeconds
  reason: string
  username: string
  item: T
}

/** The dataset-specific part of the item, also what each history entry snapshots. */
export interface DatasetDomainInfo {
  display_name: string
  user_metadata?: Record<string, string> | null
  collection_format: CollectionFormat
  s3: S3Location
  release_history: ReleaseHistoryEntry[]
  release_status: ReleasedStatus
  /** Person id; kept after approve or reject. */
  release_approver?: string | null
  release_timestamp?: UnixSeconds | null
  access_info_uri?: string | null
}

/** A complete dataset as the registry returns it. */
export interface ItemDataset extends RecordInfo, DatasetDomainInfo {
  history: HistoryEntry<DatasetDomainInfo>[]
}

/** The registry agents a dataset names by id: custodians, reviewers and requesters are Persons; creators and publishers Organisations. */
export type AgentKind = 'person' | 'organisation'

/** A registry Person's own fields (custodians, reviewers, requesters). */
export interface PersonDomainInfo {
  display_name: string
  user_metadata?: Record<string, string> | null
  email: string
  first_name: string
  last_name: string
  orcid?: string | null
  ethics_approved: boolean
}

export interface ItemPerson extends RecordInfo, PersonDomainInfo {
  history: HistoryEntry<PersonDomainInfo>[]
}

/** A registry Organisation's own fields (record creator, publisher). */
export interface OrganisationDomainInfo {
  display_name: string
  user_metadata?: Record<string, string> | null
  name: string
  ror?: string | null
}

export interface ItemOrganisation extends RecordInfo, OrganisationDomainInfo {
  history: HistoryEntry<OrganisationDomainInfo>[]
}

/** Who may do what on an item: `general` applies to every registry user, `groups` maps group id to roles. */
export interface AccessSettings {
  owner: string
  general: DatasetRole[]
  groups: Record<string, DatasetRole[]>
}

/** One lock or unlock of an item. */
export interface LockEvent {
  action_type: 'LOCK' | 'UNLOCK'
  username: string
  email?: string | null
  reason: string
  timestamp: UnixSeconds
}

/** A role with its display text, for an access-settings editor. */
export interface DescribedRole {
  role_display_name: string
  role_name: DatasetRole
  description: string
  also_grants: DatasetRole[]
}

// Data Store API requests and responses (contract §2, §3, §4.1, §4.6)

/** `GET /`. */
export interface HealthCheckResponse {
  message: string
}

/** `GET /metadata/dataset-schema`: the CollectionFormat JSON schema. */
export interface Schema {
  json_schema: JsonSchema
}

/** `GET /registry/items/fetch-dataset`: the item plus the caller's roles on it and its lock state. */
export interface RegistryFetchResponse {
  status: Status
  item?: ItemDataset | null
  roles?: DatasetRole[] | null
  locked?: boolean | null
}

/** `POST /register/mint-dataset`; on a soft failure after seeding, `handle` and `s3_location` are still set. */
export interface MintResponse {
  status: Status
  handle?: string | null
  s3_location?: S3Location | null
  register_create_activity_session_id?: string | null
}

/** `POST /register/update-metadata`. */
export interface UpdateMetadataResponse {
  status: Status
  handle: string
  s3_location: S3Location
}

/** `PUT /register/revert-metadata` body: restore the metadata of history entry `history_id`. */
export interface ItemRevertRequest {
  id: string
  history_id: number
  reason: string
}

/** The Python client's name for ItemRevertRequest. */
export type RevertMetadata = ItemRevertRequest

export type ItemRevertResponse = StatusResponse

/** `POST /register/version` body. */
export interface VersionRequest {
  id: string
  reason: string
}

/** `POST /register/version` result; no status field. */
export interface VersionResponse {
  new_version_id: string
  version_job_session_id: string
}

/** `POST /registry/items/generate-presigned-url` body; `expires_in` is seconds, 1..86400, default 10800. */
export interface PresignedURLRequest {
  dataset_id: string
  file_path: string
  expires_in?: number
}

export interface PresignedURLResponse {
  dataset_id: string
  file_path: string
  presigned_url: string
}

/** Body of both credential routes. */
export interface CredentialsRequest {
  dataset_id: string
  console_session_required: boolean
}

/** Temporary S3 credentials scoped to one dataset. */
export interface Credentials {
  aws_access_key_id: string
  aws_secret_access_key: string
  aws_session_token: string
  expiry: IsoDateTime
}

export interface CredentialResponse {
  status: Status
  credentials: Credentials
  console_session_url?: string | null
}

/** `POST /release/approval-request` body; `approver_id` is a reviewer's Person id. */
export interface ReleaseApprovalRequest {
  dataset_id: string
  approver_id: string
  notes: string
}

export interface ReleaseApprovalRequestResponse {
  dataset_id: string
  approver_id: string
  details: string
}

/** `PUT /release/action-approval-request` body: the designated reviewer approves or rejects. */
export interface ActionApprovalRequest {
  dataset_id: string
  approve: boolean
  notes: string
}

export interface ActionApprovalRequestResponse {
  dataset_id: string
  approved: boolean
  details: string
}

/** `/check-access/*` result; echoes the caller's own token. */
export interface User {
  username: string
  email?: string | null
  /** Realm roles, including ones the console does not know (see RealmRole). */
  roles: string[]
  access_token: string
}

// Listing and pagination (contract §5)

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

/** `POST /registry/items/list` result; one unparsable item anywhere turns the whole call into a 400. */
export type DatasetListResponse = GenericListResponse<ItemDataset>

/** Registry Person fetch (`GET /registry/agent/person/fetch?id=`); a miss is 200 with `success: false`. */
export interface PersonFetchResponse {
  status: Status
  item?: ItemPerson | null
  roles?: DatasetRole[] | null
  locked?: boolean | null
  item_is_seed?: boolean | null
}

/** Registry Organisation fetch (`GET /registry/agent/organisation/fetch?id=`). */
export interface OrganisationFetchResponse {
  status: Status
  item?: ItemOrganisation | null
  roles?: DatasetRole[] | null
  locked?: boolean | null
  item_is_seed?: boolean | null
}

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

// Registry locks and access, auth API, search API (contract §8, §5.3, §12)

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
