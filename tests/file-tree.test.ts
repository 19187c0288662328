import { describe, expect, it } from 'vitest'
import { folderRows, folderTrail, sortRows } from '@/fileTree'
import { formatBytes } from '@/format'

const object = (path: string, size: number, day = 1) => ({ key: `datasets/x/${path}`, size, last_modified: `2026-12-0${day}T00:00:00.000Z`, etag: '"e"' })
const objects = [object('README.md', 10), object('data/a.csv', 100, 2), object('data/b/deep.csv', 1000, 3), object('metadata.json', 5), object('data10/x', 1)]

describe('folderRows', () => {
  it('lists a folder\'s subfolders with their file counts and sizes, then its files', () => {
    expect(folderRows(objects, 'datasets/x/', '').map((r) => [r.kind, r.name, r.size, r.kind === 'folder' ? r.files : null])).toEqual([
      ['folder', 'data', 1100, 2],
      ['folder', 'data10', 1, 1],
      ['file', 'README.md', 10, null],
      ['file', 'metadata.json', 5, null],
    ])
    expect(folderRows(objects, 'datasets/x/', 'data/').map((r) => r.path)).toEqual(['data/b/', 'data/a.csv'])
  })

  it('filters the whole dataset flat, ignoring case', () => {
    expect(folderRows(objects, 'datasets/x/', 'data/', 'CSV').map((r) => r.name)).toEqual(['data/a.csv', 'data/b/deep.csv'])
  })
})

describe('sortRows', () => {
  it('keeps folders first and sorts each kind by the column, names numerically', () => {
    const rows = folderRows([object('f10', 1), object('f9', 3), object('f2/x', 2)], 'datasets/x/', '')
    expect(sortRows(rows, 'name', true).map((r) => r.name)).toEqual(['f2', 'f9', 'f10'])
    expect(sortRows(rows, 'size', false).map((r) => r.name)).toEqual(['f2', 'f9', 'f10'])
    expect(sortRows(rows, 'size', true).map((r) => r.name)).toEqual(['f2', 'f10', 'f9'])
  })
})

describe('folderTrail and formatBytes', () => {
  it('breaks a folder into its crumbs, and sizes into decimal units', () => {
    expect(folderTrail('data/b/')).toEqual([{ name: 'data', path: 'data/' }, { name: 'b', path: 'data/b/' }])
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(999)).toBe('999 bytes')
    expect(formatBytes(12_345)).toBe('12 KB')
    expect(formatBytes(4_500_000_000)).toBe('4.5 GB')
  })
})
