import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, REALM, requireRealmRoles } from '../../http/auth'
import { HttpError } from '../../http/errors'
import { loadDataset } from '../../domain/datasets'
import { nowSeconds, readLock, writeAccess, writeLock } from '../../domain/items'
import { ALL_DATASET_ROLES } from '../../domain/roles'
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

  async function asAdmin(request: FastifyRequest, id: string) {
    const loaded = await loadDataset(ctx.db, callerOf(request), id)
    if (!loaded.roles.includes('admin')) throw new HttpError(401, `You need the admin role on dataset ${id} to do this.`)
    return loaded
  }

  for (const action of ['lock', 'unlock'] as const) {
    app.put<{ Body: { id: string; reason: string } }>(`${BASE}/locks/${action}`, { schema: { body: lockBody }, preValidation: write }, async (request) => {
      const { id, reason } = request.body
      await asAdmin(request, id)
      const caller = callerOf(request)
      await ctx.db.transaction(async (tx) => {
        const lock = await readLock(tx, id)
        const locking = action === 'lock'
        if (!lock || lock.locked === locking) throw new HttpError(400, `Dataset ${id} is already ${locking ? 'locked' : 'unlocked'}.`)
        const event = { action_type: locking ? 'LOCK' : 'UNLOCK', username: caller.username, email: caller.email, reason, timestamp: nowSeconds() } as const
        await writeLock(tx, id, locking, [...lock.history, event])
      })
      return { status: { success: true, details: `Successfully ${action}ed dataset ${id}.` } }
    })
  }

  app.get<{ Querystring: { id: string } }>(`${BASE}/locks/locked`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    const { locked } = await loadDataset(ctx.db, callerOf(request), request.query.id)
    return { locked }
  })

  app.get<{ Querystring: { id: string } }>(`${BASE}/locks/history`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    await loadDataset(ctx.db, callerOf(request), request.query.id)
    const lock = await readLock(ctx.db, request.query.id)
    return { status: { success: true, details: 'Successfully fetched lock history.' }, history: lock?.history ?? [] }
  })

  app.get<{ Querystring: { id: string } }>(`${BASE}/auth/configuration`, { schema: { querystring: idQuery }, preValidation: read }, async (request) => {
    const { access } = await asAdmin(request, request.query.id)
    return access
  })

  app.put<{ Querystring: { id: string }; Body: AccessSettings }>(
    `${BASE}/auth/configuration`,
    { schema: { querystring: idQuery, body: accessBody }, preValidation: write },
    async (request) => {
      const { access } = await asAdmin(request, request.query.id)
      if (access && request.body.owner !== access.owner) throw new HttpError(400, 'The owner of a dataset cannot be changed through its access settings.')
      await writeAccess(ctx.db, request.query.id, request.body)
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
