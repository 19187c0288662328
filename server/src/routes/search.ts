import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../context'
import { REALM, requireRealmRoles } from '../http/auth'

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100
const SUBTYPES = ['DATASET', 'PERSON', 'ORGANISATION', 'SOFTWARE', 'MODEL', 'WORKFLOW_TEMPLATE', 'MODEL_RUN_WORKFLOW_TEMPLATE', 'DATASET_TEMPLATE', 'WORKFLOW_RUN', 'MODEL_RUN', 'STUDY', 'CREATE', 'VERSION']

/**
 * Provena's search API (contract §12): ranked ids, best first. Scoring stands in for its search engine:
 * each query word found counts, more in the name and as a whole word.
 */
export async function searchRoutes(app: FastifyInstance, ctx: StackContext) {
  app.get<{ Querystring: { query: string; subtype_filter?: string; record_limit?: number } }>(
    '/search-api/search/entity-registry',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['query'],
          properties: { query: { type: 'string' }, subtype_filter: { enum: SUBTYPES }, record_limit: { type: 'integer', minimum: 1 } },
        },
      },
      preValidation: requireRealmRoles(ctx.verify, REALM.read),
    },
    async (request) => {
      const words = [...new Set(request.query.query.toLowerCase().split(/[^\p{L}\p{N}.@/-]+/u).filter((w) => w.length > 0))].slice(0, 10)
      const limit = Math.min(request.query.record_limit ?? DEFAULT_LIMIT, MAX_LIMIT)
      if (!words.length) return { status: { success: true, details: 'No query words.' }, results: [], warnings: null }
      const params: unknown[] = [words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)]
      let subtypeClause = ''
      if (request.query.subtype_filter) {
        params.push(request.query.subtype_filter)
        subtypeClause = ` AND item_subtype = $2`
      }
      const { rows } = await ctx.db.query<{ id: string; name: string; text: string }>(
        `SELECT id, lower(display_name) AS name, search_text AS text FROM items
          WHERE record_type = 'COMPLETE_ITEM' AND search_text LIKE ANY ($1)${subtypeClause}`,
        params,
      )
      const scored = rows.map((row) => {
        let score = 0
        for (const word of words) {
          if (row.text.includes(word)) score += 1
          if (row.name.includes(word)) score += 2
          if (new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(row.text)) score += 0.5
        }
        return { id: row.id, score: score / words.length }
      })
      scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      return { status: { success: true, details: `Found ${scored.length} results.` }, results: scored.slice(0, limit), warnings: null }
    },
  )
}
