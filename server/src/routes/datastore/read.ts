import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../../context'
import { callerOf, requireRealmRoles } from '../../http/auth'
import { REALM } from '../../domain/roles'
import { HttpError, RequestValidationError } from '../../http/errors'
import { loadDataset, metadataProblem } from '../../domain/datasets'
import { sendReusedJson } from '../../http/compression'
import { genericListResponse, listPage, type SortOptions } from '../../domain/listing'
import { DATASET_JSON_SCHEMA } from '../../domain/validation'
import type { CollectionFormat } from '../../domain/types'
import { collectionFormatBody, handleIdQuery, listBody } from './schemas'

const VALIDATION_PREFIX: Record<string, string> = {
  schema: 'Exception when validating against schema: ',
  fields: 'Failed field value validation. Error: ',
  registry: 'Registry API responded with an error during validation, error: ',
}

interface ListBody {
  sort_by?: SortOptions | null
  pagination_key?: Record<string, unknown> | null
  page_size: number
}

/** SortOptions' validator: begins_with goes with ACCESS_INFO_URI_BEGINS_WITH and nothing else. */
function checkSortOptions(sort: SortOptions | null | undefined) {
  if (!sort) return
  const prefixSort = sort.sort_type === 'ACCESS_INFO_URI_BEGINS_WITH'
  const hasPrefix = sort.begins_with !== undefined && sort.begins_with !== null
  if (prefixSort !== hasPrefix) {
    const msg = prefixSort
      ? 'begins_with must be provided when sort_type is ACCESS_INFO_URI_BEGINS_WITH.'
      : 'begins_with can only be provided when sort_type is ACCESS_INFO_URI_BEGINS_WITH.'
    const error = new RequestValidationError([{ loc: ['sort_by', '__root__'], msg, type: 'value_error' }])
    error.validationContext = 'body'
    throw error
  }
}

export async function datastoreReadRoutes(app: FastifyInstance, ctx: StackContext) {
  const guard = (roles: string[]) => requireRealmRoles(ctx.verify, roles)

  app.get('/', { schema: { operationId: 'root' } }, async () => ({ message: 'Health check successful.' }))

  app.get<{ Querystring: { handle_id: string } }>(
    '/registry/items/fetch-dataset',
    { schema: { operationId: 'fetch_dataset', querystring: handleIdQuery }, preValidation: guard(REALM.read) },
    async (request) => {
      const id = request.query.handle_id
      if (id === '') throw new HttpError(400, 'Empty string received for query handle_id')
      const { item, roles, locked } = await loadDataset(ctx.db, callerOf(request), id)
      return { status: { success: true, details: `Successfully fetched data for handle '${id}'` }, item, roles, locked }
    },
  )

  app.post<{ Body: ListBody }>(
    '/registry/items/list',
    { schema: { operationId: 'list', body: listBody }, preValidation: guard(REALM.read) },
    async (request, reply) => {
      const { sort_by, pagination_key, page_size } = request.body
      checkSortOptions(sort_by)
      if (sort_by?.sort_type === 'RELEASE_TIMESTAMP') {
        // Provena's registry has no (subtype, release time) index, and the data store relays its 400 as a 500.
        throw new HttpError(500, 'Non 200 response from registry API during list. Status code: 400. No index for RELEASE_TIMESTAMP on datasets.')
      }
      const page = await listPage(ctx.db, ctx.lists, callerOf(request), {
        subtype: 'DATASET',
        sort: sort_by,
        paginationKey: pagination_key,
        pageSize: page_size,
      })
      return sendReusedJson(request, reply, genericListResponse(page))
    },
  )

  app.get(
    '/metadata/dataset-schema',
    { schema: { operationId: 'get_dataset_schema' }, preValidation: guard(REALM.read) },
    async () => ({ json_schema: DATASET_JSON_SCHEMA }),
  )

  app.post<{ Body: CollectionFormat }>(
    '/metadata/validate-metadata',
    { schema: { operationId: 'validate_metadata', body: collectionFormatBody }, preValidation: guard(REALM.read) },
    async (request) => {
      const problem = await metadataProblem(ctx.db, request.body)
      if (problem) return { success: false, details: VALIDATION_PREFIX[problem.layer] + problem.message }
      return { success: true, details: 'Validation successful.' }
    },
  )
}
