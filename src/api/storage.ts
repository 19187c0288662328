import { AwsClient } from 'aws4fetch'
import { getConfig } from '@/config'
import { ApiError, isCancelled } from './errors'
import type { Credentials } from './models/datastore'

// S3 itself, reached with the temporary credentials the data store issues (contract §3.11-§3.12); not part of the
// Python client, which hands the credentials to boto3. Requests are signed in the browser by aws4fetch.

/** One object in a listing. */
export interface StorageObject {
  key: string
  size: number
  last_modified: string
  etag: string
}

export interface ListObjectsPage {
  objects: StorageObject[]
  next_continuation_token: string | null
}

export interface ListObjectsRequest {
  bucket: string
  prefix: string
  continuation_token?: string | null
  max_keys?: number
}

/** The endpoint objects live at: the configured S3-compatible one (path style), else AWS's regional one (virtual host). */
export function objectUrl(bucket: string, key = '', query = ''): string {
  const { endpoint, region } = getConfig().storage
  const path = key.split('/').map(encodeURIComponent).join('/')
  const base = endpoint ? `${endpoint}/${bucket}/${path}` : `https://${bucket}.s3.${region}.amazonaws.com/${path}`
  return query ? `${base}?${query}` : base
}

/** The s3:// form that awscli and boto3 take. */
export const s3Uri = (bucket: string, key: string) => `s3://${bucket}/${key}`

/**
 * Derived signing keys (four HMACs per credential and day), shared by every signer: without it each of a
 * thousand small uploads derived the same key again. Cleared with the credentials at sign-out.
 */
const signingKeys = new Map<string, ArrayBuffer>()
export const forgetSigningKeys = () => signingKeys.clear()

export function signer(credentials: Credentials): AwsClient {
  if (signingKeys.size > 16) signingKeys.clear()
  return new AwsClient({
    cache: signingKeys,
    accessKeyId: credentials.aws_access_key_id,
    secretAccessKey: credentials.aws_secret_access_key,
    sessionToken: credentials.aws_session_token,
    service: 's3',
    region: getConfig().storage.region,
    // The store decides on retries (latest request wins); the signer's own ten would hide a refusal.
    retries: 0,
  })
}

/*
 * S3's answers are flat, regular XML: they are scanned rather than parsed into a DOM. A listing page of 1,000
 * objects through DOMParser was a long task on a slow machine; every answer is read the same way.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (ENTITIES[name] ?? whole),
  )
}

/** The text of the first <name> element in a piece of S3's XML, unescaped. */
export function xmlText(xml: string, name: string): string | null {
  const start = xml.indexOf(`<${name}>`)
  if (start < 0) return null
  const end = xml.indexOf(`</${name}>`, start)
  return end < 0 ? null : unescapeXml(xml.slice(start + name.length + 2, end))
}

/** The inner XML of every <name> element (S3 does not nest an element in one of its own name). */
export const xmlElements = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'g'))].map(([, inner]) => inner)

/** S3's XML error as an ApiError: the code leads, as awscli prints it ("AccessDenied: Access Denied"). */
async function failure(response: Response): Promise<ApiError> {
  return storageError(response.status, await response.text().catch(() => ''))
}

/** S3's XML error body as an ApiError. */
export function storageError(status: number, body: string): ApiError {
  const xml = body.startsWith('<') ? body : ''
  const code = xmlText(xml, 'Code')
  const message = xmlText(xml, 'Message')
  const detail = code ? `${code}: ${message ?? ''}`.trim() : `The storage answered ${status}.`
  const kind = status === 403 ? 'forbidden' : status === 404 ? 'not-found' : status >= 500 ? 'server' : status === 401 ? 'unauthenticated' : 'bad-request'
  // An expired credential is a 400 in S3; the store renews on it, so it gets its own kind.
  return new ApiError(code === 'ExpiredToken' ? 'unauthenticated' : kind, status, detail)
}

export async function send(credentials: Credentials, url: string, init: RequestInit): Promise<Response> {
  let response: Response
  try {
    response = await signer(credentials).fetch(url, init)
  } catch (error) {
    if (isCancelled(error)) throw error
    // A browser hides why a cross-origin request failed; a bucket without CORS for this origin is the usual cause.
    throw new ApiError('network', null, 'The storage could not be reached from the browser: the network failed, or the bucket does not allow requests from this site (CORS).')
  }
  if (!response.ok) throw await failure(response)
  return response
}

/** A ListObjectsV2 answer. */
export function parseListing(xml: string): ListObjectsPage {
  const objects = xmlElements(xml, 'Contents').map((node) => ({
    key: xmlText(node, 'Key') ?? '',
    size: Number(xmlText(node, 'Size') ?? 0),
    last_modified: xmlText(node, 'LastModified') ?? '',
    etag: xmlText(node, 'ETag') ?? '',
  }))
  return { objects, next_continuation_token: xmlText(xml, 'IsTruncated') === 'true' ? xmlText(xml, 'NextContinuationToken') : null }
}

/** ListObjectsV2: one page of the objects under a prefix, in key order. */
export async function listObjects(credentials: Credentials, request: ListObjectsRequest, signal?: AbortSignal): Promise<ListObjectsPage> {
  const query = new URLSearchParams({ 'list-type': '2', prefix: request.prefix, 'max-keys': String(request.max_keys ?? 1000) })
  if (request.continuation_token) query.set('continuation-token', request.continuation_token)
  const response = await send(credentials, objectUrl(request.bucket, '', query.toString()), { method: 'GET', signal })
  return parseListing(await response.text())
}
