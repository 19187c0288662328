import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStack, type TestStack } from './helpers/stack'
import { examplePayload, personOf, seededDataset } from './helpers/fixtures'
import { attachment } from '../src/s3/presign'

let t: TestStack
beforeAll(async () => {
  t = await startTestStack()
})
afterAll(async () => t?.close())

describe('presigned URLs', () => {
  it('signs an expiring download link to a file that exists, served as an attachment', async () => {
    const { item } = await seededDataset(t, "a.owner = 'steward' AND (i.doc->'collection_format'->'dataset_info'->'access_info'->>'reposited')::boolean")
    const res = await t.as('reader', 'POST', '/data-store/registry/items/generate-presigned-url', { body: { dataset_id: item.id, file_path: 'README.md', expires_in: 60 } })
    expect(res.status).toBe(200)
    const { presigned_url } = res.body as { presigned_url: string }
    expect(res.body).toMatchObject({ dataset_id: item.id, file_path: 'README.md' })
    // A Signature V4 query on the stack's S3 endpoint, as boto3 makes one on AWS.
    const url = new URL(presigned_url)
    expect(url.pathname).toBe(`/s3/${item.s3.bucket_name}/${item.s3.path}README.md`)
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60')
    const download = await fetch(presigned_url)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="README.md"; filename*=UTF-8''README.md`)
    expect(await download.text()).toContain(item.display_name)
    // Change the signature's first character to a different one (replacing it with a fixed '0' was a no-op one time in 16).
    const tampered = await fetch(presigned_url.replace(/X-Amz-Signature=(.)/, (_match, first: string) => `X-Amz-Signature=${first === '0' ? '1' : '0'}`))
    expect(tampered.status).toBe(403)
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
    // The link reaches its one file, not its neighbours.
    const neighbour = new URL(presigned_url)
    neighbour.pathname = neighbour.pathname.replace('README.md', 'data/observations.csv')
    expect((await fetch(neighbour)).status).toBe(403)
    // Its credential lasts as long as the link: once that has passed, S3's ExpiredToken.
    await t.stack.db.query('UPDATE storage_credentials SET expires_at = 1 WHERE access_key_id = $1', [url.searchParams.get('X-Amz-Credential')!.split('/')[0]])
    const late = await fetch(presigned_url)
    expect(late.status).toBe(400)
    expect(await late.text()).toContain('<Code>ExpiredToken</Code>')
  })

  it('names the download after the file, with an ASCII fallback for names that need one', () => {
    expect(attachment('datasets/10378-1-1/data/résumé "v1".txt')).toBe(`attachment; filename="r_sum_ _v1_.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22v1%22.txt`)
  })

  it('refuses traversal, missing files, bad expiry and callers without dataset-data-read', async () => {
    const { item } = await seededDataset(t, "a.owner = 'steward' AND a.general ? 'dataset-data-read'")
    const call = (body: object, user = 'reader') => t.as(user, 'POST', '/data-store/registry/items/generate-presigned-url', { body: { dataset_id: item.id, ...body } })
    expect(await call({ file_path: '../secrets' })).toMatchObject({ status: 400, body: { detail: "File path '../secrets' contains '../' which is not allowed." } })
    expect(await call({ file_path: 'nope.txt' })).toMatchObject({ status: 400, body: { detail: `File path 'nope.txt' does not exist in dataset with id ${item.id}` } })
    expect((await call({ file_path: 'README.md', expires_in: 0 })).status).toBe(422)
    expect((await call({ file_path: 'README.md', expires_in: 86401 })).status).toBe(422)
    const { item: metadataOnly } = await seededDataset(t, "a.owner = 'steward' AND a.general = '[\"metadata-read\"]'")
    const refused = await t.as('reader', 'POST', '/data-store/registry/items/generate-presigned-url', { body: { dataset_id: metadataOnly.id, file_path: 'README.md' } })
    expect(refused.status).toBe(401)
    const unknown = await t.as('reader', 'POST', '/data-store/registry/items/generate-presigned-url', { body: { dataset_id: '10378.1/1', file_path: 'a' } })
    expect((unknown.body as { detail: string }).detail).toMatch(/^Failed to generate presigned url\. Error: The registry API/)
  })
})

describe('credentials', () => {
  it('issues STS-shaped read credentials with an optional console link', async () => {
    const { item } = await seededDataset(t, "a.general ? 'dataset-data-read'")
    const res = await t.as('reader', 'POST', '/data-store/registry/credentials/generate-read-access-credentials', { body: { dataset_id: item.id, console_session_required: true } })
    expect(res.status).toBe(200)
    const body = res.body as { status: { success: boolean }; credentials: Record<string, string>; console_session_url: string }
    expect(body.status).toEqual({ success: true, details: 'STS credentials generated successfully for specified path.' })
    expect(Object.keys(body.credentials).sort()).toEqual(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'expiry'])
    expect(new Date(body.credentials.expiry).getTime()).toBeGreaterThan(Date.now() + 7 * 3600 * 1000)
    const listing = await fetch(body.console_session_url)
    expect(listing.status).toBe(200)
    expect(await listing.text()).toContain('metadata.json')
  })

  it('freezes writes for locked, pending and released datasets and non-writers', async () => {
    const { item: locked } = await seededDataset(t, "l.locked AND a.owner = 'steward'")
    const write = (id: string, user = 'steward') =>
      t.as(user, 'POST', '/data-store/registry/credentials/generate-write-access-credentials', { body: { dataset_id: id, console_session_required: false } })
    expect((await write(locked.id)).body).toEqual({ detail: 'This dataset is locked - you cannot modify the files of a locked dataset. Unlock the dataset first.' })
    const minted = await t.as('steward', 'POST', '/data-store/register/mint-dataset', { body: await examplePayload(t) })
    const id = (minted.body as { handle: string }).handle
    expect((await write(id)).status).toBe(200)
    expect((await write(id, 'reviewer')).status).toBe(401)
    await t.as('steward', 'POST', '/data-store/release/approval-request', { body: { dataset_id: id, approver_id: await personOf(t, 'reviewer'), notes: 'n' } })
    expect(await write(id)).toMatchObject({ status: 403, body: { detail: `Dataset ${id} is pending review or is released. Cannot modify dataset files while a review is ongoing.` } })
    expect((await t.as('reader', 'POST', '/data-store/registry/credentials/generate-write-access-credentials', { body: { dataset_id: id, console_session_required: false } })).status).toBe(401)
  })
})

describe('admin', () => {
  it('downloads the config file and reports monitoring off, for registry admins only', async () => {
    const required = await t.as('admin', 'GET', '/data-store/admin/config')
    expect(required.status).toBe(200)
    expect(required.headers.get('content-disposition')).toContain('config.txt')
    expect(required.text).toContain('STAGE=LOCAL')
    expect(required.text).not.toContain('DATABASE=')
    const all = await t.as('admin', 'GET', '/data-store/admin/config', { query: { required_only: false } })
    expect(all.text).toContain(`DATABASE=${t.stack.db.kind}`)
    expect((await t.as('steward', 'GET', '/data-store/admin/config')).status).toBe(401)
    expect((await t.as('admin', 'GET', '/data-store/admin/sentry-debug')).body).toMatchObject({ message: expect.stringMatching(/^Monitoring is disabled/) })
  })
})
