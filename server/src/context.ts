import type { Database } from './db/database'
import type { FileStorage } from './domain/storage'
import type { TokenVerifier } from './http/auth'

/** What every route of the local stack shares. */
export interface StackContext {
  db: Database
  verify: TokenVerifier
  storage: FileStorage
  /** The origin links are made for (presigned URLs, approval e-mails). */
  publicOrigin: string
  /** KEY=value settings reported by GET /admin/config. */
  settings: Record<string, string | undefined>
}
