import type { Queryable } from '../db/database'
import { notAuthorised, notFound } from './errors'
import { checkFieldRules, checkJsonSchema, ewktProblem } from './validation'
import { readItem } from './items'
import { groupsOf, hasAny, itemRoles, VISIBLE_WITH } from './roles'
import type { AccessSettings, Caller, CollectionFormat, DatasetDomainInfo, ItemDataset } from './types'

export interface LoadedDataset {
  item: ItemDataset
  roles: string[]
  locked: boolean
  access: AccessSettings | null
}

/**
 * A dataset as the registry gives it to the caller, with the data store's refusals when it cannot:
 * not-found for an unknown, seed or non-dataset id, not-authorised without a visible role.
 */
export async function loadDataset(q: Queryable, caller: Caller, handleId: string, forUpdate = false): Promise<LoadedDataset> {
  const stored = await readItem(q, handleId, forUpdate)
  let problem: string | null = null
  if (!stored) problem = `No item with id '${handleId}' exists in the registry.`
  else if (stored.item.item_subtype !== 'DATASET') problem = `Item '${handleId}' is a ${stored.item.item_subtype}, not a DATASET.`
  else if (stored.item.record_type !== 'COMPLETE_ITEM') problem = `Item '${handleId}' is a seed item.`
  if (problem || !stored) {
    throw notFound(`The registry API responded with status success False during dataset fetching. Details: ${problem}`)
  }
  const roles = itemRoles(caller, stored.access, await groupsOf(q, caller.username))
  if (!hasAny(roles, VISIBLE_WITH)) {
    throw notAuthorised(`Registry did not grant access to the dataset. Details: you hold none of ${VISIBLE_WITH.join(', ')} on '${handleId}'.`)
  }
  return { item: stored.item as ItemDataset, roles, locked: stored.locked, access: stored.access }
}

/** The domain part of an item, which is what a history entry records. */
export function domainInfoOf(item: DatasetDomainInfo): DatasetDomainInfo {
  return {
    display_name: item.display_name,
    user_metadata: item.user_metadata ?? null,
    collection_format: item.collection_format,
    s3: item.s3,
    release_history: item.release_history,
    release_status: item.release_status,
    release_approver: item.release_approver ?? null,
    release_timestamp: item.release_timestamp ?? null,
    access_info_uri: item.access_info_uri ?? null,
  }
}

/** The fields of an item that follow from its metadata. */
export function derivedFromMetadata(cf: CollectionFormat) {
  return {
    collection_format: cf,
    display_name: cf.dataset_info.name,
    user_metadata: cf.dataset_info.user_metadata ?? null,
    access_info_uri: cf.dataset_info.access_info.uri ?? null,
  }
}

export async function linkedPerson(q: Queryable, username: string): Promise<string | null> {
  const { rows } = await q.query<{ person_id: string }>('SELECT person_id FROM user_links WHERE username = $1', [username])
  return rows[0]?.person_id ?? null
}

async function agentProblem(q: Queryable, field: string, id: string, subtype: 'ORGANISATION' | 'PERSON'): Promise<string | null> {
  const { rows } = await q.query<{ item_subtype: string; record_type: string }>(
    'SELECT item_subtype, record_type FROM items WHERE id = $1',
    [id],
  )
  const row = rows[0]
  if (!row) return `${field} '${id}' does not exist in the registry.`
  if (row.item_subtype !== subtype) return `${field} '${id}' is a ${row.item_subtype}, but must be a ${subtype}.`
  if (row.record_type !== 'COMPLETE_ITEM') return `${field} '${id}' is a seed item, not a complete ${subtype}.`
  return null
}

/** The registry's own checks of dataset metadata: linked agents exist with the right type; EWKT parses. */
export async function registryProblem(q: Queryable, cf: CollectionFormat): Promise<string | null> {
  const problems = [
    await agentProblem(q, 'organisation_id', cf.associations.organisation_id, 'ORGANISATION'),
    await agentProblem(q, 'publisher_id', cf.dataset_info.publisher_id, 'ORGANISATION'),
    cf.associations.data_custodian_id ? await agentProblem(q, 'data_custodian_id', cf.associations.data_custodian_id, 'PERSON') : null,
  ]
  const spatial = cf.dataset_info.spatial_info
  for (const field of ['coverage', 'extent'] as const) {
    const value = spatial?.[field]
    const problem = value ? ewktProblem(value) : null
    if (problem) problems.push(`spatial_info.${field}: ${problem}`)
  }
  const found = problems.filter(Boolean)
  return found.length ? found.join(' ') : null
}

export type MetadataLayer = 'schema' | 'fields' | 'registry'

/** Layers 2-4 of contract §4.3, stopping at the first that fails. */
export async function metadataProblem(q: Queryable, cf: CollectionFormat): Promise<{ layer: MetadataLayer; message: string } | null> {
  const schema = checkJsonSchema(cf)
  if (schema) return { layer: 'schema', message: schema }
  const fields = checkFieldRules(cf)
  if (fields) return { layer: 'fields', message: fields }
  const registry = await registryProblem(q, cf)
  if (registry) return { layer: 'registry', message: registry }
  return null
}
