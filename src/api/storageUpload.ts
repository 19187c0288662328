import { AwsV4Signer } from 'aws4fetch'
import { getConfig } from '@/config'
import { ApiError } from './errors'
import type { Credentials } from './models/datastore'
import { objectUrl, send, storageError, xmlElements, xmlText } from './storage'

// Uploads straight to S3 with write credentials: one PUT for a small file, a multipart upload for a large one.
// Bodies go by XMLHttpRequest, as fetch reports no upload progress; they are signed UNSIGNED-PAYLOAD, so a
// large file is never read into memory to be hashed.

export type OnProgress = (sentBytes: number) => void

async function signed(credentials: Credentials, method: string, url: string): Promise<{ url: string; headers: Headers }> {
  const signer = new AwsV4Signer({
    method,
    url,
    headers: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    accessKeyId: credentials.aws_access_key_id,
    secretAccessKey: credentials.aws_secret_access_key,
    sessionToken: credentials.aws_session_token,
    service: 's3',
    region: getConfig().storage.region,
  })
  const request = await signer.sign()
  return { url: request.url.toString(), headers: request.headers }
}

/** Sends one body with progress; resolves with the ETag S3 gave it. */
async function sendBody(credentials: Credentials, url: string, body: Blob, contentType: string | null, onProgress: OnProgress, signal: AbortSignal): Promise<string> {
  const request = await signed(credentials, 'PUT', url)
  signal.throwIfAborted()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', request.url)
    request.headers.forEach((value, name) => name !== 'host' && xhr.setRequestHeader(name, value))
    if (contentType) xhr.setRequestHeader('content-type', contentType)
    xhr.upload.onprogress = (event) => onProgress(event.loaded)
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        const etag = xhr.getResponseHeader('etag')
        // A bucket whose CORS rules do not expose ETag hides it, and a multipart upload cannot be completed without it.
        if (!etag) reject(new ApiError('network', xhr.status, 'The storage did not show the ETag of the upload: its CORS rules must expose the ETag header.'))
        else resolve(etag)
      } else reject(storageError(xhr.status, xhr.responseText))
    }
    xhr.onerror = () => reject(new ApiError('network', null, 'The upload could not reach the storage: the network failed, or the bucket does not accept uploads from this site (CORS).'))
    const abort = () => xhr.abort()
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    signal.addEventListener('abort', abort, { once: true })
    xhr.onloadend = () => signal.removeEventListener('abort', abort)
    xhr.send(body)
  })
}

/** PutObject: the whole file in one request. */
export function putObject(credentials: Credentials, bucket: string, key: string, body: Blob, onProgress: OnProgress, signal: AbortSignal): Promise<string> {
  return sendBody(credentials, objectUrl(bucket, key), body, body.type || 'application/octet-stream', onProgress, signal)
}

/** CreateMultipartUpload: the upload id the parts go to. */
export async function createMultipartUpload(credentials: Credentials, bucket: string, key: string, contentType: string, signal: AbortSignal): Promise<string> {
  const response = await send(credentials, objectUrl(bucket, key, 'uploads'), { method: 'POST', headers: { 'content-type': contentType }, signal })
  const id = xmlText(await response.text(), 'UploadId')
  if (!id) throw new ApiError('server', response.status, 'The storage started no upload: its answer had no UploadId.')
  return id
}

/** UploadPart: one part (1–10,000) of a multipart upload. */
export function uploadPart(credentials: Credentials, bucket: string, key: string, uploadId: string, partNumber: number, body: Blob, onProgress: OnProgress, signal: AbortSignal): Promise<string> {
  const query = `partNumber=${partNumber}&uploadId=${encodeURIComponent(uploadId)}`
  return sendBody(credentials, objectUrl(bucket, key, query), body, null, onProgress, signal)
}

export async function completeMultipartUpload(credentials: Credentials, bucket: string, key: string, uploadId: string, etags: string[], signal: AbortSignal): Promise<void> {
  const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</ETag></Part>`).join('')
  const body = `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts}</CompleteMultipartUpload>`
  const response = await send(credentials, objectUrl(bucket, key, `uploadId=${encodeURIComponent(uploadId)}`), { method: 'POST', body, headers: { 'content-type': 'application/xml' }, signal })
  // S3 can answer 200 with an error document when completing fails late.
  const text = await response.text()
  if (text.includes('<Error>')) throw storageError(500, text)
}

export async function abortMultipartUpload(credentials: Credentials, bucket: string, key: string, uploadId: string): Promise<void> {
  await send(credentials, objectUrl(bucket, key, `uploadId=${encodeURIComponent(uploadId)}`), { method: 'DELETE' })
}

/** ListParts: the parts an unfinished multipart upload already holds, so a resumed upload sends only the rest. */
export async function listParts(credentials: Credentials, bucket: string, key: string, uploadId: string, signal: AbortSignal): Promise<{ part_number: number; etag: string; size: number }[]> {
  const response = await send(credentials, objectUrl(bucket, key, `uploadId=${encodeURIComponent(uploadId)}`), { method: 'GET', signal })
  return xmlElements(await response.text(), 'Part').map((part) => ({
    part_number: Number(xmlText(part, 'PartNumber')),
    etag: xmlText(part, 'ETag') ?? '',
    size: Number(xmlText(part, 'Size')),
  }))
}
