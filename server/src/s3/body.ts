import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { S3Error, s3Errors } from './xml'

/**
 * An upload's bytes, streamed to a file while hashed, never held in memory. The AWS SDK sends streams as
 * aws-chunked with a trailing checksum (STREAMING-UNSIGNED-PAYLOAD-TRAILER), even over plain http, so that
 * framing is decoded; signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) are refused, as no client here sends them.
 */

export interface ReceivedBody {
  size: number
  md5: string
  sha256: string
}

/** Strips aws-chunked framing: `<hex size>[;ext]\r\n<bytes>\r\n` … `0\r\n<trailers>\r\n\r\n`. */
export class AwsChunkedDecoder extends Transform {
  private buffer: Buffer = Buffer.alloc(0)
  private remaining = 0
  private state: 'size' | 'data' | 'crlf' | 'trailers' | 'done' = 'size'

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk
    try {
      this.drain()
      done()
    } catch (error) {
      done(error as Error)
    }
  }

  override _flush(done: TransformCallback) {
    done(this.state === 'done' || (this.state === 'trailers' && !this.buffer.length) ? null : new S3Error(400, 'IncompleteBody', 'The aws-chunked body ended before its final chunk.'))
  }

  private drain() {
    while (this.buffer.length) {
      if (this.state === 'data') {
        const take = Math.min(this.remaining, this.buffer.length)
        this.push(this.buffer.subarray(0, take))
        this.buffer = this.buffer.subarray(take)
        this.remaining -= take
        if (this.remaining === 0) this.state = 'crlf'
        continue
      }
      const end = this.buffer.indexOf('\r\n')
      if (end < 0) {
        if (this.buffer.length > 4096) throw new S3Error(400, 'IncompleteBody', 'An aws-chunked line is too long.')
        return
      }
      const line = this.buffer.subarray(0, end).toString('latin1')
      this.buffer = this.buffer.subarray(end + 2)
      if (this.state === 'crlf') {
        if (line !== '') throw new S3Error(400, 'IncompleteBody', 'An aws-chunked chunk is longer than its size says.')
        this.state = 'size'
      } else if (this.state === 'size') {
        const size = parseInt(line.split(';')[0], 16)
        if (!Number.isInteger(size) || size < 0) throw new S3Error(400, 'IncompleteBody', 'An aws-chunked chunk size is not a hex number.')
        if (line.includes(';chunk-signature=')) throw s3Errors.notImplemented('signed aws-chunked payloads')
        this.remaining = size
        this.state = size === 0 ? 'trailers' : 'data'
      } else if (this.state === 'trailers') {
        // Trailing checksums are the client's own integrity check; the SHA-256 and MD5 here already cover the bytes.
        if (line === '') this.state = 'done'
      }
    }
  }
}

class Hashing extends Transform {
  readonly md5 = createHash('md5')
  readonly sha256 = createHash('sha256')
  size = 0
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.md5.update(chunk)
    this.sha256.update(chunk)
    this.size += chunk.length
    done(null, chunk)
  }
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** Writes the request body to `file`, checking the hashes the client signed or sent; on any failure the file is removed. */
export async function receiveBody(raw: IncomingMessage, file: string): Promise<ReceivedBody> {
  const contentSha = one(raw.headers['x-amz-content-sha256']) ?? 'UNSIGNED-PAYLOAD'
  const chunked = contentSha.startsWith('STREAMING-') || (one(raw.headers['content-encoding']) ?? '').includes('aws-chunked')
  if (contentSha.startsWith('STREAMING-') && contentSha !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') throw s3Errors.notImplemented(contentSha)
  const hashing = new Hashing()
  try {
    await pipeline([raw, ...(chunked ? [new AwsChunkedDecoder()] : []), hashing, createWriteStream(file)])
    const body = { size: hashing.size, md5: hashing.md5.digest('hex'), sha256: hashing.sha256.digest('hex') }
    if (/^[0-9a-f]{64}$/.test(contentSha) && contentSha !== body.sha256) {
      throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.")
    }
    const decoded = one(raw.headers['x-amz-decoded-content-length'])
    if (chunked && decoded !== undefined && Number(decoded) !== body.size) throw new S3Error(400, 'IncompleteBody', 'The body is not as long as x-amz-decoded-content-length says.')
    const contentMd5 = one(raw.headers['content-md5'])
    if (contentMd5 !== undefined && Buffer.from(contentMd5, 'base64').toString('hex') !== body.md5) {
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.')
    }
    return body
  } catch (error) {
    await rm(file, { force: true })
    throw error
  }
}
