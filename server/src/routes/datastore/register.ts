import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { REALM } from '../../domain/roles'
import { mintDataset, revertMetadata, updateMetadata } from '../../domain/registration'
import type { CollectionFormat } from '../../domain/types'
import { collectionFormatBody, revertBody, updateQuery } from './schemas'
import { versionRoute } from './version'

const MINT_PREFIX: Record<string, string> = {
  schema: 'Failed to validate metadata against schema. Error: ',
  fields: 'Failed field value validation. Error: ',
  registry: 'Registry API responded with an error during validation, error: ',
}

export async function datastoreRegisterRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = requireRealmRoles(ctx.verify, REALM.write)

  app.post<{ Body: CollectionFormat }>(
    '/register/mint-dataset',
    { schema: { operationId: 'mint_dataset', body: collectionFormatBody }, preValidation: guard },
    async (request) => {
      const result = await ctx.db.transaction((tx) => mintDataset(tx, ctx.storage, callerOf(request), request.body))
      if (!result.minted) {
        const details = MINT_PREFIX[result.problem.layer] + result.problem.message
        return { status: { success: false, details }, handle: null, s3_location: null, register_create_activity_session_id: null }
      }
      return {
        status: { success: true, details: 'Successfully seeded location - see location details.' },
        handle: result.handle,
        s3_location: result.s3,
        register_create_activity_session_id: result.sessionId,
      }
    },
  )

  app.post<{ Querystring: { handle_id: string; reason: string }; Body: CollectionFormat }>(
    '/register/update-metadata',
    { schema: { operationId: 'update_metadata', querystring: updateQuery, body: collectionFormatBody }, preValidation: guard },
    async (request) => {
      const { handle_id, reason } = request.query
      const update = { id: handle_id, cf: request.body, reason }
      const s3 = await ctx.db.transaction((tx) => updateMetadata(tx, ctx.storage, callerOf(request), update))
      return {
        status: { success: true, details: 'Successfully updated metadata in Registry and S3 bucket - see location details.' },
        handle: handle_id,
        s3_location: s3,
      }
    },
  )

  app.put<{ Body: { id: string; history_id: number; reason: string } }>(
    '/register/revert-metadata',
    { schema: { operationId: 'revert_metadata', body: revertBody }, preValidation: guard },
    async (request) => {
      await ctx.db.transaction((tx) => revertMetadata(tx, ctx.storage, callerOf(request), request.body))
      return { status: { success: true, details: 'Successfully reverted metadata in Registry and S3 bucket - see location details.' } }
    },
  )

  await versionRoute(app, ctx)
}
