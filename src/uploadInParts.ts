import { toApiError, isCancelled } from '@/api/errors'
import type { Credentials } from '@/api/models/datastore'
import { completeMultipartUpload, createMultipartUpload, listParts, uploadPart } from '@/api/storageUpload'
import { forgetUpload, rememberUpload, resumableFor, type ResumableUpload } from '@/uploadResume'

export const PART_SIZE = 8 * 1024 * 1024
const PART_TRIES = 3

/**
 * A multipart upload, continuing one remembered for the same file (a reload or a pause cut it short): the
 * parts storage already holds are kept, the rest sent, each part tried up to three times. Resolves with the upload id.
 */
export async function sendInParts(
  creds: Credentials,
  target: { bucket: string; key: string },
  file: File,
  identity: Omit<ResumableUpload, 'uploadId'>,
  onSent: (bytes: number) => void,
  signal: AbortSignal,
): Promise<string> {
  const { bucket, key } = target
  let uploadId = resumableFor(identity)
  const stored = new Map<number, string>()
  if (uploadId) {
    try {
      for (const part of await listParts(creds, bucket, key, uploadId, signal)) stored.set(part.part_number, part.etag)
    } catch (error) {
      // Gone (completed, aborted, expired in storage): start again.
      if (isCancelled(error)) throw error
      forgetUpload(uploadId)
      uploadId = null
    }
  }
  if (!uploadId) {
    uploadId = await createMultipartUpload(creds, bucket, key, file.type || 'application/octet-stream', signal)
    rememberUpload({ ...identity, uploadId })
  }
  const etags: string[] = []
  for (let start = 0, n = 1; start < file.size; start += PART_SIZE, n++) {
    const kept = stored.get(n)
    if (kept) {
      etags.push(kept)
      onSent(Math.min(file.size, start + PART_SIZE))
      continue
    }
    const part = file.slice(start, start + PART_SIZE)
    for (let attempt = 1; ; attempt++) {
      try {
        etags.push(await uploadPart(creds, bucket, key, uploadId, n, part, (sent) => onSent(start + sent), signal))
        break
      } catch (error) {
        // A refusal (4xx) will not change on a retry; a dropped connection or a 5xx may.
        const failure = toApiError(error)
        if (isCancelled(error) || attempt === PART_TRIES || (failure.status !== null && failure.status < 500)) throw error
      }
    }
  }
  await completeMultipartUpload(creds, bucket, key, uploadId, etags, signal)
  forgetUpload(uploadId)
  return uploadId
}
