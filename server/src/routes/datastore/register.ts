import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, REALM, requireRealmRoles } from '../../http/auth'
import { HttpError } from '../../http/errors'
import { linkedPerson, loadDataset, metadataProblem } from '../../domain/datasets'
import { newDatasetRecord, withMetadata } from '../../domain/dataset-records'
import { insertItem, mintHandle, nowSeconds, saveItem } from '../../domain/items'
import { newWorkflowSessionId } from '../../domain/workflow'
import { hasAny } from '../../domain/roles'
import type { Caller, CollectionFormat, ItemDataset } from '../../domain/types'
import type { Queryable } from '../../db/database'
import { collectionFormatBody, revertBody, updateQuery } from './schemas'
import { versionRoute } from './version'

const MINT_PREFIX: Record<string, string> = {
  schema: 'Failed to validate metadata against schema. Error: ',
  fields: 'Failed field value validation. Error: ',
  registry: 'Registry API responded with an error during validation, error: ',
}
const UPDATE_MESSAGES: Record<string, (message: string) => string> = {
  schema: () => 'Failed to validate metadata against json schema.',
  fields: (m) => `Failed field value validation. Error: ${m}`,
  registry: (m) => `Registry API responded with an error during validation, error: ${m}`,
}
const WRITE_ROLES = ['metadata-write', 'dataset-data-write', 'admin']

/** Fetch, lock and role checks shared by update and revert (contract §3.6 steps 4-6). */
async function loadForMetadataWrite(q: Queryable, caller: Caller, id: string) {
  const loaded = await loadDataset(q, caller, id, true)
  if (loaded.locked) throw new HttpError(401, 'This dataset is locked - you cannot update the metadata. Unlock the dataset first.')
  if (!hasAny(loaded.roles, WRITE_ROLES)) throw new HttpError(401, 'You are not authorised to write metadata for this dataset!')
  // The registry's own proxy update then insists on metadata-write or admin.
  if (!hasAny(loaded.roles, ['metadata-write', 'admin'])) {
    throw new HttpError(401, 'Registry refused the update: metadata-write or admin is required on the dataset.')
  }
  return loaded
}

/** Replaces the metadata, recording a history entry, in the registry and in storage (contract §3.6, §3.7). */
async function writeMetadata(q: Queryable, ctx: StackContext, caller: Caller, item: ItemDataset, cf: CollectionFormat, reason: string) {
  await saveItem(q, withMetadata(item, cf, reason, caller.username, nowSeconds()))
  ctx.storage.writeMetadata(item.s3.path, cf)
}

export async function datastoreRegisterRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = requireRealmRoles(ctx.verify, REALM.write)

  app.post<{ Body: CollectionFormat }>(
    '/register/mint-dataset',
    { schema: { operationId: 'mint_dataset', body: collectionFormatBody }, preValidation: guard },
    async (request) => {
      const caller = callerOf(request)
      const cf = request.body
      const soft = (details: string) => ({ status: { success: false, details }, handle: null, s3_location: null, register_create_activity_session_id: null })
      const problem = await metadataProblem(ctx.db, cf)
      if (problem) return soft(MINT_PREFIX[problem.layer] + problem.message)
      if (!(await linkedPerson(ctx.db, caller.username))) {
        throw new HttpError(
          500,
          'Unexpected non 200 status code in dataset minting process. Status code: 400. Details: In order to perform this operation you must link your User account to a Person in the registry.',
        )
      }
      return ctx.db.transaction(async (tx) => {
        const handle = await mintHandle(tx)
        const s3 = ctx.storage.locationFor(handle)
        if (ctx.storage.prefixExists(s3.path)) {
          throw new HttpError(400, `Failed to find a unique S3 path - is your dataset name a duplicate? Error: ${s3.path} already exists.`)
        }
        const sessionId = newWorkflowSessionId()
        const item = newDatasetRecord({ id: handle, owner: caller.username, cf, s3, now: nowSeconds(), sessionId })
        await insertItem(tx, item, { owner: caller.username, general: ['metadata-read', 'dataset-data-read'], groups: {} })
        ctx.storage.writeMetadata(s3.path, cf)
        return {
          status: { success: true, details: 'Successfully seeded location - see location details.' },
          handle,
          s3_location: s3,
          register_create_activity_session_id: sessionId,
        }
      })
    },
  )

  app.post<{ Querystring: { handle_id: string; reason: string }; Body: CollectionFormat }>(
    '/register/update-metadata',
    { schema: { operationId: 'update_metadata', querystring: updateQuery, body: collectionFormatBody }, preValidation: guard },
    async (request) => {
      const { handle_id, reason } = request.query
      const problem = await metadataProblem(ctx.db, request.body)
      if (problem) throw new HttpError(400, UPDATE_MESSAGES[problem.layer](problem.message))
      return ctx.db.transaction(async (tx) => {
        const { item } = await loadForMetadataWrite(tx, callerOf(request), handle_id)
        await writeMetadata(tx, ctx, callerOf(request), item, request.body, reason)
        return {
          status: { success: true, details: 'Successfully updated metadata in Registry and S3 bucket - see location details.' },
          handle: handle_id,
          s3_location: item.s3,
        }
      })
    },
  )

  app.put<{ Body: { id: string; history_id: number; reason: string } }>(
    '/register/revert-metadata',
    { schema: { operationId: 'revert_metadata', body: revertBody }, preValidation: guard },
    async (request) => {
      const { id, history_id, reason } = request.body
      return ctx.db.transaction(async (tx) => {
        const { item } = await loadForMetadataWrite(tx, callerOf(request), id)
        const target = item.history.find((entry) => entry.id === history_id)
        if (!target) {
          throw new HttpError(400, `The item with id ${id} does not have a history entry with id matching ${history_id}. No action taken.`)
        }
        const problem = await metadataProblem(tx, target.item.collection_format)
        if (problem?.layer === 'registry') {
          throw new HttpError(400, `Registry API responded with an error during validation of the target revert point, error: ${problem.message}`)
        }
        const fullReason = `Reverting dataset to history id ${history_id}. Reason: ${reason}.`
        await writeMetadata(tx, ctx, callerOf(request), item, target.item.collection_format, fullReason)
        return { status: { success: true, details: 'Successfully reverted metadata in Registry and S3 bucket - see location details.' } }
      })
    },
  )

  await versionRoute(app, ctx)
}
