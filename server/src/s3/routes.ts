import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Queryable } from '../db/database'
import { nowSeconds } from '../domain/items'
import type { StorageCredential } from '../domain/storage-credentials'
import { authenticate } from './auth'
import { receiveBody } from './body'
import { listDoc, listObjects } from './listing'
import type { ObjectStore } from './objects'
import { doc, el, errorDoc, S3Error, s3Errors } from './xml'

export interface S3RouteOptions {
  db: Queryable
  store: ObjectStore
  /** Origins the console is served from: browsers there may call the endpoint (CORS). */
  origins: string[]
}

const EXPOSED = 'ETag, Content-Length, Content-Range, Last-Modified, x-amz-request-id, x-amz-version-id'
const MOUNT = '/s3'

interface Target {
  bucket: string
  key: string
  query: URLSearchParams
  rawQuery: string
}

function targetOf(rawUrl: string): Target {
  const [rawPath, rawQuery = ''] = rawUrl.split(/\?(.*)/s)
  const match = /^\/([^/]*)\/?(.*)$/s.exec(rawPath.slice(MOUNT.length) || '/')!
  try {
    return { bucket: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]), query: new URLSearchParams(rawQuery), rawQuery }
  } catch {
    throw new S3Error(400, 'InvalidURI', 'Couldn\'t parse the specified URI.')
  }
}

/** Reads a small XML body (CompleteMultipartUpload) whole. */
async function smallBody(request: FastifyRequest): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request.raw) {
    size += (chunk as Buffer).length
    if (size > 1024 * 1024) throw new S3Error(400, 'MaxMessageLengthExceeded', 'Your request was too big.')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const unquote = (text: string) => text.replace(/&quot;/g, '"').replace(/&#34;/g, '"').trim()

function byteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (!m[1] && !m[2])) return null
  const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]))
  const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1
  if (start >= size || start > end) throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable', { RangeRequested: header, ActualObjectSize: String(size) })
  return { start, end }
}

/**
 * The data store's bucket as S3 (path style, `/s3/<bucket>/<key>`), for the credentials the stack issues:
 * each reaches its dataset's prefix, to list and get, or with write credentials also to put, upload in
 * parts and delete. Enough of S3 for awscli (`ls`, `cp`, `sync`), the AWS SDK and the console's uploads.
 */
