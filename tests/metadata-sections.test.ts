import { describe, expect, it } from 'vitest'
import type { MetadataNode } from '@/metadata/describe'
import { allSectionKeys, sectionId, sectionIndex } from '@/metadata/sections'

const leaf = (path: string[]): MetadataNode => ({ key: path.at(-1)!, path, title: path.at(-1)!, kind: 'text', value: 'x' })
const group = (path: string[], title: string, children: MetadataNode[]): MetadataNode =>
  ({ key: path.at(-1)!, path, title, kind: 'group', children })

const tree = [
  group(['info'], 'Information', [
    leaf(['info', 'name']),
    group(['info', 'temporal'], 'Temporal', [group(['info', 'temporal', 'duration'], 'Duration', [leaf(['info', 'temporal', 'duration', 'begin'])])]),
  ]),
  leaf(['stray']),
]

describe('sectionIndex', () => {
  it('lists sections and sub-sections to the depth asked, never fields', () => {
    expect(sectionIndex(tree)).toEqual([
      { path: ['info'], title: 'Information', children: [{ path: ['info', 'temporal'], title: 'Temporal', children: [] }] },
    ])
    expect(sectionIndex(tree, 1)).toEqual([{ path: ['info'], title: 'Information', children: [] }])
  })

  it('collapses every section at every depth, and names each by its path', () => {
    expect(allSectionKeys(tree)).toEqual(['info', 'info.temporal', 'info.temporal.duration'])
    expect(sectionId(['dataset_info', 'spatial_info'])).toBe('metadata-dataset_info-spatial_info')
  })
})
