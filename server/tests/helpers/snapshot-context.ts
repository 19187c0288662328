import type { StackSnapshot } from '../../src/stack'

/** What the snapshot global setup hands to test files through provide/inject. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Absent when a file runs without the global setup (another config): its stack then seeds for itself. */
    stackSnapshot?: StackSnapshot
    /** Set by the PostgreSQL global setup: every stack then gets its own copy of the seeded template. */
    postgresTemplate?: { serverUrl: string; template: string; files: string }
  }
}
