import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { Queryable } from '../db/database'

/** An account of the local OpenID Connect provider. */
export interface AccountInput {
  username: string
  password: string
  email: string
  name: string
  roles: string[]
}

/** An account as stored, without its password. */
export interface AccountRecord {
  username: string
  email: string
  name: string
  roles: string[]
}

const KEY_LENGTH = 32
const PARAMS = { N: 16384, r: 8, p: 1 }

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** `scrypt$N$r$p$<salt base64url>$<key base64url>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Verifies a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number)
  const salt = Buffer.from(parts[4], 'base64url')
  const expected = Buffer.from(parts[5], 'base64url')
  if (![N, r, p].every(Number.isSafeInteger) || expected.length !== KEY_LENGTH) return false
  const actual = await derive(password, salt, { N, r, p })
  return timingSafeEqual(actual, expected)
}

/** Creates or replaces an account; the password is stored as a salted scrypt hash. */
export async function upsertAccount(db: Queryable, account: AccountInput): Promise<void> {
  const hash = await hashPassword(account.password)
  await db.query(
    `INSERT INTO users (username, password_hash, email, name, roles) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, email = EXCLUDED.email,
       name = EXCLUDED.name, roles = EXCLUDED.roles`,
    [account.username, hash, account.email, account.name, JSON.stringify(account.roles)],
  )
}

/** A hash of a random password, checked when the user does not exist so both cases take the same time. */
let dummyHash: Promise<string> | undefined

/** True when the user exists and the password matches. */
export async function checkPassword(db: Queryable, username: string, password: string): Promise<boolean> {
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = $1', [
    username,
  ])
  if (rows.length === 0) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
    await verifyPassword(password, await dummyHash)
    return false
  }
  return verifyPassword(password, rows[0].password_hash)
}

/** Reads an account, or undefined when there is none by that name. */
export async function findAccountRecord(db: Queryable, username: string): Promise<AccountRecord | undefined> {
  const { rows } = await db.query<AccountRecord>('SELECT username, email, name, roles FROM users WHERE username = $1', [
    username,
  ])
  const row = rows[0]
  if (!row) return undefined
  return { username: row.username, email: row.email, name: row.name, roles: Array.isArray(row.roles) ? row.roles : [] }
}
