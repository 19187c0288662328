import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { ItemDataset } from '../src/domain/types'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, seededDataset } from './helpers/fixtures'

// The AWS SDK for JavaScript is the independent client here: it signs, frames and checks as it does against AWS.

interface Issued {
  credentials: { aws_access_key_id: string; aws_secret_access_key: string; aws_session_token: string; expiry: string }
}

let t: TestStack
let seeded: ItemDataset
let other: ItemDataset
beforeAll(async () => {
  t = await startTestStack()
  seeded = (await seededDataset(t, "a.owner = 'steward' AND NOT l.locked AND i.release_status = 'NOT_RELEASED'")).item
  other = (await seededDataset(t, `a.owner = 'admin' AND i.id <> '${seeded.id}'`)).item
})
afterAll(async () => t?.close())

async function clientFor(user: string, datasetId: string, kind: 'read' | 'write', credentials?: Partial<Issued['credentials']>) {
  const res = await t.as(user, 'POST', `/data-store/registry/credentials/generate-${kind}-access-credentials`, { body: { dataset_id: datasetId, console_session_required: false } })
  expect(res.status).toBe(200)
  const issued = { ...(res.body as Issued).credentials, ...credentials }
  const client = new S3Client({
    endpoint: `${t.baseUrl}/s3`,
    region: 'ap-southeast-2',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: issued.aws_access_key_id, secretAccessKey: issued.aws_secret_access_key, sessionToken: issued.aws_session_token },
  })
  return { client, issued }
}

const bucket = () => seeded.s3.bucket_name
const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return { name: (error as Error).name, status: (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode }
  }
  throw new Error('expected the call to fail')
}

describe('the S3 endpoint with read credentials', () => {
  it('lists and gets the dataset\'s own files, by range too', async () => {
    const { client } = await clientFor('steward', seeded.id, 'read')
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: seeded.s3.path }))
    const keys = (listed.Contents ?? []).map((o) => o.Key)
    expect(keys).toEqual([`${seeded.s3.path}README.md`, `${seeded.s3.path}data/observations.csv`, `${seeded.s3.path}metadata.json`])
    const folders = await client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: seeded.s3.path, Delimiter: '/' }))
    expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual([`${seeded.s3.path}data/`])
    expect(folders.KeyCount).toBe(3)
    const readme = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: `${seeded.s3.path}README.md` }))
    const text = await readme.Body!.transformToString()
    expect(text).toBe(`# ${seeded.display_name}\n\n${seeded.collection_format.dataset_info.description}\n`)
    expect(readme.ETag).toMatch(/^"[0-9a-f]{32}"$/)
    const part = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: `${seeded.s3.path}README.md`, Range: 'bytes=2-5' }))
    expect(await part.Body!.transformToString()).toBe(text.slice(2, 6))
    expect(part.ContentRange).toBe(`bytes 2-5/${Buffer.byteLength(text)}`)
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket(), Key: `${seeded.s3.path}README.md` }))
    expect(head.ContentLength).toBe(Buffer.byteLength(text))
  })

  it('pages a listing with a continuation token', async () => {
    const { client } = await clientFor('steward', seeded.id, 'read')
    const first = await client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: seeded.s3.path, MaxKeys: 2 }))
    expect(first).toMatchObject({ IsTruncated: true, KeyCount: 2 })
    const rest = await client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: seeded.s3.path, MaxKeys: 2, ContinuationToken: first.NextContinuationToken }))
    expect(rest).toMatchObject({ IsTruncated: false, KeyCount: 1 })
    expect(rest.Contents?.[0].Key).toBe(`${seeded.s3.path}metadata.json`)
  })

  it('refuses writing, other datasets\' prefixes, the bucket list and a missing key, with S3\'s codes', async () => {
    const { client } = await clientFor('steward', seeded.id, 'read')
    expect(await failureOf(client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${seeded.s3.path}new.txt`, Body: 'x' })))).toEqual({ name: 'AccessDenied', status: 403 })
    expect(await failureOf(client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: other.s3.path })))).toEqual({ name: 'AccessDenied', status: 403 })
    expect(await failureOf(client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: 'datasets/' })))).toEqual({ name: 'AccessDenied', status: 403 })
    expect(await failureOf(client.send(new GetObjectCommand({ Bucket: bucket(), Key: `${other.s3.path}README.md` })))).toEqual({ name: 'AccessDenied', status: 403 })
    expect(await failureOf(client.send(new GetObjectCommand({ Bucket: bucket(), Key: `${seeded.s3.path}nope.txt` })))).toEqual({ name: 'NoSuchKey', status: 404 })
  })
})

describe('the S3 endpoint\'s signature checks', () => {
  it('refuses a wrong secret, an unknown key, a wrong token and an expired credential', async () => {
    const list = (client: S3Client) => failureOf(client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: seeded.s3.path })))
    expect(await list((await clientFor('steward', seeded.id, 'read', { aws_secret_access_key: 'wrong' })).client)).toEqual({ name: 'SignatureDoesNotMatch', status: 403 })
    expect(await list((await clientFor('steward', seeded.id, 'read', { aws_access_key_id: 'ASIANOTISSUED' })).client)).toEqual({ name: 'InvalidAccessKeyId', status: 403 })
    expect(await list((await clientFor('steward', seeded.id, 'read', { aws_session_token: 'forged' })).client)).toEqual({ name: 'InvalidToken', status: 400 })
    const { client, issued } = await clientFor('steward', seeded.id, 'read')
    await t.stack.db.query('UPDATE storage_credentials SET expires_at = 1 WHERE access_key_id = $1', [issued.aws_access_key_id])
    expect(await list(client)).toEqual({ name: 'ExpiredToken', status: 400 })
  })

  it('serves a presigned GET until it is altered, and answers in S3\'s XML', async () => {
    const { client } = await clientFor('steward', seeded.id, 'read')
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket(), Key: `${seeded.s3.path}data/observations.csv` }), { expiresIn: 60 })
    const ok = await fetch(url)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toMatch(/^time,temperature_c\n/)
    const altered = await fetch(url.replace('observations.csv', 'README.md'))
    expect(altered.status).toBe(403)
    const xml = await altered.text()
    expect(xml).toContain('<Code>SignatureDoesNotMatch</Code>')
    expect(altered.headers.get('content-type')).toContain('application/xml')
    const anonymous = await fetch(`${t.baseUrl}/s3/${bucket()}/${seeded.s3.path}README.md`)
    expect(anonymous.status).toBe(403)
    expect(await anonymous.text()).toContain('<Code>AccessDenied</Code>')
  })

  it('answers CORS preflights for the console origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.baseUrl}/s3/${bucket()}/${seeded.s3.path}x`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,x-amz-date' } })
    const allowed = await preflight(t.baseUrl)
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(t.baseUrl)
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag')
    expect((await preflight('https://evil.example')).status).toBe(403)
  })
})

