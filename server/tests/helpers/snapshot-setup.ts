/**
 * Vitest global setup (server and integration projects): seeds the demo store once per run and hands its
 * location to the test files, whose stacks each start from their own copy instead of seeding again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { writeStackSnapshot, type StackSnapshot } from '../../src/stack'
import './snapshot-context'

interface Shared {
  dir: string
  snapshot: Promise<StackSnapshot>
  projects: number
}

// Each project imports this file through its own module runner, so module state is per project; the main
// process's globalThis is what both projects share, and it lets the second project reuse the first one's seed.
const KEY = Symbol.for('provena-datastore-console.stack-snapshot')
const shared = globalThis as { [KEY]?: Shared }

function acquire(): Shared {
  const existing = shared[KEY]
  if (existing) return existing
  const dir = mkdtempSync(join(tmpdir(), 'datastore-snapshot-'))
  return (shared[KEY] = { dir, snapshot: writeStackSnapshot(dir), projects: 0 })
}

function release(current: Shared): void {
  if (--current.projects > 0) return
  rmSync(current.dir, { recursive: true, force: true })
  delete shared[KEY]
}

export async function setup(project: TestProject) {
  const current = acquire()
  current.projects++
  try {
    project.provide('stackSnapshot', await current.snapshot)
  } catch (error) {
    // Vitest calls no teardown for a setup that threw: the half-written folder would stay in the temp dir.
    release(current)
    throw error
  }
  return () => release(current)
}
