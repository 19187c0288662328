import type { Queryable } from '../db/database'
import type { ItemPerson } from './types'

export async function personEmail(q: Queryable, personId: string): Promise<string | null> {
  const { rows } = await q.query<{ doc: ItemPerson }>("SELECT doc FROM items WHERE id = $1 AND item_subtype = 'PERSON'", [personId])
  return rows[0]?.doc.email ?? null
}

/** Queues an e-mail as Provena's job API would send it; the local stack keeps it in the outbox table. */
export async function queueEmail(q: Queryable, to: string, subject: string, body: string, reason: string): Promise<void> {
  await q.query('INSERT INTO outbox (email_to, subject, body, reason) VALUES ($1, $2, $3, $4)', [to, subject, body, reason])
}
