import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import { inject } from 'vitest'
import { createStack, type Stack, type StackOptions } from '../../src/stack'
import { signIn } from './sign-in'
import './snapshot-context'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * A database of the test file's own on the run's PostgreSQL server: a copy of the seeded template, or empty
 * (for tests that seed, or test seeding). Copies from one template cannot start at the same moment (the
 * template must have no other session), so a clash with another file's copy is retried.
 */
async function createDatabase(postgres: { serverUrl: string; template: string }, fromTemplate: boolean) {
  const { default: pg } = await import('pg')
  const name = `stack_${randomUUID().replaceAll('-', '')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgres.serverUrl })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${postgres.template}` : `CREATE DATABASE ${name}`)
      break
    } catch (error) {
      if (attempt >= 40 || !/being accessed by other users/.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  return {
    url: postgres.serverUrl.replace(/\/postgres$/, `/${name}`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

export interface CallOptions {
  token?: string | null
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /** Raw body text, sent as JSON content. */
  raw?: string
  headers?: Record<string, string>
}

export interface Answer {
  status: number
  body: unknown
  text: string
  headers: Headers
}

/**
 * A fresh local stack (in-memory database, demo data) listening on a free port, with real sign-in. The demo
 * data is a private copy of the run's seeded snapshot. Passing `seed` (true for the tests of seeding itself) or a
 * PostgreSQL server (where a PGlite snapshot cannot go) skips the snapshot: the store starts empty and is seeded
 * unless `seed` is false.
 */
export async function startTestStack(options: Partial<StackOptions> = {}) {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const postgres = options.databaseUrl || options.dataDir ? undefined : inject('postgresTemplate')
  const database = postgres ? await createDatabase(postgres, options.seed === undefined) : undefined
  const snapshot = options.seed !== undefined || options.databaseUrl || options.dataDir || postgres ? undefined : inject('stackSnapshot')
  const start = database
    ? { databaseUrl: database.url, ...(options.seed === undefined ? { filesFrom: postgres!.files } : {}) }
    : snapshot
      ? { snapshot }
      : { seed: true }
  const stack: Stack = await createStack({ origin: baseUrl, ...start, ...options })
  await stack.app.listen({ host: '127.0.0.1', port })
  const tokens = new Map<string, string>()

  async function tokenFor(username: string, password = username): Promise<string> {
    const cached = tokens.get(username)
    if (cached) return cached
    const { access_token } = await signIn(baseUrl, username, password)
    tokens.set(username, access_token)
    return access_token
  }

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const url = new URL(path, baseUrl)
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value))
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let body: string | undefined
    if (options.raw !== undefined) body = options.raw
    else if (options.body !== undefined) body = JSON.stringify(options.body)
    if (body !== undefined) headers['content-type'] ??= 'application/json'
    const response = await fetch(url, { method, headers, body })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // Not JSON (plain-text 500s, downloads): keep the text.
    }
    return { status: response.status, body: parsed, text, headers: response.headers }
  }

  /** Calls a route as a demo user (or anonymously with null). */
  async function as(username: string | null, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    return call(method, path, { ...options, token: username ? await tokenFor(username) : null })
  }

  /** A fingerprint of everything the APIs can write, to prove a refused request wrote nothing. */
  async function fingerprint(): Promise<string> {
    const { rows } = await stack.db.query<{ f: string }>(
      `SELECT concat_ws('|',
         (SELECT md5(coalesce(string_agg(doc::text, '' ORDER BY id), '')) FROM items),
         (SELECT md5(coalesce(string_agg(item_id || owner || general::text || groups::text, '' ORDER BY item_id), '')) FROM access_settings),
         (SELECT md5(coalesce(string_agg(item_id || locked::text || history::text, '' ORDER BY item_id), '')) FROM locks),
         (SELECT count(*) FROM reviewers), (SELECT count(*) FROM outbox), (SELECT last_value FROM handle_seq)) AS f`,
    )
    return rows[0].f
  }

  async function close() {
    await stack.close()
    await database?.drop()
  }

  return { stack, baseUrl, port, tokenFor, call, as, fingerprint, close }
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>
