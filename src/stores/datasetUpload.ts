import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { generateWriteAccessCredentials } from '@/api/datastore'
import { isCancelled, toApiError } from '@/api/errors'
import type { Credentials } from '@/api/models/datastore'
import type { ItemDataset } from '@/api/models/registry'
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, putObject, uploadPart } from '@/api/storageUpload'
import { pathProblem } from '@/uploadPaths'

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled' | 'refused'

export interface UploadEntry {
  id: number
  /** Where it goes, relative to the dataset's folder. */
  path: string
  size: number
  sent: number
  status: UploadStatus
  error: string | null
}

/** Files above this go in parts; each part is retried on its own by S3 clients, and a lost connection costs one part. */
const MULTIPART_OVER = 16 * 1024 * 1024
const PART_SIZE = 8 * 1024 * 1024
const AT_ONCE = 3
const RENEW_BEFORE_MS = 5 * 60_000
const FLUSH_MS = 50

// Secrets, and File objects that cannot be reactive: both kept beside the store's state, not in it.
let held: { datasetId: string; credentials: Credentials } | null = null
const files = new Map<number, File>()
const controllers = new Map<number, AbortController>()

/**
 * The upload queue of the dataset on screen: files go straight to storage with write credentials, three at a
 * time, each with its progress. Progress is applied every 50 ms at most, so a thousand small files never hold up the page.
 */
export const useDatasetUploadStore = defineStore('datasetUpload', () => {
  const entries = shallowRef<UploadEntry[]>([])
  /** Counts each time the queue empties, so the file list can be read again. */
  const drained = ref(0)
  let item: ItemDataset | null = null
  let nextId = 1
  const progress = new Map<number, Partial<UploadEntry>>()
  let flushing = false

  function update(id: number, change: Partial<UploadEntry>) {
    progress.set(id, { ...progress.get(id), ...change })
    if (flushing) return
    flushing = true
    // A timer, not an animation frame: frames stop in a background tab, and the queue must go on there.
    setTimeout(() => {
      flushing = false
      const changes = new Map(progress)
      progress.clear()
      entries.value = entries.value.map((entry) => (changes.has(entry.id) ? { ...entry, ...changes.get(entry.id) } : entry))
    }, FLUSH_MS)
  }

  const totals = computed(() => {
    const live = entries.value.filter((e) => e.status !== 'refused' && e.status !== 'cancelled')
    return {
      bytes: live.reduce((sum, e) => sum + e.size, 0),
      sent: live.reduce((sum, e) => sum + (e.status === 'done' ? e.size : e.sent), 0),
      done: live.filter((e) => e.status === 'done').length,
      failed: live.filter((e) => e.status === 'failed').length,
      active: live.filter((e) => e.status === 'queued' || e.status === 'uploading').length,
    }
  })

  let asking: Promise<Credentials> | null = null

  /** Held credentials while fresh; otherwise one request shared by every upload that starts meanwhile. */
  function credentials(): Promise<Credentials> {
    if (held?.datasetId === item!.id && Date.parse(held.credentials.expiry) - Date.now() > RENEW_BEFORE_MS) return Promise.resolve(held.credentials)
    const datasetId = item!.id
    asking ??= generateWriteAccessCredentials({ dataset_id: datasetId, console_session_required: false })
      .then(({ credentials }) => {
        held = { datasetId, credentials }
        return credentials
      })
      .finally(() => (asking = null))
    return asking
  }

  /** Queues files for `dataset`; a path the data store forbids is refused here, before anything is sent. */
  function add(dataset: ItemDataset, chosen: { file: File; path: string }[]) {
    if (item?.id !== dataset.id) entries.value = entries.value.filter((e) => e.status === 'uploading' || e.status === 'queued')
    item = dataset
    const added = chosen.map(({ file, path }) => {
      const id = nextId++
      files.set(id, file)
      const problem = pathProblem(path)
      return { id, path, size: file.size, sent: 0, status: problem ? 'refused' : 'queued', error: problem } satisfies UploadEntry
    })
    entries.value = [...entries.value, ...added]
    pump()
  }

  function pump() {
    const running = entries.value.filter((e) => e.status === 'uploading').length
    const waiting = entries.value.filter((e) => e.status === 'queued' && !controllers.has(e.id)).slice(0, AT_ONCE - running)
    for (const entry of waiting) void send(entry)
    if (!running && !waiting.length && entries.value.some((e) => e.status === 'done')) drained.value++
  }

  async function send(entry: UploadEntry) {
    const controller = new AbortController()
    controllers.set(entry.id, controller)
    entries.value = entries.value.map((e) => (e.id === entry.id ? { ...e, status: 'uploading', sent: 0, error: null } : e))
    const file = files.get(entry.id)!
    const key = `${item!.s3.path}${entry.path}`
    const bucket = item!.s3.bucket_name
    let uploadId: string | null = null
    try {
      const creds = await credentials()
      controller.signal.throwIfAborted()
      if (file.size <= MULTIPART_OVER) {
        await putObject(creds, bucket, key, file, (sent) => update(entry.id, { sent }), controller.signal)
      } else {
        uploadId = await createMultipartUpload(creds, bucket, key, file.type || 'application/octet-stream', controller.signal)
        const etags: string[] = []
        for (let start = 0; start < file.size; start += PART_SIZE) {
          const part = file.slice(start, start + PART_SIZE)
          etags.push(await uploadPart(creds, bucket, key, uploadId, etags.length + 1, part, (sent) => update(entry.id, { sent: start + sent }), controller.signal))
        }
        await completeMultipartUpload(creds, bucket, key, uploadId, etags, controller.signal)
      }
      update(entry.id, { status: 'done', sent: file.size })
    } catch (error) {
      const cancelled = controller.signal.aborted || isCancelled(error)
      if (cancelled && uploadId && held) void abortMultipartUpload(held.credentials, bucket, key, uploadId).catch(() => undefined)
      if (!cancelled && toApiError(error).kind === 'unauthenticated') held = null
      update(entry.id, cancelled ? { status: 'cancelled' } : { status: 'failed', error: toApiError(error).detail })
    } finally {
      controllers.delete(entry.id)
      // After the flush that applies this entry's end, so the count of those running is right.
      setTimeout(pump, FLUSH_MS)
    }
  }

  function cancel(id: number) {
    const controller = controllers.get(id)
    if (controller) controller.abort()
    else entries.value = entries.value.map((e) => (e.id === id && e.status === 'queued' ? { ...e, status: 'cancelled' } : e))
  }

  function cancelAll() {
    for (const entry of entries.value) if (entry.status === 'queued' || entry.status === 'uploading') cancel(entry.id)
  }

  function retry(id: number) {
    entries.value = entries.value.map((e) => (e.id === id && (e.status === 'failed' || e.status === 'cancelled') ? { ...e, status: 'queued', sent: 0, error: null } : e))
    pump()
  }

  function clearFinished() {
    const kept = entries.value.filter((e) => e.status === 'queued' || e.status === 'uploading')
    for (const entry of entries.value) if (!kept.includes(entry)) files.delete(entry.id)
    entries.value = kept
  }

  return { entries, totals, drained, add, cancel, cancelAll, retry, clearFinished }
})
