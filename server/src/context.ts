import type { Database } from './db/database'
import type { FileStorage } from './domain/storage'
import type { ListCaches } from './domain/listing'
import type { TokenVerifier } from './http/auth'

/** What every route of the local stack shares. */
export interface StackContext {
  db: Database
  verify: TokenVerifier
  storage: FileStorage
  /** Items' JSON and whole pages as lists last sent them. */
  lists: ListCaches
  /** The origin links are made for (presigned URLs, approval e-mails). */
  publicOrigin: string
  /** Origins the console is served from, for CORS on the S3 endpoint. */
  consoleOrigins: string[]
  /** KEY=value settings reported by GET /admin/config. */
  settings: Record<string, string | undefined>
}
