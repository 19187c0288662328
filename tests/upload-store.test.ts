import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { resetStrictFakes } from './strictFakes'
import type * as datastore from '@/api/datastore'
import type * as upload from '@/api/storageUpload'
import { ApiError } from '@/api/errors'
import { itemDataset } from './builders'
import { pathProblem, uploadFolder } from '@/uploadPaths'

const fakes = vi.hoisted(() => ({
  generateWriteAccessCredentials: vi.fn<typeof datastore.generateWriteAccessCredentials>(),
  putObject: vi.fn<typeof upload.putObject>(),
  createMultipartUpload: vi.fn<typeof upload.createMultipartUpload>(),
  uploadPart: vi.fn<typeof upload.uploadPart>(),
  completeMultipartUpload: vi.fn<typeof upload.completeMultipartUpload>(),
  abortMultipartUpload: vi.fn<typeof upload.abortMultipartUpload>(),
  listParts: vi.fn<typeof upload.listParts>(),
}))
vi.mock('@/api/datastore', () => ({ generateWriteAccessCredentials: fakes.generateWriteAccessCredentials }))
vi.mock('@/api/storageUpload', () => fakes)

const { useDatasetUploadStore } = await import('@/stores/datasetUpload')
const { forgetStorageCredentials } = await import('@/stores/storageCredentialCache')

const credentials = { aws_access_key_id: 'ASIA1', aws_secret_access_key: 's', aws_session_token: 't', expiry: new Date(Date.now() + 8 * 3600_000).toISOString() }
const item = itemDataset('10378.1/1')
const file = (name: string, size = 10) => ({ file: new File([new Uint8Array(size)], name), path: name })
const settle = () => new Promise((resolve) => setTimeout(resolve, 250))

beforeEach(() => {
  localStorage.clear()
  forgetStorageCredentials()
  setActivePinia(createPinia())
  resetStrictFakes(fakes)
  fakes.generateWriteAccessCredentials.mockResolvedValue({ status: { success: true, details: '' }, credentials })
})

describe('upload paths', () => {
  it('refuses what the data store forbids, before anything is sent', () => {
    expect(pathProblem('raw/a.txt')).toBeNull()
    expect(pathProblem('../a.txt')).toBe('The path contains "../", which the data store does not allow.')
    expect(pathProblem('raw//a.txt')).toBe('The path contains "//", which the data store does not allow.')
    expect(pathProblem('/a.txt')).toBe('A path cannot start with "/".')
    expect(uploadFolder(' /raw/2026// ')).toBe('raw/2026/')
    expect(uploadFolder('  ')).toBe('')
  })
})

