import { expectSuccess, request } from './http'
import type { Status } from './models/common'
import type { CredentialResponse, CredentialsRequest, DatasetListResponse, HealthCheckResponse, ItemRevertResponse, MintResponse, PresignedURLRequest, PresignedURLResponse, RegistryFetchResponse, RevertMetadata, Schema, UpdateMetadataResponse, User, VersionRequest, VersionResponse } from './models/datastore'
import type { CollectionFormat } from './models/registry'
import type { NoFilterSubtypeListRequest } from './models/registryApi'

/** Mirrors DatastoreClient.get_health_check. */
export function getHealthCheck(signal?: AbortSignal): Promise<HealthCheckResponse> {
  return request('dataStore', { method: 'GET', url: '/', signal })
}

/** Mirrors DatastoreClient.fetch_dataset. */
export async function fetchDataset(id: string, signal?: AbortSignal): Promise<RegistryFetchResponse> {
  return expectSuccess(await request<RegistryFetchResponse>('dataStore', { method: 'GET', url: '/registry/items/fetch-dataset', params: { handle_id: id }, signal }))
}

/** Mirrors DatastoreClient.mint_dataset; a soft failure (invalid metadata) throws ApiError 'soft-failure'. */
export async function mintDataset(datasetInfo: CollectionFormat, signal?: AbortSignal): Promise<MintResponse> {
  return expectSuccess(await request<MintResponse>('dataStore', { method: 'POST', url: '/register/mint-dataset', data: datasetInfo, signal }))
}

/** Mirrors DatastoreClient.validate_metadata, reading the bare Status the API really sends (contract §10.4). */
export function validateMetadata(metadataPayload: CollectionFormat, signal?: AbortSignal): Promise<Status> {
  return request('dataStore', { method: 'POST', url: '/metadata/validate-metadata', data: metadataPayload, signal })
}

/** GET /metadata/dataset-schema (not in the Python client): the JSON Schema of CollectionFormat. */
export function getDatasetSchema(signal?: AbortSignal): Promise<Schema> {
  return request('dataStore', { method: 'GET', url: '/metadata/dataset-schema', signal })
}

/** Mirrors DatastoreClient.update_metadata: the id and reason go in the query, the metadata in the body. */
export async function updateMetadata(handleId: string, reason: string, metadataPayload: CollectionFormat, signal?: AbortSignal): Promise<UpdateMetadataResponse> {
  return expectSuccess(
    await request<UpdateMetadataResponse>('dataStore', { method: 'POST', url: '/register/update-metadata', params: { handle_id: handleId, reason }, data: metadataPayload, signal }),
  )
}

/** Mirrors DatastoreClient.revert_metadata. */
export async function revertMetadata(metadataPayload: RevertMetadata, signal?: AbortSignal): Promise<ItemRevertResponse> {
  return expectSuccess(await request<ItemRevertResponse>('dataStore', { method: 'PUT', url: '/register/revert-metadata', data: metadataPayload, signal }))
}

/** Mirrors DatastoreClient.version_dataset. */
export function versionDataset(payload: VersionRequest, signal?: AbortSignal): Promise<VersionResponse> {
  return request('dataStore', { method: 'POST', url: '/register/version', data: payload, signal })
}

/** Mirrors DatastoreClient.list_datasets: one page; pass pagination_key back unchanged until it is null. */
export async function listDatasets(listDatasetRequest: NoFilterSubtypeListRequest, signal?: AbortSignal): Promise<DatasetListResponse> {
  return expectSuccess(await request<DatasetListResponse>('dataStore', { method: 'POST', url: '/registry/items/list', data: listDatasetRequest, signal }))
}

/** Mirrors DatastoreClient.generate_presigned_url. */
export function generatePresignedUrl(presignedUrl: PresignedURLRequest, signal?: AbortSignal): Promise<PresignedURLResponse> {
  return request('dataStore', { method: 'POST', url: '/registry/items/generate-presigned-url', data: presignedUrl, signal })
}

/** Mirrors DatastoreClient.generate_read_access_credentials. */
export function generateReadAccessCredentials(readAccessCredentials: CredentialsRequest, signal?: AbortSignal): Promise<CredentialResponse> {
  return request('dataStore', { method: 'POST', url: '/registry/credentials/generate-read-access-credentials', data: readAccessCredentials, signal })
}

/** Mirrors DatastoreClient.generate_write_access_credentials. */
export function generateWriteAccessCredentials(writeAccessCredentials: CredentialsRequest, signal?: AbortSignal): Promise<CredentialResponse> {
  return request('dataStore', { method: 'POST', url: '/registry/credentials/generate-write-access-credentials', data: writeAccessCredentials, signal })
}

/** GET /check-access/check-general-access (not in the Python client): any signed-in user. */
export function checkGeneralAccess(signal?: AbortSignal): Promise<User> {
  return request('dataStore', { method: 'GET', url: '/check-access/check-general-access', signal })
}

/** GET /check-access/check-read-access (not in the Python client): entity-registry-read. */
export function checkReadAccess(signal?: AbortSignal): Promise<User> {
  return request('dataStore', { method: 'GET', url: '/check-access/check-read-access', signal })
}

/** GET /check-access/check-write-access (not in the Python client): entity-registry-read and -write. */
export function checkWriteAccess(signal?: AbortSignal): Promise<User> {
  return request('dataStore', { method: 'GET', url: '/check-access/check-write-access', signal })
}

/** GET /check-access/check-admin-access (not in the Python client): entity-registry-read, -write and -admin. */
export function checkAdminAccess(signal?: AbortSignal): Promise<User> {
  return request('dataStore', { method: 'GET', url: '/check-access/check-admin-access', signal })
}

/** GET /admin/config (not in the Python client): the deployment's settings as the text of config.txt. */
export function getAdminConfig(requiredOnly = true, signal?: AbortSignal): Promise<string> {
  return request('dataStore', { method: 'GET', url: '/admin/config', params: { required_only: requiredOnly }, responseType: 'text', signal })
}
