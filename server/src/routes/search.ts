import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../context'
import { requireRealmRoles } from '../http/auth'
import { REALM } from '../domain/roles'
import { SEARCH_SUBTYPES, searchItems } from '../domain/search'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

/** Provena's search API (contract §12). */
export async function searchRoutes(app: FastifyInstance, ctx: StackContext) {
  app.get<{ Querystring: { query: string; subtype_filter?: string; record_limit?: number } }>(
    '/search-api/search/entity-registry',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['query'],
          properties: { query: { type: 'string' }, subtype_filter: { enum: SEARCH_SUBTYPES }, record_limit: { type: 'integer', minimum: 1 } },
        },
      },
      preValidation: requireRealmRoles(ctx.verify, REALM.read),
    },
    async (request) => {
      const hits = await searchItems(ctx.db, request.query.query, request.query.subtype_filter)
      if (!hits) return { status: { success: true, details: 'No query words.' }, results: [], warnings: null }
      const limit = Math.min(request.query.record_limit ?? DEFAULT_LIMIT, MAX_LIMIT)
      return { status: { success: true, details: `Found ${hits.length} results.` }, results: hits.slice(0, limit), warnings: null }
    },
  )
}
