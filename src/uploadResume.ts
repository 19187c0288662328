/**
 * Multipart uploads under way, remembered in local storage so that one cut short (a reload, a closed tab, a
 * pause) continues from its last part when the same file is chosen again. A browser cannot keep the file
 * itself, so the user chooses it again; size and modification time tell it is the same file.
 */
export interface ResumableUpload {
  datasetId: string
  path: string
  size: number
  lastModified: number
  uploadId: string
}

const KEY = 'console.uploads'

function read(): ResumableUpload[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown
    return Array.isArray(stored) ? (stored as ResumableUpload[]) : []
  } catch {
    return []
  }
}

const write = (uploads: ResumableUpload[]) => localStorage.setItem(KEY, JSON.stringify(uploads))
const same = (a: Omit<ResumableUpload, 'uploadId'>, b: Omit<ResumableUpload, 'uploadId'>) =>
  a.datasetId === b.datasetId && a.path === b.path && a.size === b.size && a.lastModified === b.lastModified

export function resumableFor(file: Omit<ResumableUpload, 'uploadId'>): string | null {
  return read().find((upload) => same(upload, file))?.uploadId ?? null
}

export function rememberUpload(upload: ResumableUpload) {
  write([...read().filter((other) => !same(other, upload)), upload])
}

export function forgetUpload(uploadId: string) {
  write(read().filter((upload) => upload.uploadId !== uploadId))
}

/** The unfinished uploads of one dataset, for the page to offer resuming. */
export function unfinishedUploads(datasetId: string): ResumableUpload[] {
  return read().filter((upload) => upload.datasetId === datasetId)
}
