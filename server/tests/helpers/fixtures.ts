import { readFileSync } from 'node:fs'
import type { TestStack } from './stack'
import type { AccessSettings, CollectionFormat, ItemDataset } from '../../src/domain/types'

const EXAMPLES = new URL('../../data/examples/', import.meta.url)

/** One of Provena's own example payloads, with its registry ids pointed at this stack's demo organisations. */
export async function examplePayload(t: TestStack, name = 'valid_ro_raw1.json'): Promise<CollectionFormat> {
  const cf = JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as CollectionFormat
  const org = await firstId(t, "item_subtype = 'ORGANISATION'")
  cf.associations.organisation_id = org
  cf.dataset_info.publisher_id = org
  if (cf.associations.data_custodian_id) cf.associations.data_custodian_id = await firstId(t, "item_subtype = 'PERSON'")
  return cf
}

export async function firstId(t: TestStack, where: string): Promise<string> {
  const { rows } = await t.stack.db.query<{ id: string }>(`SELECT id FROM items WHERE ${where} ORDER BY id LIMIT 1`)
  if (!rows[0]) throw new Error(`No seeded item where ${where}`)
  return rows[0].id
}

/** A seeded dataset matching a condition on items (i) joined with access_settings (a) and locks (l). */
export async function seededDataset(t: TestStack, where: string): Promise<{ item: ItemDataset; access: AccessSettings; locked: boolean }> {
  const { rows } = await t.stack.db.query<{ doc: ItemDataset; owner: string; general: string[]; groups: Record<string, string[]>; locked: boolean }>(
    `SELECT i.doc, a.owner, a.general, a.groups, l.locked FROM items i JOIN access_settings a ON a.item_id = i.id JOIN locks l ON l.item_id = i.id
      WHERE i.item_subtype = 'DATASET' AND ${where} ORDER BY i.id LIMIT 1`,
  )
  const row = rows[0]
  if (!row) throw new Error(`No seeded dataset where ${where}`)
  return { item: row.doc, access: { owner: row.owner, general: row.general, groups: row.groups }, locked: row.locked }
}

export async function personOf(t: TestStack, username: string): Promise<string> {
  const { rows } = await t.stack.db.query<{ person_id: string }>('SELECT person_id FROM user_links WHERE username = $1', [username])
  return rows[0].person_id
}

/** A valid payload whose only fault is a published date before the created date (the field-rule layer). */
export async function datesOutOfOrder(t: TestStack): Promise<CollectionFormat> {
  const cf = await examplePayload(t)
  cf.dataset_info.created_date = { relevant: true, value: '2021-12-25' }
  cf.dataset_info.published_date = { relevant: true, value: '2021-12-24' }
  return cf
}
