/** Requests and responses of the Data Store API (Provena's `DataStoreAPI`; contract §2, §3, §4.1, §4.6). */
import type { IsoDateTime, JsonSchema, Status, StatusResponse } from './common'
import type { ItemDataset, S3Location } from './registry'
import type { GenericFetchResponse, GenericListResponse } from './registryApi'

/** `GET /`. */
export interface HealthCheckResponse {
  message: string
}

/** `GET /metadata/dataset-schema`: the CollectionFormat JSON schema. */
export interface Schema {
  json_schema: JsonSchema
}

/** `GET /registry/items/fetch-dataset`: the item plus the caller's roles on it and its lock state. */
export type RegistryFetchResponse = GenericFetchResponse<ItemDataset>

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

/** `POST /registry/items/list` result; one unparsable item anywhere turns the whole call into a 400. */
export type DatasetListResponse = GenericListResponse<ItemDataset>
