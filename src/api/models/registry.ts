/**
 * The registry's records (Provena's `RegistryModels`): enumerations, the dataset metadata (CollectionFormat,
 * contract §4.2) and the items that carry it (§4.5). Where a UI lists an enumeration's values, the constant is
 * the source and the union is derived from it.
 */
import type { IsoDate, UnixSeconds } from './common'

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

/** Where a dataset's files live in the store's bucket. */
export interface S3Location {
  bucket_name: string
  /** e.g. `datasets/10378-1-1451860/` */
  path: string
  s3_uri: string
}

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
