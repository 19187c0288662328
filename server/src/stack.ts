import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { openDatabase, type Database } from './db/database'
import { migrate } from './db/migrate'
import { FileStorage } from './domain/storage'
import { ItemJsonCache } from './domain/item-json-cache'
import { ListPageCache } from './domain/list-page-cache'
import { createOidc, type Oidc } from './oidc'
import { loadCookieKeys, loadSigningKey } from './oidc/keys'
import { REALM_PATH } from './console-config'
import { seedDemoData } from './seed/apply'

export const BUCKET = 'local-data-store'

/** A seeded store on disk that in-memory stacks start from, each with its own copy (see writeStackSnapshot). */
export interface StackSnapshot {
  /** PGlite's data directory, as the tarball dumpDataDir gives. */
  database: string
  /** The bucket's folder, as it was when the database was dumped. */
  files: string
}

export interface StackOptions {
  /** The one origin the provider issues tokens for, e.g. http://localhost:8080. */
  origin: string
  /** Other origins the console may be served from (each gets redirect URIs). */
  extraConsoleOrigins?: string[]
  /** Folder for PGlite and the files; absent keeps everything in memory and a temporary folder. */
  dataDir?: string
  /** postgres://… to use a PostgreSQL server instead of PGlite. */
  databaseUrl?: string
  /** The built console to serve, if any. */
  distDir?: string
  accessTokenTtlSeconds?: number
  /** The device flow's polling interval in whole seconds; Keycloak's 5 unless set. */
  deviceCodePollIntervalSeconds?: number
  /** Seed the demo accounts and data into an empty database. */
  seed?: boolean
  /** Start from a copy of this store instead of an empty one (in memory and a temporary folder only). */
  snapshot?: StackSnapshot
  /**
   * Start the bucket's temporary folder as a copy of this one: for a PostgreSQL database that is itself a copy
   * of a seeded template (writePostgresTemplate), whose files live outside the database.
   */
  filesFrom?: string
  logger?: boolean
}

export interface Stack {
  app: FastifyInstance
  db: Database
  oidc: Oidc
  storage: FileStorage
  issuer: string
  audience: string
  close(): Promise<void>
}

async function storageSecret(db: Database): Promise<string> {
  const fresh = JSON.stringify(randomBytes(32).toString('hex'))
  await db.query('INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', ['storage-signing-key', fresh])
  const { rows } = await db.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', ['storage-signing-key'])
  return rows[0].value
}

/** Migrates, seeds when asked and gathers the planner statistics. */
async function prepareStore(db: Database, filesRoot: string, options: { seed: boolean; analyse: boolean }): Promise<FileStorage> {
  await migrate(db)
  const storage = new FileStorage(filesRoot, BUCKET, await storageSecret(db))
  if (options.seed) await seedDemoData(db, storage)
  // PGlite runs no autovacuum: without statistics the planner sorts every dataset to show twenty.
  if (options.analyse) await db.query('ANALYZE')
  return storage
}

/**
 * Seeds a store once and writes it under `dir` (database.tar and files/), for stacks to start from with the
 * `snapshot` option. The provider's keys are made here too, so no copy spends time generating an RSA key.
 */
export async function writeStackSnapshot(dir: string): Promise<StackSnapshot> {
  const snapshot = { database: join(dir, 'database.tar'), files: join(dir, 'files') }
  const db = await openDatabase({})
  try {
    await seedForCopies(db, snapshot.files)
    const tarball = await db.dumpDataDir!()
    writeFileSync(snapshot.database, Buffer.from(await tarball.arrayBuffer()))
  } finally {
    await db.close()
  }
  return snapshot
}

/**
 * The same for a PostgreSQL server: seeds the (empty) database at `databaseUrl`, to be copied with CREATE
 * DATABASE … TEMPLATE, and the bucket's files into `filesDir`, for stacks started with `filesFrom`.
 */
export async function writePostgresTemplate(databaseUrl: string, filesDir: string): Promise<void> {
  const db = await openDatabase({ url: databaseUrl })
  try {
    await seedForCopies(db, filesDir)
  } finally {
    await db.close()
  }
}

async function seedForCopies(db: Database, filesDir: string) {
  await prepareStore(db, filesDir, { seed: true, analyse: true })
  await loadSigningKey(db)
  await loadCookieKeys(db)
}

/** Everything the console talks to, in one process: APIs, provider, database, files and the console. */
export async function createStack(options: StackOptions): Promise<Stack> {
  const { snapshot } = options
  if (snapshot && (options.dataDir || options.databaseUrl || options.seed)) {
    throw new Error('A stack starts from a snapshot only in memory, and a snapshot is already seeded.')
  }
  const db = await openDatabase({
    url: options.databaseUrl,
    dataDir: options.dataDir ? join(options.dataDir, 'db') : undefined,
    loadDataDir: snapshot ? await openAsBlob(snapshot.database) : undefined,
  })
  const filesRoot = options.dataDir ? join(options.dataDir, 'files') : mkdtempSync(join(tmpdir(), 'datastore-files-'))
  if (options.filesFrom && (options.dataDir || snapshot)) throw new Error('filesFrom is for a temporary folder beside a copied database.')
  const filesFrom = snapshot?.files ?? options.filesFrom
  if (filesFrom) cpSync(filesFrom, filesRoot, { recursive: true })
  // A snapshot's copy is already migrated, seeded and analysed, so only the cheap checks run again.
  const storage = await prepareStore(db, filesRoot, { seed: options.seed ?? false, analyse: !(snapshot || options.filesFrom) })

  const issuer = `${options.origin}${REALM_PATH}`
  const audience = `${options.origin}/apis`
  const port = new URL(options.origin).port
  const consoleOrigins = [
    ...new Set([options.origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`, ...(options.extraConsoleOrigins ?? [])]),
  ]
  const oidc = await createOidc({
    db,
    issuer,
    consoleOrigins,
    audience,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
    deviceCodePollIntervalSeconds: options.deviceCodePollIntervalSeconds,
  })
  const app = await buildApp({
    stack: {
      db,
      verify: (token) => oidc.verifyAccessToken(token),
      storage,
      lists: { itemJson: new ItemJsonCache(), pages: new ListPageCache(db) },
      publicOrigin: options.origin,
      consoleOrigins,
      settings: {
        STAGE: 'LOCAL',
        KEYCLOAK_ENDPOINT: issuer,
        REGISTRY_API_ENDPOINT: `${options.origin}/registry`,
        AUTH_API_ENDPOINT: `${options.origin}/auth-api`,
        S3_STORAGE_BUCKET_NAME: BUCKET,
        DOMAIN_BASE: new URL(options.origin).host,
        DATABASE: db.kind,
        MONITORING_ENABLED: 'False',
      },
    },
    registerOidc: (app) => oidc.register(app),
    issuer,
    console: options.distDir ? { distDir: options.distDir, issuer } : undefined,
    logger: options.logger,
  })

  return {
    app,
    db,
    oidc,
    storage,
    issuer,
    audience,
    async close() {
      await app.close()
      await oidc.close()
      await db.close()
      if (!options.dataDir) rmSync(filesRoot, { recursive: true, force: true })
    },
  }
}
