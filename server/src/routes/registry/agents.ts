import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { readItem } from '../../domain/items'
import { sendReusedJson } from '../../http/compression'
import { genericListResponse, listPage, type SortOptions } from '../../domain/listing'
import { groupsOf, itemRoles, REALM } from '../../domain/roles'
import { sortOptions } from '../datastore/schemas'

const SUBTYPES = { person: 'PERSON', organisation: 'ORGANISATION' } as const

const subtypeListBody = {
  type: 'object',
  properties: {
    filter_by: {
      type: ['object', 'null'],
      properties: { record_type: { enum: ['COMPLETE_ONLY', 'SEED_ONLY', 'ALL', null] } },
    },
    sort_by: sortOptions,
    pagination_key: { type: ['object', 'null'] },
    page_size: { type: 'integer', default: 20, minimum: 1 },
  },
}

/** Registry fetch and list for people and organisations, as the pickers and name look-ups use them. */
export async function registryAgentRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = requireRealmRoles(ctx.verify, REALM.read)
  for (const [segment, subtype] of Object.entries(SUBTYPES)) {
    app.get<{ Querystring: { id: string; seed_allowed?: boolean } }>(
      `/registry/agent/${segment}/fetch`,
      {
        schema: { querystring: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, seed_allowed: { type: 'boolean' } } } },
        preValidation: guard,
      },
      async (request) => {
        const { id } = request.query
        const stored = await readItem(ctx.db, id)
        // The registry answers a miss with 200 and success=false; clients read the status.
        if (!stored || stored.item.item_subtype !== subtype) {
          return { status: { success: false, details: `No ${subtype} item with id '${id}' exists in the registry.` }, item: null, roles: null, locked: null, item_is_seed: null }
        }
        const roles = itemRoles(callerOf(request), stored.access, await groupsOf(ctx.db, callerOf(request).username))
        return { status: { success: true, details: `Successfully fetched item '${id}'.` }, item: stored.item, roles, locked: stored.locked, item_is_seed: false }
      },
    )

    app.post<{ Body: { sort_by?: SortOptions | null; pagination_key?: Record<string, unknown> | null; page_size: number } }>(
      `/registry/agent/${segment}/list`,
      { schema: { body: subtypeListBody }, preValidation: guard },
      async (request, reply) => {
        const { sort_by, pagination_key, page_size } = request.body
        const page = await listPage(ctx.db, ctx.lists, callerOf(request), { subtype, sort: sort_by, paginationKey: pagination_key, pageSize: page_size })
        return sendReusedJson(request, reply, genericListResponse(page))
      },
    )
  }
}
