import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, REALM, requireRealmRoles, ROLES } from '../../http/auth'
import { HttpError } from '../../http/errors'
import { loadDataset } from '../../domain/datasets'
import { nowSeconds } from '../../domain/items'
import { hasAny } from '../../domain/roles'
import { datasetPath } from '../../domain/storage'
import type { Caller } from '../../domain/types'
import { credentialsBody, presignedBody } from './schemas'

const FORBIDDEN_IN_PATHS = ['../', '/../', '..', '//', '\\', '\\\\']
const SESSION_SECONDS = 8 * 3600

/** Stand-ins shaped like AWS STS credentials; the local bucket needs none. */
function localCredentials() {
  return {
    aws_access_key_id: `LOCAL${randomBytes(8).toString('hex').toUpperCase()}`,
    aws_secret_access_key: randomBytes(30).toString('base64'),
    aws_session_token: randomBytes(48).toString('base64'),
    expiry: new Date((nowSeconds() + SESSION_SECONDS) * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
  }
}

export async function datastoreStorageRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = (roles: string[]) => requireRealmRoles(ctx.verify, roles)

  app.post<{ Body: { dataset_id: string; file_path: string; expires_in: number } }>(
    '/registry/items/generate-presigned-url',
    { schema: { operationId: 'generate_presigned_url', body: presignedBody }, preValidation: guard(REALM.read) },
    async (request) => {
      const { dataset_id, file_path, expires_in } = request.body
      let roles: string[]
      try {
        roles = (await loadDataset(ctx.db, callerOf(request), dataset_id)).roles
      } catch (error) {
        if (error instanceof HttpError) throw new HttpError(error.statusCode, `Failed to generate presigned url. Error: ${error.detail}`)
        throw error
      }
      if (!roles.includes('dataset-data-read')) {
        throw new HttpError(401, 'You do not have the dataset-data-read role on this dataset, which downloading its files requires.')
      }
      const forbidden = FORBIDDEN_IN_PATHS.find((part) => file_path.includes(part))
      if (forbidden) throw new HttpError(400, `File path '${file_path}' contains '${forbidden}' which is not allowed.`)
      const key = `${datasetPath(dataset_id)}${file_path}`
      if (!ctx.storage.exists(key)) throw new HttpError(400, `File path '${file_path}' does not exist in dataset with id ${dataset_id}`)
      return { dataset_id, file_path, presigned_url: ctx.storage.presign(ctx.publicOrigin, key, expires_in, nowSeconds()) }
    },
  )

  async function credentials(caller: Caller, datasetId: string, consoleSession: boolean, write: boolean) {
    const { item, roles, locked } = await loadDataset(ctx.db, caller, datasetId)
    const registryAdmin = caller.roles.includes(ROLES.ER_ADMIN)
    if (write) {
      if (locked) throw new HttpError(401, 'This dataset is locked - you cannot modify the files of a locked dataset. Unlock the dataset first.')
      if (!registryAdmin && !hasAny(roles, ['dataset-data-write', 'admin'])) {
        throw new HttpError(401, 'You do not have sufficient permissions to write to this dataset!')
      }
      if (item.release_status === 'PENDING' || item.release_status === 'RELEASED') {
        throw new HttpError(403, `Dataset ${datasetId} is pending review or is released. Cannot modify dataset files while a review is ongoing.`)
      }
    } else if (!registryAdmin && !hasAny(roles, ['dataset-data-read', 'dataset-data-write', 'admin'])) {
      throw new HttpError(401, 'You do not have sufficient permissions to read from this dataset!')
    }
    const consoleUrl = consoleSession
      ? ctx.storage.presign(ctx.publicOrigin, item.s3.path, 12 * 3600, nowSeconds())
      : null
    return {
      status: { success: true, details: 'STS credentials generated successfully for specified path.' },
      credentials: localCredentials(),
      console_session_url: consoleUrl,
    }
  }

  for (const kind of ['read', 'write'] as const) {
    app.post<{ Body: { dataset_id: string; console_session_required: boolean } }>(
      `/registry/credentials/generate-${kind}-access-credentials`,
      {
        schema: { operationId: `generate_${kind}_access_credentials`, body: credentialsBody },
        preValidation: guard(kind === 'read' ? REALM.read : REALM.write),
      },
      async (request) => credentials(callerOf(request), request.body.dataset_id, request.body.console_session_required, kind === 'write'),
    )
  }
}
