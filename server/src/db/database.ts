import { mkdirSync } from 'node:fs'

/** The slice of SQL the stack uses, the same on PGlite and on a PostgreSQL server. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>
}

export interface Database extends Queryable {
  /** Runs fn in one transaction: everything it wrote is kept, or nothing is. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
  readonly kind: 'pglite' | 'postgres'
  /**
   * Moves on after every transaction and every statement that is not a plain SELECT, once it has finished:
   * what was read while it stayed the same is still what the database holds (answer caches key on it).
   */
  readonly writes: number
  /** PGlite only: its data directory as an uncompressed tarball, to start other databases from. */
  dumpDataDir?(): Promise<Blob>
}

export interface DatabaseOptions {
  /** postgres://… runs on a PostgreSQL server; otherwise PGlite. */
  url?: string
  /** PGlite's folder; absent means in memory (tests). */
  dataDir?: string
  /** A tarball from dumpDataDir for an in-memory PGlite to start from, instead of an empty cluster. */
  loadDataDir?: Blob
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Omit<Database, 'writes'>> {
  const { PGlite } = await import('@electric-sql/pglite')
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const pg = new PGlite({ dataDir, loadDataDir })
  await pg.waitReady
  return {
    kind: 'pglite',
    query: (sql, params) => pg.query(sql, params) as never,
    transaction: (fn) => pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params) as never })),
    close: () => pg.close(),
    async dumpDataDir() {
      // Committed pages may still sit in shared buffers; flushed now, no copy has to recover them from the WAL.
      await pg.query('CHECKPOINT')
      return pg.dumpDataDir('none')
    },
  }
}

async function openPostgres(url: string): Promise<Omit<Database, 'writes'>> {
  const { default: pg } = await import('pg')
  // Unix seconds are stored as bigint; they fit a JS number, so read them as numbers.
  pg.types.setTypeParser(20, (value: string) => Number(value))
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params as unknown[]) as never,
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({ query: (sql, params) => client.query(sql, params as unknown[]) as never })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

const PLAIN_SELECT = /^\s*SELECT\b/i

/** Counts the writes of `db`: a counter moved after each one ends, whether it committed or not. */
function countingWrites(db: Omit<Database, 'writes'>): Database {
  let writes = 0
  const after = async <T>(work: Promise<T>) => {
    try {
      return await work
    } finally {
      writes++
    }
  }
  return {
    ...db,
    get writes() {
      return writes
    },
    query: (sql, params) => (PLAIN_SELECT.test(sql) ? db.query(sql, params) : after(db.query(sql, params))) as never,
    transaction: (fn) => after(db.transaction(fn)),
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url && options.loadDataDir) throw new Error('A PGlite tarball cannot be loaded into a PostgreSQL server.')
  return countingWrites(await (options.url ? openPostgres(options.url) : openPglite(options.dataDir, options.loadDataDir)))
}
