import { derivedFromMetadata, domainInfoOf } from './datasets'
import type { CollectionFormat, ItemDataset, ReleaseHistoryEntry, S3Location } from './types'

/** Pure builders for dataset records: the history and versioning rules of contract §6 live here only. */

export interface NewDatasetInput {
  id: string
  owner: string
  cf: CollectionFormat
  s3: S3Location
  now: number
  sessionId: string
}

/** A freshly minted dataset: history entry 0, version 1, not released. */
export function newDatasetRecord({ id, owner, cf, s3, now, sessionId }: NewDatasetInput): ItemDataset {
  const domain = { ...derivedFromMetadata(cf), s3, release_history: [], release_status: 'NOT_RELEASED' as const, release_approver: null, release_timestamp: null }
  return {
    id,
    owner_username: owner,
    created_timestamp: now,
    updated_timestamp: now,
    item_category: 'ENTITY',
    item_subtype: 'DATASET',
    record_type: 'COMPLETE_ITEM',
    workflow_links: { create_activity_workflow_id: sessionId, version_activity_workflow_id: null },
    versioning_info: { previous_version: null, version: 1, reason: null, next_version: null },
    ...domain,
    history: [{ id: 0, timestamp: now, reason: 'Initial record creation', username: owner, item: domainInfoOf(domain) }],
  }
}

/** The item after a metadata update or revert: new metadata, a history entry with id max+1 prepended. */
export function withMetadata(item: ItemDataset, cf: CollectionFormat, reason: string, username: string, now: number): ItemDataset {
  const updated: ItemDataset = { ...item, ...derivedFromMetadata(cf), updated_timestamp: now }
  const nextId = Math.max(...item.history.map((entry) => entry.id)) + 1
  updated.history = [{ id: nextId, timestamp: now, reason, username, item: domainInfoOf(updated) }, ...item.history]
  return updated
}

export interface NewVersionInput {
  newId: string
  username: string
  reason: string
  now: number
  s3: S3Location
  sessionId: string
}

/**
 * Versioning (contract §3.8): the registry copies the old item (history entry 0), then the data store
 * moves it to its own storage and resets its release state (entry 1). The old item learns its successor.
 */
export function newVersionRecords(old: ItemDataset, { newId, username, reason, now, s3, sessionId }: NewVersionInput) {
  const copy: ItemDataset = {
    ...old,
    id: newId,
    owner_username: username,
    created_timestamp: now,
    updated_timestamp: now,
    workflow_links: { create_activity_workflow_id: null, version_activity_workflow_id: sessionId },
    versioning_info: { previous_version: old.id, version: (old.versioning_info?.version ?? 1) + 1, reason, next_version: null },
    history: [{ id: 0, timestamp: now, reason: `New version of existing item (id=${old.id}).`, username, item: domainInfoOf(old) }],
  }
  const moved: ItemDataset = { ...copy, s3, release_status: 'NOT_RELEASED', release_history: [], release_approver: null, release_timestamp: null, user_metadata: null }
  moved.history = [
    { id: 1, timestamp: now, reason: "(System) Dataset S3 path updated to new version's storage location", username, item: domainInfoOf(moved) },
    ...copy.history,
  ]
  const previous = old.versioning_info ?? { previous_version: null, version: 1, reason: null, next_version: null }
  return { newItem: moved, oldItem: { ...old, versioning_info: { ...previous, next_version: newId } } }
}

/** The item after a release request, approval or rejection (contract §3.14, §3.15). */
export function withReleaseAction(item: ItemDataset, entry: ReleaseHistoryEntry): ItemDataset {
  const status = entry.action === 'REQUEST' ? 'PENDING' : entry.action === 'APPROVE' ? 'RELEASED' : 'NOT_RELEASED'
  return {
    ...item,
    release_status: status,
    release_approver: entry.approver,
    release_timestamp: entry.timestamp,
    release_history: [...item.release_history, entry],
    updated_timestamp: entry.timestamp,
  }
}
