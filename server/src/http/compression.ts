import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import compress from '@fastify/compress'
import { Negotiator } from '@fastify/accept-negotiator'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

type Encoding = 'br' | 'gzip'
const ENCODINGS: Encoding[] = ['br', 'gzip']
/** Below this a compressed answer is hardly smaller, and costs the compressor's time. */
const THRESHOLD_BYTES = 1024
/** Brotli's quality 4: most of quality 11's saving on JSON at a small part of its time (as @fastify/compress chose). */
const BROTLI_QUALITY = 4

/**
 * Compresses the JSON answers of the APIs registered in `scope` for clients that ask (browsers and the
 * Python client's httpx both do). Only JSON: the S3 endpoint's objects go out byte for byte as S3 sends them.
 * Request bodies are left alone, as Provena's APIs take no compressed ones.
 */
export async function installJsonCompression(scope: FastifyInstance) {
  await scope.register(compress, {
    global: true,
    encodings: ENCODINGS,
    threshold: THRESHOLD_BYTES,
    customTypes: /^application\/json(;|$)/,
    globalDecompression: false,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  })
}

const negotiator = new Negotiator<Encoding>({ supportedValues: ENCODINGS })
const compressed = new WeakMap<Buffer, Partial<Record<Encoding, Buffer>>>()

/**
 * Sends a JSON answer that is sent again unchanged (a cached list page), compressed once per encoding
 * instead of on every request; the compression plugin passes an answer that already has an encoding.
 */
export function sendReusedJson(request: FastifyRequest, reply: FastifyReply, body: Buffer) {
  reply.type('application/json')
  const encoding = body.length >= THRESHOLD_BYTES ? negotiator.negotiate(request.headers['accept-encoding'] ?? '') : null
  if (!encoding) return reply.send(body)
  let forms = compressed.get(body)
  if (!forms) compressed.set(body, (forms = {}))
  forms[encoding] ??=
    encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : gzipSync(body)
  return reply.header('content-encoding', encoding).header('vary', 'accept-encoding').send(forms[encoding])
}
