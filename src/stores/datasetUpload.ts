import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { isCancelled, toApiError } from '@/api/errors'
import type { ItemDataset } from '@/api/models/registry'
import { abortMultipartUpload, putObject } from '@/api/storageUpload'
import { sendInParts } from '@/uploadInParts'
import { forgetUpload, resumableFor } from '@/uploadResume'
import { writeCredentials } from './storageCredentialCache'
import { pathProblem } from '@/uploadPaths'

export type UploadStatus = 'queued' | 'uploading' | 'paused' | 'done' | 'failed' | 'cancelled' | 'refused'

export interface UploadEntry {
  id: number
  /** Where it goes, relative to the dataset's folder. */
  path: string
  size: number
  sent: number
  status: UploadStatus
  error: string | null
  /** The browser could not reach storage at all (the network, or a bucket that refuses this site by CORS). */
  unreachable?: boolean
}

/** Files above this go in parts (uploadInParts.ts): a lost connection then costs one part, and a reload can resume. */
export const MULTIPART_OVER = 16 * 1024 * 1024
const AT_ONCE = 3
const FLUSH_MS = 100

// File objects cannot be reactive: kept beside the store's state, not in it (credentials: storageCredentialCache).
const files = new Map<number, File>()
const controllers = new Map<number, AbortController>()
/** Uploads stopped by Pause: their parts stay in storage for the resume. */
const pausing = new Set<number>()

/**
 * The upload queue of the dataset on screen: files go straight to storage with write credentials, three at a
 * time, each with its progress. Changes are applied every 100 ms at most, so a thousand small files never hold up the page.
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
      // The queue has emptied when an upload ended (however it ended) and none runs or waits.
      const ended = [...changes.values()].some((change) => change.status !== undefined && change.status !== 'uploading')
      const idle = !controllers.size && !entries.value.some((e) => e.status === 'queued')
      if (ended && idle && entries.value.some((e) => e.status === 'done')) drained.value++
    }, FLUSH_MS)
  }

  // One pass: it runs on every flush, over every file in the queue.
  const totals = computed(() => {
    const sum = { bytes: 0, sent: 0, done: 0, failed: 0, paused: 0, active: 0 }
    for (const e of entries.value) {
      if (e.status === 'refused' || e.status === 'cancelled') continue
      sum.bytes += e.size
      sum.sent += e.status === 'done' ? e.size : e.sent
      if (e.status === 'done') sum.done++
      else if (e.status === 'failed') sum.failed++
      else if (e.status === 'paused') sum.paused++
      else sum.active++
    }
    return sum
  })

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

  // Counted by the uploads under way, not by status: statuses reach `entries` at the next flush.
  function pump() {
    const free = AT_ONCE - controllers.size
    if (free <= 0) return
    // A small file can start and finish between flushes: its changes wait in `progress`, so it is not waiting.
    const waiting = entries.value.filter((e) => e.status === 'queued' && !controllers.has(e.id) && !progress.has(e.id)).slice(0, free)
    for (const entry of waiting) void send(entry)
  }

  async function send(entry: UploadEntry) {
    const controller = new AbortController()
    controllers.set(entry.id, controller)
    update(entry.id, { status: 'uploading', sent: 0, error: null })
    const file = files.get(entry.id)!
    const key = `${item!.s3.path}${entry.path}`
    const bucket = item!.s3.bucket_name
    let uploadId: string | null = null
    try {
      const creds = await writeCredentials.get(item!.id)
      controller.signal.throwIfAborted()
      if (file.size <= MULTIPART_OVER) {
        await putObject(creds, bucket, key, file, (sent) => update(entry.id, { sent }), controller.signal)
      } else {
        uploadId = await sendInParts(creds, { bucket, key }, file, identity(entry, file), (sent) => update(entry.id, { sent }), controller.signal)
      }
      update(entry.id, { status: 'done', sent: file.size })
    } catch (error) {
      const cancelled = controller.signal.aborted || isCancelled(error)
      const paused = cancelled && pausing.has(entry.id)
      const partial = uploadId ?? resumableFor(identity(entry, file))
      const held = writeCredentials.current()
      if (cancelled && !paused && partial && held) {
        forgetUpload(partial)
        void abortMultipartUpload(held, bucket, key, partial).catch(() => undefined)
      }
      if (!cancelled && toApiError(error).kind === 'unauthenticated') writeCredentials.drop()
      const failure = toApiError(error)
      update(entry.id, paused ? { status: 'paused' } : cancelled ? { status: 'cancelled' } : { status: 'failed', error: failure.detail, unreachable: failure.kind === 'network' && failure.status === null })
    } finally {
      pausing.delete(entry.id)
      controllers.delete(entry.id)
      pump()
    }
  }

  const identity = (entry: UploadEntry, file: File) => ({ datasetId: item!.id, path: entry.path, size: file.size, lastModified: file.lastModified })

  /** Stops an upload in parts, keeping them for Resume (or the same file chosen again after a reload). */
  function pause(id: number) {
    pausing.add(id)
    controllers.get(id)?.abort()
  }

  function cancel(id: number) {
    const controller = controllers.get(id)
    if (controller) return controller.abort()
    const entry = entries.value.find((e) => e.id === id)
    const file = files.get(id)
    // A paused upload's parts are in storage: cancelling drops them there too.
    const partial = entry?.status === 'paused' && file ? resumableFor(identity(entry, file)) : null
    const held = writeCredentials.current()
    if (partial && held && item) {
      forgetUpload(partial)
      void abortMultipartUpload(held, item.s3.bucket_name, `${item.s3.path}${entry!.path}`, partial).catch(() => undefined)
    }
    entries.value = entries.value.map((e) => (e.id === id && (e.status === 'queued' || e.status === 'paused') ? { ...e, status: 'cancelled' } : e))
  }

  function cancelAll() {
    for (const entry of entries.value) if (entry.status === 'queued' || entry.status === 'uploading' || entry.status === 'paused') cancel(entry.id)
  }

  /** Tries a failed or cancelled upload again, or resumes a paused one from its last part. */
  function retry(id: number) {
    progress.delete(id)
    entries.value = entries.value.map((e) => (e.id === id && (e.status === 'failed' || e.status === 'cancelled' || e.status === 'paused') ? { ...e, status: 'queued', sent: 0, error: null } : e))
    pump()
  }

  function clearFinished() {
    const kept = entries.value.filter((e) => e.status === 'queued' || e.status === 'uploading')
    for (const entry of entries.value) if (!kept.includes(entry)) files.delete(entry.id)
    entries.value = kept
  }

  return { entries, totals, drained, add, pause, cancel, cancelAll, retry, clearFinished }
})
