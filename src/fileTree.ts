import type { StorageObject } from '@/api/storage'

/** A folder or a file as the file browser lists it; paths are relative to the dataset's prefix. */
export type FileRow =
  | { kind: 'folder'; name: string; path: string; files: number; size: number; modified: number }
  | { kind: 'file'; name: string; path: string; key: string; size: number; modified: number }

export type FileSort = 'name' | 'size' | 'modified'

/**
 * What one folder holds: its subfolders (with how many files and bytes lie beneath each) and its files.
 * With a filter the view is flat instead: every file whose path contains the text, wherever it lies.
 */
export function folderRows(objects: StorageObject[], prefix: string, folder: string, filter = ''): FileRow[] {
  const needle = filter.trim().toLowerCase()
  const folders = new Map<string, Extract<FileRow, { kind: 'folder' }>>()
  const files: FileRow[] = []
  for (const object of objects) {
    if (!object.key.startsWith(prefix)) continue
    const path = object.key.slice(prefix.length)
    const modified = Date.parse(object.last_modified) / 1000 || 0
    if (needle) {
      if (path.toLowerCase().includes(needle)) files.push({ kind: 'file', name: path, path, key: object.key, size: object.size, modified })
      continue
    }
    if (!path.startsWith(folder)) continue
    const rest = path.slice(folder.length)
    const slash = rest.indexOf('/')
    if (slash < 0) {
      files.push({ kind: 'file', name: rest, path, key: object.key, size: object.size, modified })
      continue
    }
    const name = rest.slice(0, slash)
    const row = folders.get(name) ?? { kind: 'folder' as const, name, path: `${folder}${name}/`, files: 0, size: 0, modified: 0 }
    row.files += 1
    row.size += object.size
    row.modified = Math.max(row.modified, modified)
    folders.set(name, row)
  }
  return [...folders.values(), ...files]
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Folders first, then files, each sorted by the column asked for. */
export function sortRows(rows: FileRow[], by: FileSort, ascending: boolean): FileRow[] {
  const direction = ascending ? 1 : -1
  const compare = (a: FileRow, b: FileRow) => {
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1
    const order = by === 'name' ? collator.compare(a.name, b.name) : by === 'size' ? a.size - b.size : a.modified - b.modified
    return (order || collator.compare(a.name, b.name)) * direction
  }
  return [...rows].sort(compare)
}

/** The folders from the top down to `folder`, for breadcrumbs: [{ name: 'data', path: 'data/' }, …]. */
export function folderTrail(folder: string): { name: string; path: string }[] {
  const parts = folder.split('/').filter(Boolean)
  return parts.map((name, i) => ({ name, path: `${parts.slice(0, i + 1).join('/')}/` }))
}
