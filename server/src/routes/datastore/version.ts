import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { REALM } from '../../domain/roles'
import { versionDataset } from '../../domain/versioning'
import { versionBody } from './schemas'

export async function versionRoute(app: FastifyInstance, ctx: StackContext) {
  app.post<{ Body: { id: string; reason: string } }>(
    '/register/version',
    { schema: { operationId: 'version_dataset', body: versionBody }, preValidation: requireRealmRoles(ctx.verify, REALM.write) },
    async (request) => {
      const { id, reason } = request.body
      const { newId, sessionId } = await ctx.db.transaction((tx) => versionDataset(tx, ctx.storage, callerOf(request), id, reason))
      return { new_version_id: newId, version_job_session_id: sessionId }
    },
  )
}
