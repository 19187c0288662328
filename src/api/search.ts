import { expectSuccess, request } from './http'
import type { QueryResults } from './models/common'
import type { ItemSubType } from './models/registry'

export interface SearchQuery {
  query: string
  subtype_filter?: ItemSubType
  record_limit?: number
}

/** GET /search/entity-registry on the Search API (contract §12): ranked ids, best first; fetch each to show it. */
export async function searchRegistry(search: SearchQuery, signal?: AbortSignal): Promise<QueryResults> {
  return expectSuccess(await request<QueryResults>('search', { method: 'GET', url: '/search/entity-registry', params: search, signal }))
}
