import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { REALM } from '../../domain/roles'
import { jsonArray, type SortOptions } from '../../domain/listing'
import { reviewQueue } from '../../domain/release'
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
      const { filter_by, sort_by, pagination_key, page_size } = request.body
      const page = await reviewQueue(ctx.db, ctx.lists, callerOf(request), {
        reviewer: filter_by.release_reviewer,
        status: filter_by.release_status,
        ascending: sort_by?.ascending,
        paginationKey: pagination_key,
        pageSize: page_size,
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
