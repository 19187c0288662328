import { createReadStream } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import type { StackContext } from '../context'
import { HttpError } from '../http/errors'
import { escapeHtml } from '../http/html'
import { nowSeconds } from '../domain/items'

/**
 * Where presigned URLs point: the local bucket, checked by signature and expiry like S3. A signed folder
 * link (the stand-in for the AWS console session) lists its files with their own signed links.
 */
export async function storageDownloadRoutes(app: FastifyInstance, ctx: StackContext) {
  app.get<{ Params: { bucket: string; '*': string }; Querystring: { expires?: string; signature?: string } }>(
    '/storage/:bucket/*',
    { schema: { hide: true } },
    async (request, reply) => {
      const key = request.params['*']
      const expires = Number(request.query.expires)
      if (request.params.bucket !== ctx.storage.bucket || !request.query.signature || !Number.isInteger(expires)) {
        throw new HttpError(403, 'AccessDenied: the link is not signed.')
      }
      const verdict = ctx.storage.verify(key, expires, request.query.signature, nowSeconds())
      if (verdict === 'invalid') throw new HttpError(403, 'SignatureDoesNotMatch: the link was altered.')
      if (verdict === 'expired') throw new HttpError(403, 'AccessDenied: the link has expired.')
      if (key.endsWith('/')) {
        const links = ctx.storage
          .list(key)
          .map((file) => {
            const url = ctx.storage.presign(ctx.publicOrigin, key + file.path, 3600, nowSeconds())
            return `<li><a href="${escapeHtml(url)}">${escapeHtml(file.path)}</a> (${file.size} bytes)</li>`
          })
          .join('')
        return reply
          .type('text/html; charset=utf-8')
          .send(`<!doctype html><html lang="en"><title>${escapeHtml(key)}</title><h1>${escapeHtml(key)}</h1><ul>${links}</ul></html>`)
      }
      if (!ctx.storage.exists(key)) throw new HttpError(404, 'NoSuchKey: the object does not exist.')
      return reply
        .header('content-disposition', `attachment; filename="${key.replace(/["\\]/g, '_')}"`)
        .type('application/octet-stream')
        .send(createReadStream(ctx.storage.filePath(key)))
    },
  )
}
