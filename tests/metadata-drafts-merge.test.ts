import { beforeEach, describe, expect, it } from 'vitest'
import type { CollectionFormat } from '@/api/models/registry'
import { latestDraftFor, readDraft, removeDraft, removeDraftsOf, saveDraft, type Draft, type DraftKey } from '@/metadata/drafts'
import { mergedWith, threeWayMerge } from '@/metadata/merge'
import { getAt, sameValue, setAt } from '@/metadata/paths'
import { collectionFormat } from './builders'

const key = (username: string, datasetId: string | null, baseHistoryId: number | null): DraftKey => ({ username, datasetId, baseHistoryId })
const draft = (name: string, savedAt = 1): Draft => ({ savedAt, value: collectionFormat({ name }), base: collectionFormat(), reason: 'why' })

beforeEach(() => localStorage.clear())

describe('drafts', () => {
  it('are kept per user, dataset and base entry, and read back whole', () => {
    expect(saveDraft(key('steward', '10378.1/1', 3), draft('mine'))).toBe(true)
    expect(readDraft(key('steward', '10378.1/1', 3))?.value.dataset_info.name).toBe('mine')
    expect(readDraft(key('steward', '10378.1/1', 4))).toBeNull()
    expect(readDraft(key('reader', '10378.1/1', 3))).toBeNull()
    expect(readDraft(key('steward', '10378.1/2', 3))).toBeNull()
  })

  it('finds the newest draft of a dataset whatever entry it started from, and one for a new registration', () => {
    saveDraft(key('steward', '10378.1/1', 3), draft('older', 10))
    saveDraft(key('steward', '10378.1/1', 5), draft('newer', 20))
    saveDraft(key('steward', null, null), draft('new one', 30))
    expect(latestDraftFor('steward', '10378.1/1')).toMatchObject({ key: { baseHistoryId: 5 }, draft: { value: { dataset_info: { name: 'newer' } } } })
    expect(latestDraftFor('steward', null)?.draft.value.dataset_info.name).toBe('new one')
    expect(latestDraftFor('steward', '10378.1/9')).toBeNull()
  })

  it('are removed on save, and all of a user\'s on sign-out, leaving other users\' alone', () => {
    saveDraft(key('steward', '10378.1/1', 3), draft('a'))
    saveDraft(key('steward', null, null), draft('b'))
    saveDraft(key('admin', '10378.1/1', 3), draft('c'))
    removeDraft(key('steward', '10378.1/1', 3))
    expect(readDraft(key('steward', '10378.1/1', 3))).toBeNull()
    removeDraftsOf('steward')
    expect(latestDraftFor('steward', null)).toBeNull()
    expect(readDraft(key('admin', '10378.1/1', 3))?.value.dataset_info.name).toBe('c')
  })

  it('a corrupt stored draft reads as none, and a full storage says it could not save', () => {
    localStorage.setItem('provena-console.draft:steward:new:-', '{not json')
    expect(readDraft(key('steward', null, null))).toBeNull()
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError') } } as unknown as Storage
    expect(saveDraft(key('steward', null, null), draft('x'), full)).toBe(false)
  })
})

describe('paths', () => {
  it('set creates parents, and removing a value drops the optional group it empties', () => {
    const cf = collectionFormat()
    const withCoverage = setAt(cf, 'dataset_info.spatial_info.coverage', 'SRID=4326;POINT(1 2)')
    expect(getAt(withCoverage, 'dataset_info.spatial_info')).toEqual({ coverage: 'SRID=4326;POINT(1 2)' })
    expect(getAt(cf, 'dataset_info.spatial_info')).toBeUndefined()
    expect(getAt(setAt(withCoverage, 'dataset_info.spatial_info.coverage', undefined), 'dataset_info.spatial_info')).toBeUndefined()
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true)
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false)
  })
})

describe('threeWayMerge', () => {
  const FIELDS = ['dataset_info.name', 'dataset_info.description', 'dataset_info.keywords', 'dataset_info.purpose', 'approvals.ethics_access']
  const base: CollectionFormat = collectionFormat({ name: 'Base', description: 'Base text', keywords: ['coral'] })

  it('takes their changes, keeps yours, and marks a field both changed differently as a conflict', () => {
    const theirs = setAt(setAt(base, 'dataset_info.description', 'Their text'), 'dataset_info.name', 'Their name')
    const yours = setAt(setAt(base, 'dataset_info.keywords', ['coral', 'reef']), 'dataset_info.name', 'Your name')
    const merge = threeWayMerge(FIELDS, base, theirs, yours)
    expect(merge.changes.map((c) => [c.path, c.kind])).toEqual([
      ['dataset_info.name', 'conflict'],
      ['dataset_info.description', 'theirs'],
      ['dataset_info.keywords', 'yours'],
    ])
    expect(merge.merged.dataset_info).toMatchObject({ name: 'Your name', description: 'Their text', keywords: ['coral', 'reef'] })
    expect(mergedWith(merge, { 'dataset_info.name': 'theirs' }).dataset_info).toMatchObject({ name: 'Their name', description: 'Their text', keywords: ['coral', 'reef'] })
  })

  it('a field both set to the same value is no conflict; a field you removed stays removed', () => {
    const start = setAt(base, 'dataset_info.purpose', 'Old purpose')
    const theirs = setAt(start, 'approvals.ethics_access', { relevant: true, obtained: true })
    const yours = setAt(setAt(start, 'approvals.ethics_access', { relevant: true, obtained: true }), 'dataset_info.purpose', undefined)
    const merge = threeWayMerge(FIELDS, start, theirs, yours)
    expect(merge.changes.map((c) => [c.path, c.kind])).toEqual([['dataset_info.purpose', 'yours'], ['approvals.ethics_access', 'same']])
    expect(merge.merged.dataset_info.purpose).toBeUndefined()
    expect(merge.merged.approvals.ethics_access).toEqual({ relevant: true, obtained: true })
  })
})
