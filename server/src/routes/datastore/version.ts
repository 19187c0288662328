import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, REALM, requireRealmRoles } from '../../http/auth'
import { HttpError } from '../../http/errors'
import { linkedPerson } from '../../domain/datasets'
import { newVersionRecords } from '../../domain/dataset-records'
import { insertItem, mintHandle, nowSeconds, readItem, saveItem } from '../../domain/items'
import { groupsOf, itemRoles } from '../../domain/roles'
import { newWorkflowSessionId } from '../../domain/workflow'
import type { ItemDataset } from '../../domain/types'
import { versionBody } from './schemas'

/** The data store relays the registry's refusal with its status (contract §3.8). */
function registryRefusal(status: number, details: string): never {
  if (status === 401) throw new HttpError(401, `The registry refused to version the dataset (401). Details: ${details}`)
  throw new HttpError(status, `Non 200 status code in dataset version process. Status code: ${status}. Details: ${details}`)
}

export async function versionRoute(app: FastifyInstance, ctx: StackContext) {
  app.post<{ Body: { id: string; reason: string } }>(
    '/register/version',
    { schema: { operationId: 'version_dataset', body: versionBody }, preValidation: requireRealmRoles(ctx.verify, REALM.write) },
    async (request) => {
      const caller = callerOf(request)
      const { id, reason } = request.body
      return ctx.db.transaction(async (tx) => {
        if (!(await linkedPerson(tx, caller.username))) {
          registryRefusal(400, 'In order to perform this operation you must link your User account to a Person in the registry.')
        }
        const stored = await readItem(tx, id, true)
        if (!stored) registryRefusal(400, `No item with id '${id}' exists in the registry.`)
        if (!itemRoles(caller, stored.access, await groupsOf(tx, caller.username)).includes('admin')) {
          registryRefusal(401, 'You are not authorised to revise the item')
        }
        if (stored.item.record_type !== 'COMPLETE_ITEM') registryRefusal(400, `Item '${id}' is a seed item and cannot be versioned.`)
        if (stored.item.item_subtype !== 'DATASET') registryRefusal(400, `Item '${id}' is not a DATASET.`)
        const old = stored.item as ItemDataset
        if (old.versioning_info?.next_version) {
          registryRefusal(400, `Item '${id}' already has a newer version (${old.versioning_info.next_version}): only the latest version can be versioned.`)
        }

        const newId = await mintHandle(tx)
        const sessionId = newWorkflowSessionId()
        const s3 = ctx.storage.locationFor(newId)
        const { newItem, oldItem } = newVersionRecords(old, { newId, username: caller.username, reason, now: nowSeconds(), s3, sessionId })
        const access = stored.access ?? { owner: old.owner_username, general: [], groups: {} }
        await insertItem(tx, newItem, { ...access, owner: caller.username })
        await saveItem(tx, oldItem)
        ctx.storage.writeMetadata(s3.path, newItem.collection_format)
        return { new_version_id: newId, version_job_session_id: sessionId }
      })
    },
  )
}
