import { timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { AwsV4Signer } from 'aws4fetch'
import type { Queryable } from '../db/database'
import { findCredential, type StorageCredential } from '../domain/storage-credentials'
import { S3Error, s3Errors } from './xml'

/**
 * Signature V4 checks for the S3 endpoint. The expected signature is computed by aws4fetch, the signer the
 * console uses too, from what the client said it signed; awscli and the AWS SDK are the tests' independent
 * signers. Checks run in S3's order: key, token, expiry, signature, then (presigned) the URL's own expiry.
 */

export interface SignedRequest {
  method: string
  /** The path and query exactly as sent: the signature covers them byte for byte. */
  rawUrl: string
  headers: IncomingHttpHeaders
}

interface Parsed {
  accessKeyId: string
  day: string
  region: string
  service: string
  signedHeaders: string
  signature: string
  amzDate: string
  token: string | undefined
  /** Presigned (query) auth: the seconds the URL lasts. */
  expires?: number
}

const MAX_SKEW_SECONDS = 15 * 60

const malformed = (message: string) => new S3Error(400, 'AuthorizationHeaderMalformed', message)

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function parseCredential(credential: string) {
  const [accessKeyId, day, region, service, terminator] = credential.split('/')
  if (!accessKeyId || !/^\d{8}$/.test(day ?? '') || !region || service !== 's3' || terminator !== 'aws4_request') {
    throw malformed('The authorization credential is malformed; expected <key>/<yyyymmdd>/<region>/s3/aws4_request.')
  }
  return { accessKeyId, day, region, service }
}

function parse(request: SignedRequest, query: URLSearchParams): Parsed | null {
  const authorization = header(request.headers, 'authorization')
  if (authorization) {
    const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim())
    if (!match) throw malformed('The authorization header is malformed; only AWS4-HMAC-SHA256 (Signature Version 4) is supported.')
    const amzDate = header(request.headers, 'x-amz-date')
    if (!amzDate) throw new S3Error(400, 'AccessDenied', 'AWS authentication requires a valid x-amz-date header.')
    if (!header(request.headers, 'x-amz-content-sha256')) throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256')
    return { ...parseCredential(match[1]), signedHeaders: match[2], signature: match[3], amzDate, token: header(request.headers, 'x-amz-security-token') }
  }
  if (query.get('X-Amz-Algorithm') !== null) {
    if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') throw new S3Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256".')
    const expires = Number(query.get('X-Amz-Expires'))
    const signature = query.get('X-Amz-Signature') ?? ''
    const amzDate = query.get('X-Amz-Date') ?? ''
    const signedHeaders = query.get('X-Amz-SignedHeaders') ?? ''
    if (!Number.isInteger(expires) || expires < 1 || expires > 604_800 || !/^[0-9a-f]{64}$/.test(signature) || !amzDate || !signedHeaders) {
      throw new S3Error(400, 'AuthorizationQueryParametersError', 'The presigned URL lacks or misstates X-Amz-Expires, X-Amz-Date, X-Amz-SignedHeaders or X-Amz-Signature.')
    }
    return { ...parseCredential(query.get('X-Amz-Credential') ?? ''), signedHeaders, signature, amzDate, token: query.get('X-Amz-Security-Token') ?? undefined, expires }
  }
  return null
}

/** "20261207T101500Z" as Unix seconds, or NaN. */
function amzSeconds(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000 : NaN
}

async function expectedSignature(request: SignedRequest, parsed: Parsed, secret: string): Promise<{ signature: string; signedHeaders: string }> {
  const [path, search = ''] = request.rawUrl.split(/\?(.*)/s)
  // The signature is over the query without itself; order does not matter, the signer sorts it.
  const kept = search.split('&').filter((pair) => pair && !pair.startsWith('X-Amz-Signature='))
  const url = `http://${header(request.headers, 'host') ?? ''}${path}${kept.length ? `?${kept.join('&')}` : ''}`
  const headers = new Headers()
  for (const name of parsed.signedHeaders.split(';')) if (name !== 'host') headers.set(name, header(request.headers, name) ?? '')
  const signer = new AwsV4Signer({
    method: request.method,
    url,
    headers,
    accessKeyId: parsed.accessKeyId,
    secretAccessKey: secret,
    // In header auth the token is one of the signed headers already; in query auth the signer puts it back in the query.
    sessionToken: parsed.expires !== undefined ? parsed.token : undefined,
    service: parsed.service,
    region: parsed.region,
    datetime: parsed.amzDate,
    signQuery: parsed.expires !== undefined,
    allHeaders: true,
  })
  return { signature: await signer.signature(), signedHeaders: signer.signedHeaders }
}

/** The credential a request was signed with, once every check has passed. */
export async function authenticate(q: Queryable, request: SignedRequest, nowSeconds: number): Promise<StorageCredential> {
  const query = new URLSearchParams(request.rawUrl.split(/\?(.*)/s)[1] ?? '')
  const parsed = parse(request, query)
  if (!parsed) throw s3Errors.accessDenied('Anonymous access is not allowed: sign the request with the credentials the data store issued.')
  const credential = await findCredential(q, parsed.accessKeyId)
  if (!credential) throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: parsed.accessKeyId })
  if (parsed.token !== credential.session_token) throw new S3Error(400, 'InvalidToken', 'The provided token is malformed or otherwise invalid.')
  if (credential.expires_at <= nowSeconds) throw new S3Error(400, 'ExpiredToken', 'The provided token has expired.')
  const signedAt = amzSeconds(parsed.amzDate)
  if (Number.isNaN(signedAt) || parsed.amzDate.slice(0, 8) !== parsed.day) throw malformed('The request date does not match the credential scope date.')
  const expected = await expectedSignature(request, parsed, credential.secret_access_key)
  const given = Buffer.from(parsed.signature)
  const wanted = Buffer.from(expected.signature)
  if (expected.signedHeaders !== parsed.signedHeaders || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.')
  }
  if (parsed.expires !== undefined) {
    if (nowSeconds > signedAt + parsed.expires) throw s3Errors.accessDenied('Request has expired')
  } else if (Math.abs(nowSeconds - signedAt) > MAX_SKEW_SECONDS) {
    throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.')
  }
  return credential
}