describe('useDatasetUploadStore', () => {
  it('sends three at a time, the rest waiting, and counts them done', async () => {
    const finish: (() => void)[] = []
    fakes.putObject.mockImplementation((_c, _b, _k, body, onProgress) => new Promise((resolve) => finish.push(() => (onProgress(body.size), resolve('"e"')))))
    const store = useDatasetUploadStore()
    store.add(item, [file('a'), file('b'), file('c'), file('d')])
    await settle()
    expect(store.entries.map((e) => e.status)).toEqual(['uploading', 'uploading', 'uploading', 'queued'])
    finish.splice(0).forEach((done) => done())
    await settle()
    await settle()
    expect(store.entries.map((e) => e.status)).toEqual(['done', 'done', 'done', 'uploading'])
    finish.splice(0).forEach((done) => done())
    await settle()
    await settle()
    expect(store.totals).toMatchObject({ done: 4, active: 0, sent: 40, bytes: 40 })
    expect(store.drained).toBeGreaterThan(0)
    expect(fakes.putObject).toHaveBeenCalledWith(credentials, item.s3.bucket_name, `${item.s3.path}a`, expect.any(File), expect.any(Function), expect.any(AbortSignal))
    expect(fakes.generateWriteAccessCredentials).toHaveBeenCalledTimes(1)
  })

  it('sends each file once when uploads finish between flushes, and counts the queue drained once', async () => {
    fakes.putObject.mockResolvedValue('"e"')
    const store = useDatasetUploadStore()
    store.add(item, Array.from({ length: 20 }, (_, i) => file(`f${i}`)))
    await settle()
    await settle()
    expect(fakes.putObject).toHaveBeenCalledTimes(20)
    expect(new Set(fakes.putObject.mock.calls.map((call) => call[2])).size).toBe(20)
    expect(store.totals).toMatchObject({ done: 20, active: 0 })
    expect(store.drained).toBe(1)
  })

  it('counts the queue drained when the last upload fails after others were done', async () => {
    fakes.putObject.mockResolvedValueOnce('"e"').mockImplementationOnce(() => new Promise((_resolve, reject) => setTimeout(() => reject(new ApiError('server', 500, 'InternalError')), 300)))
    const store = useDatasetUploadStore()
    store.add(item, [file('a'), file('b')])
    await settle()
    expect(store.drained).toBe(0)
    await settle()
    expect(store.entries.map((e) => e.status)).toEqual(['done', 'failed'])
    expect(store.drained).toBe(1)
  })

  it('refuses a forbidden path, keeps a failure\'s reason, and retries it', async () => {
    fakes.putObject.mockRejectedValueOnce(new ApiError('forbidden', 403, 'AccessDenied: Access Denied')).mockResolvedValue('"e"')
    const store = useDatasetUploadStore()
    store.add(item, [file('ok.txt'), { ...file('x'), path: '../x' }])
    await settle()
    expect(store.entries.map((e) => [e.status, e.error])).toEqual([
      ['failed', 'AccessDenied: Access Denied'],
      ['refused', 'The path contains "../", which the data store does not allow.'],
    ])
    store.retry(store.entries[0].id)
    await settle()
    await settle()
    expect(store.entries[0].status).toBe('done')
  })

  it('sends a large file in 8 MiB parts and completes it with their ETags', async () => {
    fakes.createMultipartUpload.mockResolvedValue('up-1')
    fakes.uploadPart.mockImplementation(async (_c, _b, _k, _u, n) => `"p${n}"`)
    fakes.completeMultipartUpload.mockResolvedValue(undefined)
    const store = useDatasetUploadStore()
    store.add(item, [file('big.bin', 17 * 1024 * 1024)])
    await settle()
    await settle()
    expect(store.entries[0].status).toBe('done')
    expect(fakes.uploadPart.mock.calls.map((call) => [call[4], call[5].size])).toEqual([[1, 8 * 1024 * 1024], [2, 8 * 1024 * 1024], [3, 1024 * 1024]])
    expect(fakes.completeMultipartUpload).toHaveBeenCalledWith(credentials, item.s3.bucket_name, `${item.s3.path}big.bin`, 'up-1', ['"p1"', '"p2"', '"p3"'], expect.any(AbortSignal))
  })

  it('cancels one under way (aborting its upload) and one still waiting', async () => {
    fakes.createMultipartUpload.mockResolvedValue('up-2')
    fakes.uploadPart.mockImplementation((_c, _b, _k, _u, _n, _body, _p, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')))))
    fakes.abortMultipartUpload.mockResolvedValue(undefined)
    fakes.putObject.mockImplementation((_c, _b, _k, _body, _p, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')))))
    const store = useDatasetUploadStore()
    store.add(item, [file('big.bin', 17 * 1024 * 1024), file('a'), file('b'), file('waiting')])
    await settle()
    store.cancel(store.entries[3].id)
    store.cancel(store.entries[0].id)
    await settle()
    expect(store.entries.map((e) => e.status)).toEqual(['cancelled', 'uploading', 'uploading', 'cancelled'])
    expect(fakes.abortMultipartUpload).toHaveBeenCalledWith(credentials, item.s3.bucket_name, `${item.s3.path}big.bin`, 'up-2')
    store.cancelAll()
    await settle()
    expect(store.totals.active).toBe(0)
  })

  it('resumes a remembered upload from the parts storage holds, and retries a part that failed on a 5xx', async () => {
    const big = file('big.bin', 17 * 1024 * 1024)
    localStorage.setItem('console.uploads', JSON.stringify([{ datasetId: item.id, path: 'big.bin', size: big.file.size, lastModified: big.file.lastModified, uploadId: 'up-old' }]))
    fakes.listParts.mockResolvedValue([{ part_number: 1, etag: '"p1"', size: 8 * 1024 * 1024 }, { part_number: 2, etag: '"p2"', size: 8 * 1024 * 1024 }])
    fakes.uploadPart.mockRejectedValueOnce(new ApiError('server', 503, 'SlowDown')).mockResolvedValue('"p3"')
    fakes.completeMultipartUpload.mockResolvedValue(undefined)
    const store = useDatasetUploadStore()
    store.add(item, [big])
    await settle()
    await settle()
    expect(store.entries[0].status).toBe('done')
    expect(fakes.createMultipartUpload).not.toHaveBeenCalled()
    expect(fakes.uploadPart.mock.calls.map((call) => call[4])).toEqual([3, 3])
    expect(fakes.completeMultipartUpload).toHaveBeenCalledWith(credentials, item.s3.bucket_name, `${item.s3.path}big.bin`, 'up-old', ['"p1"', '"p2"', '"p3"'], expect.any(AbortSignal))
    expect(localStorage.getItem('console.uploads')).toBe('[]')
  })

  it('pauses keeping the parts, and resumes with the same upload', async () => {
    fakes.createMultipartUpload.mockResolvedValue('up-3')
    let hang = true
    fakes.uploadPart.mockImplementation((_c, _b, _k, _u, n, _body, _p, signal) =>
      hang ? new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')))) : Promise.resolve(`"p${n}"`),
    )
    fakes.listParts.mockResolvedValue([])
    fakes.completeMultipartUpload.mockResolvedValue(undefined)
    const store = useDatasetUploadStore()
    store.add(item, [file('big.bin', 17 * 1024 * 1024)])
    await settle()
    store.pause(store.entries[0].id)
    await settle()
    expect(store.entries[0].status).toBe('paused')
    expect(fakes.abortMultipartUpload).not.toHaveBeenCalled()
    hang = false
    store.retry(store.entries[0].id)
    await settle()
    await settle()
    expect(store.entries[0].status).toBe('done')
    expect(fakes.listParts).toHaveBeenCalledWith(credentials, item.s3.bucket_name, `${item.s3.path}big.bin`, 'up-3', expect.any(AbortSignal))
    expect(fakes.createMultipartUpload).toHaveBeenCalledTimes(1)
  })

  it('does not retry a part storage refused (4xx)', async () => {
    fakes.createMultipartUpload.mockResolvedValue('up-4')
    fakes.uploadPart.mockRejectedValue(new ApiError('forbidden', 403, 'AccessDenied: Access Denied'))
    const store = useDatasetUploadStore()
    store.add(item, [file('big.bin', 17 * 1024 * 1024)])
    await settle()
    await settle()
    expect(store.entries[0]).toMatchObject({ status: 'failed', error: 'AccessDenied: Access Denied' })
    expect(fakes.uploadPart).toHaveBeenCalledTimes(1)
  })
})
