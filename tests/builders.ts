/**
 * Typed test data: whole wire objects with sensible defaults, so a test names only what it is about and
 * the type checker keeps every builder in step with the models.
 */
import type { StoredUser } from '@/auth/storedUser'
import type { Status } from '@/api/models/common'
import type { DatasetListResponse, RegistryFetchResponse } from '@/api/models/datastore'
import type { CollectionFormat, DatasetDomainInfo, DatasetRole, ItemDataset, ItemOrganisation, ItemPerson, RecordInfo, ReleaseAction, ReleaseHistoryEntry, VersioningInfo } from '@/api/models/registry'
import type { GenericFetchResponse, PaginationKey } from '@/api/models/registryApi'

export const ORGANISATION_ID = '10378.1/1000001'
export const ok: Status = { success: true, details: '' }
export const failed = (details: string): Status => ({ success: false, details })

const notRelevant = { relevant: false, obtained: false }

/** The data store API's own valid_ro_raw1 (server/data/examples), as the server sends it back. */
export function collectionFormat(info: Partial<CollectionFormat['dataset_info']> = {}): CollectionFormat {
  return {
    associations: { organisation_id: ORGANISATION_ID },
    approvals: { ethics_registration: notRelevant, ethics_access: notRelevant, indigenous_knowledge: notRelevant, export_controls: notRelevant },
    dataset_info: {
      name: 'Coral results',
      description: 'Results of a counterfactual model run',
      access_info: { reposited: true },
      publisher_id: ORGANISATION_ID,
      created_date: { relevant: true, value: '2021-12-25' },
      published_date: { relevant: true, value: '2021-12-25' },
      license: 'https://creativecommons.org/licenses/by/4.0/',
      keywords: ['coral', 'reef'],
      ...info,
    },
  }
}

export interface DatasetOptions {
  name?: string
  owner?: string
  /** Unix seconds of creation; updated is one second later. */
  created?: number
  versioning?: Partial<VersioningInfo>
  release?: Partial<Pick<DatasetDomainInfo, 'release_status' | 'release_history' | 'release_approver' | 'release_timestamp'>>
  /** Reasons of the history entries, newest first; one creation entry by default. */
  history?: string[]
}

/** A complete dataset item as fetch-dataset returns it. */
export function itemDataset(id: string, options: DatasetOptions = {}): ItemDataset {
  const name = options.name ?? `Dataset ${id}`
  const created = options.created ?? 1_700_000_000
  const domain: DatasetDomainInfo = {
    display_name: name,
    collection_format: collectionFormat({ name }),
    s3: { bucket_name: 'local-data-store', path: `datasets/${id.replace(/[./]/g, '-')}/`, s3_uri: `s3://local-data-store/datasets/${id.replace(/[./]/g, '-')}/` },
    release_history: [],
    release_status: 'NOT_RELEASED',
    ...options.release,
  }
  const reasons = options.history ?? ['Initial record creation']
  return {
    id,
    owner_username: options.owner ?? 'steward',
    created_timestamp: created,
    updated_timestamp: created + 1,
    item_category: 'ENTITY',
    item_subtype: 'DATASET',
    record_type: 'COMPLETE_ITEM',
    versioning_info: { version: 1, ...options.versioning },
    ...domain,
    history: reasons.map((reason, index) => ({ id: reasons.length - index, timestamp: created + reasons.length - index, reason, username: 'steward', item: domain })),
  }
}

/** fetch-dataset's answer for an item (or a miss, with a soft failure). */
export function fetchResponse(item: ItemDataset | null, options: { roles?: DatasetRole[]; locked?: boolean } = {}): RegistryFetchResponse {
  return item
    ? { status: ok, item, roles: options.roles ?? ['metadata-read'], locked: options.locked ?? false }
    : { status: failed('The registry did not return a dataset.'), item: null, roles: null, locked: null }
}

/** One page of the list route; a short page with a key is how Provena pages. */
export function listPage(items: ItemDataset[], pagination_key: PaginationKey | null = null): DatasetListResponse {
  const count = items.length
  return {
    status: ok,
    items,
    seed_items: [],
    unparsable_items: [],
    total_item_count: count,
    complete_item_count: count,
    seed_item_count: 0,
    unparsable_item_count: 0,
    not_authorised_count: 0,
    pagination_key,
  }
}

function agentRecord(id: string, subtype: 'PERSON' | 'ORGANISATION'): RecordInfo {
  return { id, owner_username: 'admin', created_timestamp: 1, updated_timestamp: 1, item_category: 'AGENT', item_subtype: subtype, record_type: 'COMPLETE_ITEM' }
}

export function itemPerson(id: string, displayName: string): ItemPerson {
  const [first_name, last_name = ''] = displayName.split(' ')
  const domain = { display_name: displayName, email: `${first_name.toLowerCase()}@example.org`, first_name, last_name, ethics_approved: true }
  return { ...agentRecord(id, 'PERSON'), ...domain, history: [{ id: 0, timestamp: 1, reason: 'Initial record creation', username: 'admin', item: domain }] }
}

export function itemOrganisation(id: string, name: string): ItemOrganisation {
  const domain = { display_name: name, name }
  return { ...agentRecord(id, 'ORGANISATION'), ...domain, history: [{ id: 0, timestamp: 1, reason: 'Initial record creation', username: 'admin', item: domain }] }
}

/** The registry's fetch answer; a miss is a 200 with success false, as the registry answers. */
export function agentResponse<T extends ItemPerson | ItemOrganisation>(item: T | null): GenericFetchResponse<T> {
  return item ? { status: ok, item, roles: ['metadata-read'], locked: false, item_is_seed: false } : { status: failed('Not found'), item: null }
}

export function releaseEntry(action: ReleaseAction, timestamp: number, approver = 'p-rev', requester: string | null = action === 'REQUEST' ? 'p-req' : null, notes = `${action.toLowerCase()} notes`): ReleaseHistoryEntry {
  return { action, timestamp, approver, requester, notes }
}

function base64url(value: object) {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

/** The user as oidc-client-ts stores it, with an unsigned token carrying `roles` (the console never verifies it). */
export function storedUser(roles: string[], options: { username?: string; name?: string; expiresAt?: number } = {}): StoredUser {
  const username = options.username ?? 'steward'
  return {
    access_token: `${base64url({ alg: 'RS256' })}.${base64url({ preferred_username: username, realm_access: { roles } })}.sig`,
    refresh_token: 'r',
    expires_at: options.expiresAt ?? 2_000_000_000,
    profile: { sub: username, preferred_username: username, name: options.name ?? 'Sam Steward', email: `${username}@example.org` },
  }
}