export async function s3Routes(app: FastifyInstance, options: S3RouteOptions) {
  const { db, store } = options
  const bucket = store.storage.bucket
  // Bodies are object bytes, streamed by the handlers: never parsed, and not subject to the API's body limit.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (_request, _payload, done) => done(null))

  app.setErrorHandler((error, request, reply) => {
    const s3 = error instanceof S3Error ? error : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.')
    if (!(error instanceof S3Error)) request.log.error(error)
    const requestId = randomBytes(8).toString('hex').toUpperCase()
    reply.code(s3.status).header('x-amz-request-id', requestId).type('application/xml')
    // HEAD answers carry the status only, as S3's do.
    return request.method === 'HEAD' ? reply.send() : reply.send(errorDoc(s3, request.raw.url?.split('?')[0].slice(MOUNT.length) ?? '', requestId))
  })

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin
    const allowed = !!origin && options.origins.includes(origin)
    if (allowed) reply.header('access-control-allow-origin', origin).header('vary', 'Origin').header('access-control-expose-headers', EXPOSED)
    if (request.method !== 'OPTIONS') return
    if (!allowed) throw new S3Error(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed.')
    return reply
      .code(200)
      .header('access-control-allow-methods', 'GET, HEAD, PUT, POST, DELETE')
      .header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? '*')
      .header('access-control-max-age', '3000')
      .send()
  })

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const rawUrl = request.raw.url ?? ''
    const target = targetOf(rawUrl)
    // Said before the signature check, which would fail first: URL parsing folds "." and ".." segments away.
    if (target.key.split('/').some((segment) => segment === '.' || segment === '..')) store.fileOf(target.key)
    const credential = await authenticate(db, { method: request.method, rawUrl, headers: request.headers }, nowSeconds())
    // Dataset-scoped credentials never see the list of buckets, as the data store's STS policy allows none.
    if (!target.bucket) throw s3Errors.accessDenied()
    if (target.bucket !== bucket) throw s3Errors.noSuchBucket(target.bucket)
    return target.key ? objectOperation(request, reply, target, credential) : bucketOperation(request, reply, target, credential)
  }

  function allow(credential: StorageCredential, key: string, write: boolean) {
    if (!key.startsWith(credential.prefix)) throw s3Errors.accessDenied(`Access Denied: these credentials reach ${credential.prefix} only.`)
    if (write && !credential.can_write) throw s3Errors.accessDenied('Access Denied: these are read credentials; writing needs write credentials.')
  }

  async function bucketOperation(request: FastifyRequest, reply: FastifyReply, target: Target, credential: StorageCredential) {
    if (request.method === 'HEAD') return reply.code(200).send()
    if (request.method !== 'GET') throw s3Errors.notImplemented(`${request.method} on a bucket`)
    if (target.query.get('list-type') !== '2') throw s3Errors.notImplemented('ListObjects version 1; use ListObjectsV2 (list-type=2)')
    const prefix = target.query.get('prefix') ?? ''
    allow(credential, prefix, false)
    const maxKeys = Math.max(0, Math.min(1000, Number(target.query.get('max-keys') ?? 1000) || 0))
    const params = {
      prefix,
      delimiter: target.query.get('delimiter') || undefined,
      maxKeys: target.query.has('max-keys') ? maxKeys : 1000,
      startAfter: target.query.get('start-after') ?? undefined,
      continuationToken: target.query.get('continuation-token') ?? undefined,
      urlEncoded: target.query.get('encoding-type') === 'url',
    }
    const page = listObjects(await store.entries(prefix), params)
    return reply.type('application/xml').send(listDoc(bucket, params, page))
  }

  async function objectOperation(request: FastifyRequest, reply: FastifyReply, target: Target, credential: StorageCredential) {
    const { key, query } = target
    const uploadId = query.get('uploadId')
    switch (request.method) {
      case 'GET':
      case 'HEAD':
        if (uploadId) return listParts(reply, key, uploadId, credential)
        return getObject(request, reply, key, credential)
      case 'PUT':
        allow(credential, key, true)
        if (request.headers['x-amz-copy-source']) throw s3Errors.notImplemented('CopyObject')
        if (uploadId) return uploadPart(request, reply, key, uploadId, query.get('partNumber'))
        return putObject(request, reply, key)
      case 'POST':
        allow(credential, key, true)
        if (query.has('uploads')) {
          const id = await store.createUpload(key, String(request.headers['content-type'] ?? 'application/octet-stream'), nowSeconds())
          return reply.type('application/xml').send(doc('InitiateMultipartUploadResult', el('Bucket', bucket) + el('Key', key) + el('UploadId', id)))
        }
        if (uploadId) return completeUpload(request, reply, key, uploadId)
        throw s3Errors.notImplemented('POST without uploads or uploadId')
      case 'DELETE':
        allow(credential, key, true)
        if (uploadId) {
          await store.upload(uploadId, key)
          await store.abort(uploadId)
        } else await store.remove(key)
        return reply.code(204).send()
      default:
        throw s3Errors.notImplemented(request.method)
    }
  }

  async function getObject(request: FastifyRequest, reply: FastifyReply, key: string, credential: StorageCredential) {
    allow(credential, key, false)
    const object = await store.head(key)
    if (!object) throw s3Errors.noSuchKey(key)
    const query = targetOf(request.raw.url ?? '').query
    const range = byteRange(request.headers.range, object.size)
    reply
      .header('etag', object.etag)
      .header('last-modified', new Date(object.modifiedMs).toUTCString())
      .header('accept-ranges', 'bytes')
      .header('content-type', query.get('response-content-type') ?? object.contentType)
    const disposition = query.get('response-content-disposition')
    if (disposition) reply.header('content-disposition', disposition)
    const length = range ? range.end - range.start + 1 : object.size
    reply.header('content-length', String(length))
    if (range) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${object.size}`)
    if (request.method === 'HEAD') return reply.send()
    return reply.send(createReadStream(object.file, range ?? undefined))
  }

  async function putObject(request: FastifyRequest, reply: FastifyReply, key: string) {
    store.fileOf(key.endsWith('/') ? key.slice(0, -1) : key)
    const temp = store.tempFile()
    const body = await receiveBody(request.raw, temp)
    if (key.endsWith('/')) throw s3Errors.invalidArgument(`The key ${key} ends with "/": folders here exist through the objects in them, so a folder marker cannot be stored.`)
    const etag = `"${body.md5}"`
    await store.commit(temp, key, etag, String(request.headers['content-type'] ?? 'application/octet-stream'))
    return reply.header('etag', etag).code(200).send()
  }

  async function uploadPart(request: FastifyRequest, reply: FastifyReply, key: string, uploadId: string, partNumberText: string | null) {
    const partNumber = Number(partNumberText)
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) throw s3Errors.invalidArgument('Part number must be an integer between 1 and 10000, inclusive.')
    await store.upload(uploadId, key)
    const temp = store.tempFile()
    const body = await receiveBody(request.raw, temp)
    await store.savePart(uploadId, partNumber, temp, body.md5, body.size)
    return reply.header('etag', `"${body.md5}"`).code(200).send()
  }

  async function completeUpload(request: FastifyRequest, reply: FastifyReply, key: string, uploadId: string) {
    const xml = await smallBody(request)
    const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, part]) => ({
      partNumber: Number(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(part)?.[1]),
      etag: unquote(/<ETag>([^<]*)<\/ETag>/.exec(part)?.[1] ?? ''),
    }))
    const etag = await store.complete(uploadId, key, parts)
    const location = `${request.protocol}://${request.headers.host}${MOUNT}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
    return reply.type('application/xml').send(doc('CompleteMultipartUploadResult', el('Location', location) + el('Bucket', bucket) + el('Key', key) + el('ETag', etag)))
  }

  async function listParts(reply: FastifyReply, key: string, uploadId: string, credential: StorageCredential) {
    allow(credential, key, true)
    await store.upload(uploadId, key)
    const parts = (await store.parts(uploadId)).map((p) => `<Part>${el('PartNumber', p.part_number)}${el('ETag', p.etag)}${el('Size', p.size)}</Part>`).join('')
    return reply
      .type('application/xml')
      .send(doc('ListPartsResult', el('Bucket', bucket) + el('Key', key) + el('UploadId', uploadId) + el('MaxParts', 1000) + el('IsTruncated', false) + parts + el('StorageClass', 'STANDARD')))
  }

  const methods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'] as const
  app.route({ method: [...methods], url: '/', handler: handle, schema: { hide: true } })
  app.route({ method: [...methods], url: '/*', handler: handle, schema: { hide: true } })
}