describe('the S3 endpoint with write credentials', () => {
  async function writable() {
    const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    const item = ((await t.as('steward', 'GET', '/data-store/registry/items/fetch-dataset', { query: { handle_id: id } })).body as { item: ItemDataset }).item
    return { item, ...(await clientFor('steward', id, 'write')) }
  }

  it('puts objects sent whole and sent as streams (aws-chunked), and deletes them', async () => {
    const { item, client } = await writable()
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${item.s3.path}whole.txt`, Body: 'sent whole', ContentType: 'text/plain' }))
    const bytes = Buffer.alloc(300_000, 7)
    await client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${item.s3.path}data/streamed.bin`, Body: Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]), ContentLength: bytes.length }))
    const whole = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: `${item.s3.path}whole.txt` }))
    expect(await whole.Body!.transformToString()).toBe('sent whole')
    expect(whole.ContentType).toBe('text/plain')
    const streamed = await client.send(new GetObjectCommand({ Bucket: bucket(), Key: `${item.s3.path}data/streamed.bin` }))
    expect(Buffer.from(await streamed.Body!.transformToByteArray()).equals(bytes)).toBe(true)
    await client.send(new DeleteObjectCommand({ Bucket: bucket(), Key: `${item.s3.path}whole.txt` }))
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: item.s3.path }))
    expect(listed.Contents?.map((o) => o.Key?.slice(item.s3.path.length))).toEqual(['data/streamed.bin', 'metadata.json'])
    expect(await failureOf(client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${other.s3.path}intruder.txt`, Body: 'x' })))).toEqual({ name: 'AccessDenied', status: 403 })
    expect(await failureOf(client.send(new PutObjectCommand({ Bucket: bucket(), Key: `${item.s3.path}a/../../escape.txt`, Body: 'x' })))).toMatchObject({ status: 400 })
  })

  it('uploads in parts, refuses a wrong part list, and aborts', async () => {
    const { item, client } = await writable()
    const Key = `${item.s3.path}big/joined.bin`
    const first = Buffer.alloc(5 * 1024 * 1024, 1)
    const second = Buffer.from('the last, short part')
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key }))
    const one = await client.send(new UploadPartCommand({ Bucket: bucket(), Key, UploadId, PartNumber: 1, Body: first }))
    const two = await client.send(new UploadPartCommand({ Bucket: bucket(), Key, UploadId, PartNumber: 2, Body: second }))
    const wrong = client.send(new CompleteMultipartUploadCommand({ Bucket: bucket(), Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: two.ETag }] } }))
    expect(await failureOf(wrong)).toEqual({ name: 'InvalidPart', status: 400 })
    const done = await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket(), Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: one.ETag }, { PartNumber: 2, ETag: two.ETag }] } }))
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/)
    const got = await client.send(new GetObjectCommand({ Bucket: bucket(), Key }))
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(Buffer.concat([first, second]))).toBe(true)
    const { UploadId: dropped } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket(), Key: `${item.s3.path}dropped.bin` }))
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: `${item.s3.path}dropped.bin`, UploadId: dropped }))
    expect(await failureOf(client.send(new UploadPartCommand({ Bucket: bucket(), Key: `${item.s3.path}dropped.bin`, UploadId: dropped, PartNumber: 1, Body: 'x' })))).toEqual({ name: 'NoSuchUpload', status: 404 })
  })
})
