import type { Adapter, AdapterPayload } from 'oidc-provider'
import type { Queryable } from '../db/database'

interface Row {
  payload: AdapterPayload
  consumed: number | null
}

const SELECT = `SELECT payload, CAST(EXTRACT(EPOCH FROM consumed_at) AS integer) AS consumed FROM oidc_payloads`
const LIVE = `(expires_at IS NULL OR expires_at > now())`

/**
 * oidc-provider's storage (sessions, grants, codes, tokens, interactions) in the `oidc_payloads` table.
 * One instance per model name ("Session", "AccessToken", ...); expired rows are never returned.
 */
export class DatabaseAdapter implements Adapter {
  constructor(
    private readonly db: Queryable,
    private readonly kind: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expires = expiresIn ? Date.now() / 1000 + expiresIn : null
    await this.db.query(
      `INSERT INTO oidc_payloads (id, kind, payload, grant_id, user_code, uid, expires_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, to_timestamp($7))
       ON CONFLICT (kind, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
         user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
      [id, this.kind, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expires],
    )
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.one(`${SELECT} WHERE kind = $1 AND id = $2 AND ${LIVE}`, [this.kind, id])
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.one(`${SELECT} WHERE kind = $1 AND user_code = $2 AND ${LIVE} LIMIT 1`, [this.kind, userCode])
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.one(`${SELECT} WHERE kind = $1 AND uid = $2 AND ${LIVE} LIMIT 1`, [this.kind, uid])
  }

  async consume(id: string): Promise<void> {
    await this.db.query('UPDATE oidc_payloads SET consumed_at = now() WHERE kind = $1 AND id = $2', [this.kind, id])
  }

  async destroy(id: string): Promise<void> {
    await this.db.query('DELETE FROM oidc_payloads WHERE kind = $1 AND id = $2', [this.kind, id])
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.query('DELETE FROM oidc_payloads WHERE kind = $1 AND grant_id = $2', [this.kind, grantId])
  }

  private async one(sql: string, params: unknown[]): Promise<AdapterPayload | undefined> {
    const { rows } = await this.db.query<Row>(sql, params)
    const row = rows[0]
    if (!row) return undefined
    return row.consumed == null ? row.payload : { ...row.payload, consumed: row.consumed }
  }
}

/** Deletes rows that expired more than a minute ago. */
export async function deleteExpiredPayloads(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM oidc_payloads WHERE expires_at < now() - interval '1 minute'`)
}
