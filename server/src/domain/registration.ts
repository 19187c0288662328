import type { Queryable } from '../db/database'
import { newDatasetRecord, withMetadata } from './dataset-records'
import { linkedPerson, loadDataset, metadataProblem, type MetadataLayer } from './datasets'
import { badRequest, notAuthorised, notFound, serverError } from './errors'
import { insertItem, mintHandle, nowSeconds, saveItem } from './items'
import { hasAny } from './roles'
import type { FileStorage } from './storage'
import type { Caller, CollectionFormat, ItemDataset, S3Location } from './types'
import { newWorkflowSessionId } from './workflow'

/**
 * Registering a dataset and replacing its metadata (contract §3.5-§3.7). Each function writes through `tx`
 * and the files at once, so the caller runs it in a transaction.
 */

const UPDATE_MESSAGES: Record<MetadataLayer, (message: string) => string> = {
  schema: () => 'Failed to validate metadata against json schema.',
  fields: (m) => `Failed field value validation. Error: ${m}`,
  registry: (m) => `Registry API responded with an error during validation, error: ${m}`,
}
const WRITE_ROLES = ['metadata-write', 'dataset-data-write', 'admin']

export type MintResult =
  | { minted: true; handle: string; s3: S3Location; sessionId: string }
  | { minted: false; problem: { layer: MetadataLayer; message: string } }

/** Invalid metadata is not a refusal: Provena answers it as an unsuccessful mint, which the result carries. */
export async function mintDataset(tx: Queryable, storage: FileStorage, caller: Caller, cf: CollectionFormat): Promise<MintResult> {
  const problem = await metadataProblem(tx, cf)
  if (problem) return { minted: false, problem }
  if (!(await linkedPerson(tx, caller.username))) {
    throw serverError(
      'Unexpected non 200 status code in dataset minting process. Status code: 400. Details: In order to perform this operation you must link your User account to a Person in the registry.',
    )
  }
  const handle = await mintHandle(tx)
  const s3 = storage.locationFor(handle)
  if (storage.prefixExists(s3.path)) {
    throw badRequest(`Failed to find a unique S3 path - is your dataset name a duplicate? Error: ${s3.path} already exists.`)
  }
  const sessionId = newWorkflowSessionId()
  const item = newDatasetRecord({ id: handle, owner: caller.username, cf, s3, now: nowSeconds(), sessionId })
  await insertItem(tx, item, { owner: caller.username, general: ['metadata-read', 'dataset-data-read'], groups: {} })
  storage.writeMetadata(s3.path, cf)
  return { minted: true, handle, s3, sessionId }
}

/** Fetch, lock and role checks shared by update and revert (contract §3.6 steps 4-6). */
async function loadForMetadataWrite(tx: Queryable, caller: Caller, id: string) {
  const loaded = await loadDataset(tx, caller, id, true)
  if (loaded.locked) throw notAuthorised('This dataset is locked - you cannot update the metadata. Unlock the dataset first.')
  if (!hasAny(loaded.roles, WRITE_ROLES)) throw notAuthorised('You are not authorised to write metadata for this dataset!')
  // The registry's own proxy update then insists on metadata-write or admin.
  if (!hasAny(loaded.roles, ['metadata-write', 'admin'])) {
    throw notAuthorised('Registry refused the update: metadata-write or admin is required on the dataset.')
  }
  return loaded
}

/** Replaces the metadata, recording a history entry, in the registry and in storage (contract §3.6, §3.7). */
async function writeMetadata(tx: Queryable, storage: FileStorage, caller: Caller, item: ItemDataset, cf: CollectionFormat, reason: string) {
  await saveItem(tx, withMetadata(item, cf, reason, caller.username, nowSeconds()))
  storage.writeMetadata(item.s3.path, cf)
}

/** Returns where the dataset's files are, which the answer repeats. */
export async function updateMetadata(
  tx: Queryable,
  storage: FileStorage,
  caller: Caller,
  update: { id: string; cf: CollectionFormat; reason: string },
): Promise<S3Location> {
  const problem = await metadataProblem(tx, update.cf)
  if (problem) throw badRequest(UPDATE_MESSAGES[problem.layer](problem.message))
  const { item } = await loadForMetadataWrite(tx, caller, update.id)
  await writeMetadata(tx, storage, caller, item, update.cf, update.reason)
  return item.s3
}

/** Provena checks the target only as the registry does (linked agents, EWKT): schema or field problems do not stop a revert. */
export async function revertMetadata(
  tx: Queryable,
  storage: FileStorage,
  caller: Caller,
  revert: { id: string; history_id: number; reason: string },
): Promise<void> {
  const { id, history_id, reason } = revert
  const { item } = await loadForMetadataWrite(tx, caller, id)
  const target = item.history.find((entry) => entry.id === history_id)
  if (!target) throw notFound(`The item with id ${id} does not have a history entry with id matching ${history_id}. No action taken.`)
  const problem = await metadataProblem(tx, target.item.collection_format)
  if (problem?.layer === 'registry') {
    throw badRequest(`Registry API responded with an error during validation of the target revert point, error: ${problem.message}`)
  }
  const fullReason = `Reverting dataset to history id ${history_id}. Reason: ${reason}.`
  await writeMetadata(tx, storage, caller, item, target.item.collection_format, fullReason)
}
