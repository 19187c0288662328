import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ItemDataset } from '../src/domain/types'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, seededDataset } from './helpers/fixtures'

// Debian's awscli (apt-get install awscli), by path: a pip-installed `aws` earlier on PATH would be another client.
const AWS = process.env.AWS_CLI ?? '/usr/bin/aws'
const run = promisify(execFile)

let t: TestStack
let work: string
beforeAll(async () => {
  if (!existsSync(AWS)) throw new Error(`These tests drive Debian's awscli at ${AWS}: apt-get install -y awscli (or set AWS_CLI).`)
  t = await startTestStack()
  work = mkdtempSync(join(tmpdir(), 'awscli-'))
})
afterAll(async () => {
  await t?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

interface Credentials {
  aws_access_key_id: string
  aws_secret_access_key: string
  aws_session_token: string
}

async function credentials(user: string, datasetId: string, kind: 'read' | 'write'): Promise<Credentials> {
  const res = await t.as(user, 'POST', `/data-store/registry/credentials/generate-${kind}-access-credentials`, { body: { dataset_id: datasetId, console_session_required: false } })
  return (res.body as { credentials: Credentials }).credentials
}

/** Runs `aws s3 …` with only the issued credentials: no profile, no metadata service, no retries. */
async function aws(creds: Credentials, ...args: string[]): Promise<{ ok: boolean; out: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    AWS_ACCESS_KEY_ID: creds.aws_access_key_id,
    AWS_SECRET_ACCESS_KEY: creds.aws_secret_access_key,
    AWS_SESSION_TOKEN: creds.aws_session_token,
    AWS_DEFAULT_REGION: 'ap-southeast-2',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
  }
  // An IP endpoint makes awscli address the bucket by path (/s3/<bucket>/<key>), as the endpoint serves it.
  const endpoint = `http://127.0.0.1:${t.port}/s3`
  try {
    const { stdout, stderr } = await run(AWS, ['s3', ...args, '--endpoint-url', endpoint], { env, timeout: 60_000 })
    return { ok: true, out: stdout + stderr }
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string }
    return { ok: false, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

async function mintAsSteward(): Promise<ItemDataset> {
  const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
  const id = (minted.body as { handle: string }).handle
  return ((await t.as('steward', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })).body as { item: ItemDataset }).item
}

describe('Debian\'s awscli against the S3 endpoint', () => {
  it('lists, uploads (a multipart file too), syncs and downloads within the dataset\'s prefix', { timeout: 120_000 }, async () => {
    const item = await mintAsSteward()
    const target = `s3://${item.s3.bucket_name}/${item.s3.path}`
    const creds = await credentials('steward', item.id, 'write')
    const upload = join(work, 'upload')
    const big = Buffer.alloc(9 * 1024 * 1024 + 17)
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251
    writeFileSync(join(work, 'big.bin'), big)
    expect((await aws(creds, 'cp', join(work, 'big.bin'), `${target}data/big.bin`, '--no-progress')).ok).toBe(true)
    rmSync(upload, { recursive: true, force: true })
    await run('mkdir', ['-p', join(upload, 'notes')])
    writeFileSync(join(upload, 'readme.txt'), 'read me\n')
    writeFileSync(join(upload, 'notes', 'field notes.txt'), 'waves + wind\n')
    expect((await aws(creds, 'sync', upload, target, '--no-progress')).ok).toBe(true)
    const listed = await aws(creds, 'ls', target, '--recursive')
    expect(listed.ok).toBe(true)
    for (const key of ['data/big.bin', 'metadata.json', 'notes/field notes.txt', 'readme.txt']) expect(listed.out).toContain(`${item.s3.path}${key}`)
    // Downloaded in ranged parts (the file is over awscli's 8 MiB threshold) and joined back.
    expect((await aws(creds, 'cp', `${target}data/big.bin`, join(work, 'back.bin'), '--no-progress')).ok).toBe(true)
    expect(readFileSync(join(work, 'back.bin')).equals(big)).toBe(true)
    expect((await aws(creds, 'cp', `${target}notes/field notes.txt`, '-')).out).toBe('waves + wind\n')
  })

  it('is refused outside the prefix, writing with read credentials, and after expiry', async () => {
    const item = await mintAsSteward()
    const { item: other } = await seededDataset(t, `a.owner = 'admin'`)
    const bucket = item.s3.bucket_name
    writeFileSync(join(work, 'small.txt'), 'small\n')
    const writer = await credentials('steward', item.id, 'write')
    const outside = await aws(writer, 'cp', join(work, 'small.txt'), `s3://${bucket}/${other.s3.path}small.txt`)
    expect(outside).toMatchObject({ ok: false, out: expect.stringContaining('AccessDenied') })
    expect(await aws(writer, 'ls', `s3://${bucket}/datasets/`)).toMatchObject({ ok: false, out: expect.stringContaining('AccessDenied') })
    const reader = await credentials('steward', item.id, 'read')
    expect((await aws(reader, 'ls', `s3://${bucket}/${item.s3.path}`)).ok).toBe(true)
    expect(await aws(reader, 'cp', join(work, 'small.txt'), `s3://${bucket}/${item.s3.path}small.txt`)).toMatchObject({ ok: false, out: expect.stringContaining('AccessDenied') })
    await t.stack.db.query('UPDATE storage_credentials SET expires_at = 1 WHERE access_key_id = $1', [reader.aws_access_key_id])
    expect(await aws(reader, 'ls', `s3://${bucket}/${item.s3.path}`)).toMatchObject({ ok: false, out: expect.stringContaining('ExpiredToken') })
  })
})
