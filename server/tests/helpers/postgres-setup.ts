/**
 * Vitest global setup for the server suite on PostgreSQL: starts a throw-away server (Debian's initdb and
 * pg_ctl), seeds one template database and hands it to the test files, whose stacks each get their own copy
 * (CREATE DATABASE … TEMPLATE), so the suite's SQL runs on both engines.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { writePostgresTemplate } from '../../src/stack'
import { startPostgres } from './postgres'
import './snapshot-context'

export const TEMPLATE_DATABASE = 'seeded_template'

export async function setup(project: TestProject) {
  const postgres = await startPostgres()
  const files = mkdtempSync(join(tmpdir(), 'datastore-pg-files-'))
  const stop = () => {
    postgres.stop()
    rmSync(files, { recursive: true, force: true })
  }
  try {
    const { default: pg } = await import('pg')
    const admin = new pg.Client({ connectionString: postgres.url })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`)
    await admin.end()
    await writePostgresTemplate(postgres.url.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`), files)
    project.provide('postgresTemplate', { serverUrl: postgres.url, template: TEMPLATE_DATABASE, files })
  } catch (error) {
    stop()
    throw error
  }
  return stop
}
