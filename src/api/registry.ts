import { expectSuccess, request } from './http'
import type { StatusResponse } from './models/common'
import type { AccessSettings, ItemOrganisation, ItemPerson } from './models/registry'
import type { GenericListResponse, ListUserReviewingDatasetsRequest, LockChangeRequest, LockHistoryResponse, LockStatusResponse, OrganisationFetchResponse, PaginatedDatasetListResponse, PersonFetchResponse, SubtypeListRequest } from './models/registryApi'

// Registry API calls the console makes directly (contract §5.3, §8); none is in the Python DatastoreClient.

/** GET /registry/agent/person/fetch: a Person (names for owners, custodians and reviewers). */
export async function fetchPerson(id: string, signal?: AbortSignal): Promise<PersonFetchResponse> {
  return expectSuccess(await request<PersonFetchResponse>('registry', { method: 'GET', url: '/registry/agent/person/fetch', params: { id }, signal }))
}

/** GET /registry/agent/organisation/fetch: an Organisation (publisher and record creator). */
export async function fetchOrganisation(id: string, signal?: AbortSignal): Promise<OrganisationFetchResponse> {
  return expectSuccess(await request<OrganisationFetchResponse>('registry', { method: 'GET', url: '/registry/agent/organisation/fetch', params: { id }, signal }))
}

/** POST /registry/agent/person/list: one page of people. */
export async function listPersons(listRequest: SubtypeListRequest, signal?: AbortSignal): Promise<GenericListResponse<ItemPerson>> {
  return expectSuccess(await request<GenericListResponse<ItemPerson>>('registry', { method: 'POST', url: '/registry/agent/person/list', data: listRequest, signal }))
}

/** POST /registry/agent/organisation/list: one page of organisations. */
export async function listOrganisations(listRequest: SubtypeListRequest, signal?: AbortSignal): Promise<GenericListResponse<ItemOrganisation>> {
  return expectSuccess(await request<GenericListResponse<ItemOrganisation>>('registry', { method: 'POST', url: '/registry/agent/organisation/list', data: listRequest, signal }))
}

/** POST /registry/entity/dataset/user/releases: the datasets whose release the caller's Person reviews. */
export async function listReviewerReleases(queueRequest: ListUserReviewingDatasetsRequest, signal?: AbortSignal): Promise<PaginatedDatasetListResponse> {
  return expectSuccess(await request<PaginatedDatasetListResponse>('registry', { method: 'POST', url: '/registry/entity/dataset/user/releases', data: queueRequest, signal }))
}

/** PUT /registry/entity/dataset/locks/lock (dataset admins). */
export async function lockDataset(lockRequest: LockChangeRequest, signal?: AbortSignal): Promise<StatusResponse> {
  return expectSuccess(await request<StatusResponse>('registry', { method: 'PUT', url: '/registry/entity/dataset/locks/lock', data: lockRequest, signal }))
}

/** PUT /registry/entity/dataset/locks/unlock (dataset admins). */
export async function unlockDataset(unlockRequest: LockChangeRequest, signal?: AbortSignal): Promise<StatusResponse> {
  return expectSuccess(await request<StatusResponse>('registry', { method: 'PUT', url: '/registry/entity/dataset/locks/unlock', data: unlockRequest, signal }))
}

/** GET /registry/entity/dataset/locks/locked. */
export function fetchLockStatus(id: string, signal?: AbortSignal): Promise<LockStatusResponse> {
  return request('registry', { method: 'GET', url: '/registry/entity/dataset/locks/locked', params: { id }, signal })
}

/** GET /registry/entity/dataset/locks/history: who locked and unlocked, when and why. */
export async function fetchLockHistory(id: string, signal?: AbortSignal): Promise<LockHistoryResponse> {
  return expectSuccess(await request<LockHistoryResponse>('registry', { method: 'GET', url: '/registry/entity/dataset/locks/history', params: { id }, signal }))
}

/** GET /registry/entity/dataset/auth/configuration: the dataset's access settings (dataset admins). */
export function fetchAccessSettings(id: string, signal?: AbortSignal): Promise<AccessSettings> {
  return request('registry', { method: 'GET', url: '/registry/entity/dataset/auth/configuration', params: { id }, signal })
}

/** PUT /registry/entity/dataset/auth/configuration: replaces the dataset's access settings (dataset admins). */
export async function updateAccessSettings(id: string, settings: AccessSettings, signal?: AbortSignal): Promise<StatusResponse> {
  return expectSuccess(await request<StatusResponse>('registry', { method: 'PUT', url: '/registry/entity/dataset/auth/configuration', params: { id }, data: settings, signal }))
}
