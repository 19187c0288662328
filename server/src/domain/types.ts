/** Provena's wire models as the local stack stores and sends them (snake_case, as on the wire). */

export type ReleaseStatus = 'NOT_RELEASED' | 'PENDING' | 'RELEASED'
export type ReleaseAction = 'REQUEST' | 'APPROVE' | 'REJECT'
export type ItemSubType = 'DATASET' | 'PERSON' | 'ORGANISATION'
export type DatasetRole = 'metadata-read' | 'metadata-write' | 'admin' | 'dataset-data-read' | 'dataset-data-write'

export interface Status {
  success: boolean
  details: string
}

export interface OptionallyRequiredCheck {
  relevant: boolean
  obtained: boolean
}

export interface DateInfo {
  relevant: boolean
  value?: string | null
}

export interface AccessInfo {
  reposited: boolean
  uri?: string | null
  description?: string | null
}

export interface CollectionFormat {
  associations: { organisation_id: string; data_custodian_id?: string | null; point_of_contact?: string | null }
  approvals: {
    ethics_registration: OptionallyRequiredCheck
    ethics_access: OptionallyRequiredCheck
    indigenous_knowledge: OptionallyRequiredCheck
    export_controls: OptionallyRequiredCheck
  }
  dataset_info: {
    name: string
    description: string
    access_info: AccessInfo
    publisher_id: string
    created_date: DateInfo
    published_date: DateInfo
    license: string
    purpose?: string | null
    rights_holder?: string | null
    usage_limitations?: string | null
    preferred_citation?: string | null
    spatial_info?: { coverage?: string | null; resolution?: string | null; extent?: string | null } | null
    temporal_info?: {
      duration?: { begin_date: string; end_date: string } | null
      resolution?: string | null
    } | null
    formats?: string[] | null
    keywords?: string[] | null
    user_metadata?: Record<string, string> | null
    version?: string | null
  }
}

export interface S3Location {
  bucket_name: string
  path: string
  s3_uri: string
}

export interface ReleaseHistoryEntry {
  action: ReleaseAction
  timestamp: number
  approver: string
  requester: string | null
  notes: string
}

export interface DatasetDomainInfo {
  display_name: string
  user_metadata: Record<string, string> | null
  collection_format: CollectionFormat
  s3: S3Location
  release_history: ReleaseHistoryEntry[]
  release_status: ReleaseStatus
  release_approver: string | null
  release_timestamp: number | null
  access_info_uri: string | null
}

export interface HistoryEntry<T> {
  id: number
  timestamp: number
  reason: string
  username: string
  item: T
}

export interface RecordInfo {
  id: string
  owner_username: string
  created_timestamp: number
  updated_timestamp: number
  item_category: 'ENTITY' | 'AGENT' | 'ACTIVITY'
  item_subtype: ItemSubType
  record_type: 'SEED_ITEM' | 'COMPLETE_ITEM'
  workflow_links: { create_activity_workflow_id?: string | null; version_activity_workflow_id?: string | null } | null
  versioning_info: { previous_version: string | null; version: number; reason: string | null; next_version: string | null } | null
}

export interface ItemDataset extends RecordInfo, DatasetDomainInfo {
  history: HistoryEntry<DatasetDomainInfo>[]
}

export interface PersonDomainInfo {
  display_name: string
  user_metadata: Record<string, string> | null
  email: string
  first_name: string
  last_name: string
  orcid: string | null
  ethics_approved: boolean
}

export interface ItemPerson extends RecordInfo, PersonDomainInfo {
  history: HistoryEntry<PersonDomainInfo>[]
}

export interface OrganisationDomainInfo {
  display_name: string
  user_metadata: Record<string, string> | null
  name: string
  ror: string | null
}

export interface ItemOrganisation extends RecordInfo, OrganisationDomainInfo {
  history: HistoryEntry<OrganisationDomainInfo>[]
}

export type RegistryItem = ItemDataset | ItemPerson | ItemOrganisation

export interface AccessSettings {
  owner: string
  general: string[]
  groups: Record<string, string[]>
}

export interface LockEvent {
  action_type: 'LOCK' | 'UNLOCK'
  username: string
  email: string | null
  reason: string
  timestamp: number
}

/** What the bearer token says about the caller. */
export interface Caller {
  username: string
  email: string | null
  roles: string[]
  accessToken: string
}
