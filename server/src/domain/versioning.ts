import type { Queryable } from '../db/database'
import { newVersionRecords } from './dataset-records'
import { linkedPerson } from './datasets'
import { DomainError, notAuthorised } from './errors'
import { insertItem, mintHandle, nowSeconds, readItem, saveItem } from './items'
import { groupsOf, itemRoles } from './roles'
import type { FileStorage } from './storage'
import type { Caller, ItemDataset } from './types'
import { newWorkflowSessionId } from './workflow'

/** The data store relays the registry's refusal, and its status, in its own words (contract §3.8). */
function refused(details: string, kind: 'bad-request' | 'not-found' = 'bad-request'): never {
  throw new DomainError(kind, `Non 200 status code in dataset version process. Status code: 400. Details: ${details}`)
}
function denied(details: string): never {
  throw notAuthorised(`The registry refused to version the dataset (401). Details: ${details}`)
}

/** A new version of the latest version of a dataset, owned by the caller, in fresh storage. Run it in a transaction. */
export async function versionDataset(
  tx: Queryable,
  storage: FileStorage,
  caller: Caller,
  id: string,
  reason: string,
): Promise<{ newId: string; sessionId: string }> {
  if (!(await linkedPerson(tx, caller.username))) {
    refused('In order to perform this operation you must link your User account to a Person in the registry.')
  }
  const stored = await readItem(tx, id, true)
  if (!stored) refused(`No item with id '${id}' exists in the registry.`, 'not-found')
  if (!itemRoles(caller, stored.access, await groupsOf(tx, caller.username)).includes('admin')) denied('You are not authorised to revise the item')
  if (stored.item.record_type !== 'COMPLETE_ITEM') refused(`Item '${id}' is a seed item and cannot be versioned.`)
  if (stored.item.item_subtype !== 'DATASET') refused(`Item '${id}' is not a DATASET.`)
  const old = stored.item as ItemDataset
  if (old.versioning_info?.next_version) {
    refused(`Item '${id}' already has a newer version (${old.versioning_info.next_version}): only the latest version can be versioned.`)
  }

  const newId = await mintHandle(tx)
  const sessionId = newWorkflowSessionId()
  const s3 = storage.locationFor(newId)
  const { newItem, oldItem } = newVersionRecords(old, { newId, username: caller.username, reason, now: nowSeconds(), s3, sessionId })
  const access = stored.access ?? { owner: old.owner_username, general: [], groups: {} }
  await insertItem(tx, newItem, { ...access, owner: caller.username })
  await saveItem(tx, oldItem)
  storage.writeMetadata(s3.path, newItem.collection_format)
  return { newId, sessionId }
}
