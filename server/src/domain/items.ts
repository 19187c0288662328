import type { Queryable } from '../db/database'
import type { AccessSettings, ItemDataset, LockEvent, RegistryItem } from './types'

/** Unix seconds, as Provena stamps every record. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

export interface StoredItem {
  item: RegistryItem
  access: AccessSettings | null
  locked: boolean
}

/** Lower-cased words the search API matches against, from the fields Provena indexes. */
export function searchTextOf(item: RegistryItem): string {
  const parts: (string | null | undefined)[] = [item.id, item.display_name, ...Object.entries(item.user_metadata ?? {}).flat()]
  if (item.item_subtype === 'DATASET') {
    const cf = (item as ItemDataset).collection_format
    const info = cf.dataset_info
    parts.push(
      info.name,
      info.description,
      ...(info.keywords ?? []),
      ...(info.formats ?? []),
      info.purpose,
      info.rights_holder,
      info.usage_limitations,
      info.preferred_citation,
      cf.associations.organisation_id,
      info.publisher_id,
      cf.associations.data_custodian_id,
    )
  } else if ('email' in item) {
    parts.push(item.first_name, item.last_name, item.email, item.orcid)
  } else if ('name' in item) {
    parts.push(item.name, item.ror)
  }
  return parts.filter(Boolean).join(' ').toLowerCase()
}

function columns(item: RegistryItem): unknown[] {
  const dataset = item.item_subtype === 'DATASET' ? (item as ItemDataset) : null
  return [
    item.id,
    item.item_subtype,
    item.record_type,
    item.owner_username,
    item.display_name,
    item.created_timestamp,
    item.updated_timestamp,
    dataset?.release_status ?? null,
    dataset?.release_approver ?? null,
    dataset?.release_timestamp ?? null,
    dataset?.access_info_uri ?? null,
    searchTextOf(item),
    JSON.stringify(item),
  ]
}

const COLUMN_LIST =
  'id, item_subtype, record_type, owner_username, display_name, created_timestamp, updated_timestamp, ' +
  'release_status, release_approver, release_timestamp, access_info_uri, search_text, doc'

export async function insertItem(q: Queryable, item: RegistryItem, access: AccessSettings | null): Promise<void> {
  const values = columns(item)
  await q.query(`INSERT INTO items (${COLUMN_LIST}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values)
  if (access) {
    await q.query('INSERT INTO access_settings (item_id, owner, general, groups) VALUES ($1, $2, $3, $4)', [
      item.id,
      access.owner,
      JSON.stringify(access.general),
      JSON.stringify(access.groups),
    ])
  }
  await q.query('INSERT INTO locks (item_id, locked, history) VALUES ($1, false, $2)', [item.id, '[]'])
}

export async function saveItem(q: Queryable, item: RegistryItem): Promise<void> {
  const [id, ...rest] = columns(item)
  const sets = COLUMN_LIST.split(', ')
    .slice(1)
    .map((name, i) => `${name} = $${i + 2}`)
  await q.query(`UPDATE items SET ${sets.join(', ')}, revision = revision + 1 WHERE id = $1`, [id, ...rest])
}

interface ItemRow {
  doc: RegistryItem
  owner: string | null
  general: string[] | null
  groups: Record<string, string[]> | null
  locked: boolean | null
}

/** The item with its access settings and lock; `forUpdate` locks the row for the rest of a transaction. */
export async function readItem(q: Queryable, id: string, forUpdate = false): Promise<StoredItem | null> {
  const { rows } = await q.query<ItemRow>(
    `SELECT i.doc, a.owner, a.general, a.groups, l.locked
       FROM items i LEFT JOIN access_settings a ON a.item_id = i.id LEFT JOIN locks l ON l.item_id = i.id
      WHERE i.id = $1${forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [id],
  )
  const row = rows[0]
  if (!row) return null
  return {
    item: row.doc,
    access: row.owner === null ? null : { owner: row.owner, general: row.general ?? [], groups: row.groups ?? {} },
    locked: row.locked ?? false,
  }
}

export async function readLock(q: Queryable, id: string): Promise<{ locked: boolean; history: LockEvent[] } | null> {
  const { rows } = await q.query<{ locked: boolean; history: LockEvent[] }>('SELECT locked, history FROM locks WHERE item_id = $1', [id])
  return rows[0] ?? null
}

export async function writeLock(q: Queryable, id: string, locked: boolean, history: LockEvent[]): Promise<void> {
  await q.query('UPDATE locks SET locked = $2, history = $3 WHERE item_id = $1', [id, locked, JSON.stringify(history)])
}

export async function writeAccess(q: Queryable, id: string, access: AccessSettings): Promise<void> {
  await q.query('UPDATE access_settings SET owner = $2, general = $3, groups = $4 WHERE item_id = $1', [
    id,
    access.owner,
    JSON.stringify(access.general),
    JSON.stringify(access.groups),
  ])
}

export async function mintHandle(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ n: number | string }>("SELECT nextval('handle_seq') AS n")
  return `10378.1/${rows[0].n}`
}
