import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { asDatasetAdmin, lockHistory, setLock, updateAccess } from '../../domain/dataset-admin'
import { loadDataset } from '../../domain/datasets'
import { ALL_DATASET_ROLES, REALM } from '../../domain/roles'
import type { AccessSettings } from '../../domain/types'

const BASE = '/registry/entity/dataset'
const idQuery = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }
const lockBody = { type: 'object', required: ['id', 'reason'], properties: { id: { type: 'string' }, reason: { type: 'string' } } }
const rolesList = { type: 'array', items: { enum: ALL_DATASET_ROLES } }
const accessBody = {
  type: 'object',
  required: ['owner', 'general', 'groups'],
  properties: { owner: { type: 'string' }, general: rolesList, groups: { type: 'object', additionalProperties: rolesList } },
}

const ROLE_DESCRIPTIONS: Record<string, [string, string, string[]]> = {
  'metadata-read': ['Metadata Read', "Enables visibility of a resource and it's metadata.", []],
  'metadata-write': ['Metadata Write', "Enables the modification of a resource's metadata.", ['metadata-read']],
  'dataset-data-read': ['Dataset Data Read', 'Enables the downloading of the contents of a dataset.', ['metadata-read']],
  'dataset-data-write': ['Dataset Data Write', 'Enables the uploading, modification and deletion of dataset files.', ['metadata-read', 'metadata-write', 'dataset-data-read']],
  admin: ['Admin', "Enables all actions on a resource and it's contents, including changes to access settings.", ['metadata-read', 'metadata-write', 'dataset-data-read', 'dataset-data-write']],
}

/** Dataset locks and access settings, which only a dataset admin may change (contract §8). */
export async function registryDatasetAdminRoutes(app: FastifyInstance, ctx: StackContext) {
  const read = requireRealmRoles(ctx.verify, REALM.read)
  const write = requireRealmRoles(ctx.verify, REALM.write)

  for (const action of ['lock', 'unlock'] as const) {
    app.put<{ Body: { id: string; reason: string } }>(`${BASE}/locks/${action}`, { schema: { body: lockBody }, preValidation: write }, async (request) => {
      const { id, reason } = request.body
      await ctx.db.transaction((tx) => setLock(tx, callerOf(request), id, action === 'lock', reason))
      return { status: { success: true, details: `Successfully ${action}ed dataset ${id}.` } }
    })
  }

  app.get<{ Querystring: { id: string } }>(`${BASE}/locks/locked`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    const { locked } = await loadDataset(ctx.db, callerOf(request), request.query.id)
    return { locked }
  })

  app.get<{ Querystring: { id: string } }>(`${BASE}/locks/history`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    const history = await lockHistory(ctx.db, callerOf(request), request.query.id)
    return { status: { success: true, details: 'Successfully fetched lock history.' }, history }
  })

  app.get<{ Querystring: { id: string } }>(`${BASE}/auth/configuration`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    const { access } = await asDatasetAdmin(ctx.db, callerOf(request), request.query.id)
    return access
  })

  app.put<{ Querystring: { id: string }; Body: AccessSettings }>(
    `${BASE}/auth/configuration`,
    { schema: { querystring: idQuery, body: accessBody }, preValidation: write },
    async (request) => {
      await updateAccess(ctx.db, callerOf(request), request.query.id, request.body)
      return { status: { success: true, details: 'Successfully updated access settings.' } }
    },
  )

  app.get<{ Querystring: { id: string } }>(`${BASE}/auth/evaluate`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    const { roles } = await loadDataset(ctx.db, callerOf(request), request.query.id)
    return { roles }
  })

  app.get(`${BASE}/auth/roles`, { preValidation: read }, async () => ({
    roles: Object.entries(ROLE_DESCRIPTIONS).map(([role_name, [role_display_name, description, also_grants]]) => ({
      role_display_name,
      role_name,
      description,
      also_grants,
    })),
  }))
}
