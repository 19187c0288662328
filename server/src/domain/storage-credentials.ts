import { randomBytes } from 'node:crypto'
import type { Queryable } from '../db/database'
import { nowSeconds } from './items'

/** A temporary credential as the S3 endpoint checks it: one dataset prefix, read or also write, until it expires. */
export interface StorageCredential {
  access_key_id: string
  secret_access_key: string
  session_token: string
  prefix: string
  can_write: boolean
  expires_at: number
}

/** The wire's Credentials model (contract §3.11); the expiry is ISO with "+00:00", as Python prints it. */
export interface IssuedCredentials {
  aws_access_key_id: string
  aws_secret_access_key: string
  aws_session_token: string
  expiry: string
}

// Hex and base64url only: the secret and token end up in shell variables and URLs, where + / = are a hazard.
const token = (bytes: number) => randomBytes(bytes).toString('base64url')

/** Issues and stores a credential for `prefix` that lasts `seconds`, like STS AssumeRoleWithWebIdentity with an inline policy. */
export async function issueCredentials(q: Queryable, prefix: string, canWrite: boolean, seconds: number): Promise<IssuedCredentials> {
  const credential: StorageCredential = {
    access_key_id: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secret_access_key: token(30),
    session_token: token(48),
    prefix,
    can_write: canWrite,
    expires_at: nowSeconds() + seconds,
  }
  // Expired ones are dropped as new ones are issued, so the table stays the size of the sessions in use.
  await q.query('DELETE FROM storage_credentials WHERE expires_at < $1', [nowSeconds() - 86_400])
  await q.query(
    'INSERT INTO storage_credentials (access_key_id, secret_access_key, session_token, prefix, can_write, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [credential.access_key_id, credential.secret_access_key, credential.session_token, prefix, canWrite, credential.expires_at],
  )
  return {
    aws_access_key_id: credential.access_key_id,
    aws_secret_access_key: credential.secret_access_key,
    aws_session_token: credential.session_token,
    expiry: new Date(credential.expires_at * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
  }
}

export async function findCredential(q: Queryable, accessKeyId: string): Promise<StorageCredential | null> {
  const { rows } = await q.query<StorageCredential & { expires_at: string | number }>('SELECT * FROM storage_credentials WHERE access_key_id = $1', [accessKeyId])
  return rows[0] ? { ...rows[0], expires_at: Number(rows[0].expires_at) } : null
}
