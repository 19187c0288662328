import type { Queryable } from '../db/database'
import { badRequest } from './errors'
import type { ItemJsonCache } from './item-json-cache'
import type { ListPageCache } from './list-page-cache'
import { groupsOf, hasAny, itemRoles, VISIBLE_WITH } from './roles'
import type { Caller } from './types'

export type SortType = 'CREATED_TIME' | 'UPDATED_TIME' | 'DISPLAY_NAME' | 'RELEASE_TIMESTAMP' | 'ACCESS_INFO_URI_BEGINS_WITH'
export const SORT_TYPES: SortType[] = ['CREATED_TIME', 'UPDATED_TIME', 'DISPLAY_NAME', 'RELEASE_TIMESTAMP', 'ACCESS_INFO_URI_BEGINS_WITH']

export interface SortOptions {
  sort_type?: SortType | null
  ascending?: boolean
  begins_with?: string | null
}

const SORT_COLUMNS: Record<SortType, string> = {
  CREATED_TIME: 'created_timestamp',
  UPDATED_TIME: 'updated_timestamp',
  DISPLAY_NAME: 'display_name',
  RELEASE_TIMESTAMP: 'release_timestamp',
  ACCESS_INFO_URI_BEGINS_WITH: 'access_info_uri',
}
const NUMERIC_COLUMNS = new Set(['created_timestamp', 'updated_timestamp', 'release_timestamp'])

/** DynamoDB returns at most 1 MB a page, so a huge page_size still yields a bounded page and a key. */
const MAX_ROWS_PER_PAGE = 1000

export interface ListQuery {
  subtype: string
  sort: SortOptions | null | undefined
  paginationKey: Record<string, unknown> | null | undefined
  pageSize: number
  /** Extra equality filters on indexed columns (release queue). */
  where?: { column: 'release_approver' | 'release_status'; value: string }[]
}

export interface ListPage {
  /** UTF-8 JSON of each visible item, in order. */
  items: Buffer[]
  notAuthorised: number
  paginationKey: Record<string, unknown> | null
}

interface Row {
  id: string
  revision: number
  sort_value: string | number | null
  owner: string | null
  general: string[] | null
  groups: Record<string, string[]> | null
}

function invalidKey(): never {
  throw badRequest('The pagination_key is not one this listing issued: pass back the key of the previous page unchanged.')
}

/** What list pages are answered from before the database is asked. */
export interface ListCaches {
  itemJson: ItemJsonCache
  pages: ListPageCache
}

/** One page of `query` for `caller`, as listed last time when nothing was written since. */
export function listPage(q: Queryable, caches: ListCaches, caller: Caller, query: ListQuery): Promise<ListPage> {
  return caches.pages.get(caller, query, () => readPage(q, caches.itemJson, caller, query))
}

/**
 * One page in Provena's manner: the limit applies before the access filter, so a page can hold fewer
 * items than asked (even none) while a key is still returned; the key is the last row read.
 */
async function readPage(q: Queryable, cache: ItemJsonCache, caller: Caller, query: ListQuery): Promise<ListPage> {
  const sortType = query.sort?.sort_type ?? 'UPDATED_TIME'
  const ascending = query.sort?.sort_type ? (query.sort.ascending ?? false) : false
  const column = SORT_COLUMNS[sortType]
  const params: unknown[] = [query.subtype]
  const conditions = ["i.item_subtype = $1", "i.record_type = 'COMPLETE_ITEM'"]
  for (const { column: name, value } of query.where ?? []) {
    params.push(value)
    conditions.push(`i.${name} = $${params.length}`)
  }
  if (sortType === 'ACCESS_INFO_URI_BEGINS_WITH') {
    params.push((query.sort?.begins_with ?? '').replace(/[\\%_]/g, (c) => `\\${c}`) + '%')
    conditions.push(`i.access_info_uri LIKE $${params.length}`)
  }
  if (sortType === 'RELEASE_TIMESTAMP') conditions.push('i.release_timestamp IS NOT NULL')
  const key = query.paginationKey
  if (key) {
    const keyValue = key[column]
    const valid = typeof key.id === 'string' && (NUMERIC_COLUMNS.has(column) ? typeof keyValue === 'number' : typeof keyValue === 'string')
    if (!valid) invalidKey()
    params.push(keyValue, key.id)
    conditions.push(`(i.${column}, i.id) ${ascending ? '>' : '<'} ($${params.length - 1}, $${params.length})`)
  }
  const limit = Math.min(query.pageSize, MAX_ROWS_PER_PAGE)
  params.push(limit)
  const direction = ascending ? 'ASC' : 'DESC'
  const { rows } = await q.query<Row>(
    `SELECT i.id, i.revision, i.${column} AS sort_value, a.owner, a.general, a.groups
       FROM items i LEFT JOIN access_settings a ON a.item_id = i.id
      WHERE ${conditions.join(' AND ')}
      ORDER BY i.${column} ${direction}, i.id ${direction}
      LIMIT $${params.length}`,
    params,
  )
  const groups = await groupsOf(q, caller.username)
  const visible = rows.filter((row) => {
    const access = row.owner === null ? null : { owner: row.owner, general: row.general ?? [], groups: row.groups ?? {} }
    return hasAny(itemRoles(caller, access, groups), VISIBLE_WITH)
  })
  const last = rows.length === limit ? rows[rows.length - 1] : undefined
  return {
    items: await cache.get(q, visible),
    notAuthorised: rows.length - visible.length,
    paginationKey: last ? { id: last.id, item_subtype: query.subtype, [column]: last.sort_value } : null,
  }
}

/** Items' JSON joined into a JSON array, without parsing or re-encoding them. */
export function jsonArray(items: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('[')]
  items.forEach((item, i) => parts.push(...(i ? [COMMA, item] : [item])))
  parts.push(Buffer.from(']'))
  return Buffer.concat(parts)
}
const COMMA = Buffer.from(',')

/** The answers made of each page, so a page answered again from the cache is not joined again. */
const answers = new WeakMap<ListPage, { details: string; body: Buffer }>()

/** Provena's GenericListResponse around the page's items. */
export function genericListResponse(page: ListPage, details = 'Successfully listed items.'): Buffer {
  const known = answers.get(page)
  if (known?.details === details) return known.body
  const count = page.items.length
  const body = Buffer.concat([
    Buffer.from(`{"status":${JSON.stringify({ success: true, details })},"items":`),
    jsonArray(page.items),
    Buffer.from(
      `,"seed_items":[],"unparsable_items":[],"total_item_count":${count},"complete_item_count":${count},` +
        `"seed_item_count":0,"unparsable_item_count":0,"not_authorised_count":${page.notAuthorised},` +
        `"pagination_key":${JSON.stringify(page.paginationKey)}}`,
    ),
  ])
  answers.set(page, { details, body })
  return body
}
