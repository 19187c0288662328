import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, REALM, requireRealmRoles } from '../../http/auth'
import { HttpError } from '../../http/errors'
import { linkedPerson } from '../../domain/datasets'
import { jsonArray, listPage, type SortOptions } from '../../domain/listing'
import type { ReleaseStatus } from '../../domain/types'
import { sortOptions } from '../datastore/schemas'

const releasesBody = {
  type: 'object',
  required: ['filter_by'],
  properties: {
    filter_by: {
      type: 'object',
      properties: {
        release_reviewer: { type: ['string', 'null'] },
        release_status: { enum: ['NOT_RELEASED', 'PENDING', 'RELEASED', null] },
      },
    },
    sort_by: sortOptions,
    pagination_key: { type: ['object', 'null'] },
    page_size: { type: 'integer', default: 20, minimum: 1 },
  },
}

interface ReleasesBody {
  filter_by: { release_reviewer?: string | null; release_status?: ReleaseStatus | null }
  sort_by?: SortOptions | null
  pagination_key?: Record<string, unknown> | null
  page_size: number
}

/** The reviewer's queue: datasets whose release approver is the caller's Person (contract §5.3). */
export async function registryReleaseRoutes(app: FastifyInstance, ctx: StackContext) {
  app.post<{ Body: ReleasesBody }>(
    '/registry/entity/dataset/user/releases',
    { schema: { body: releasesBody }, preValidation: requireRealmRoles(ctx.verify, REALM.read) },
    async (request, reply) => {
      const caller = callerOf(request)
      const { filter_by, sort_by, pagination_key, page_size } = request.body
      if (!filter_by.release_reviewer) throw new HttpError(400, 'filter_by.release_reviewer is required to list the datasets you review.')
      const person = await linkedPerson(ctx.db, caller.username)
      if (!person) throw new HttpError(400, 'In order to perform this operation you must link your User account to a Person in the registry.')
      if (filter_by.release_reviewer !== person) throw new HttpError(403, 'You can only list the release requests of your own Person.')
      const where: { column: 'release_approver' | 'release_status'; value: string }[] = [{ column: 'release_approver', value: person }]
      if (filter_by.release_status) where.push({ column: 'release_status', value: filter_by.release_status })
      const page = await listPage(ctx.db, ctx.itemJson, caller, {
        subtype: 'DATASET',
        sort: { sort_type: 'RELEASE_TIMESTAMP', ascending: sort_by?.ascending ?? false },
        paginationKey: pagination_key,
        pageSize: page_size,
        where,
      })
      const status = JSON.stringify({ success: true, details: 'Successfully listed the datasets you review.' })
      return reply
        .type('application/json')
        .send(
          Buffer.concat([
            Buffer.from(`{"status":${status},"dataset_items":`),
            jsonArray(page.items),
            Buffer.from(`,"total_dataset_count":${page.items.length},"pagination_key":${JSON.stringify(page.paginationKey)}}`),
          ]),
        )
    },
  )
}
