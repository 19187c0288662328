import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { fileCredentials, presignedDownloadUrl } from '../../domain/dataset-files'
import { REALM } from '../../domain/roles'
import { credentialsBody, presignedBody } from './schemas'

export async function datastoreStorageRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = (roles: string[]) => requireRealmRoles(ctx.verify, roles)

  app.post<{ Body: { dataset_id: string; file_path: string; expires_in: number } }>(
    '/registry/items/generate-presigned-url',
    { schema: { operationId: 'generate_presigned_url', body: presignedBody }, preValidation: guard(REALM.read) },
    async (request) => {
      const { dataset_id, file_path } = request.body
      const presigned_url = await presignedDownloadUrl(ctx.db, ctx.storage, callerOf(request), request.body, ctx.publicOrigin)
      return { dataset_id, file_path, presigned_url }
    },
  )

  for (const kind of ['read', 'write'] as const) {
    app.post<{ Body: { dataset_id: string; console_session_required: boolean } }>(
      `/registry/credentials/generate-${kind}-access-credentials`,
      {
        schema: { operationId: `generate_${kind}_access_credentials`, body: credentialsBody },
        preValidation: guard(kind === 'read' ? REALM.read : REALM.write),
      },
      async (request) => {
        const { dataset_id, console_session_required } = request.body
        const access = { datasetId: dataset_id, write: kind === 'write', consoleSession: console_session_required }
        const { credentials, consoleUrl } = await fileCredentials(ctx.db, ctx.storage, callerOf(request), access, ctx.publicOrigin)
        return {
          status: { success: true, details: 'STS credentials generated successfully for specified path.' },
          credentials,
          console_session_url: consoleUrl,
        }
      },
    )
  }
}
