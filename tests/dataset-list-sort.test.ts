import { describe, expect, it } from 'vitest'
import { ariaSortOf, nextSortOf } from '@/datasetListSort'

describe('sorting the dataset list by its column headers', () => {
  it('sorts names A to Z first, then Z to A, then back', () => {
    expect(nextSortOf('name', 'updated-desc')).toBe('name-asc')
    expect(nextSortOf('name', 'name-asc')).toBe('name-desc')
    expect(nextSortOf('name', 'name-desc')).toBe('name-asc')
  })

  it('sorts dates newest first, then oldest first', () => {
    expect(nextSortOf('created', 'name-asc')).toBe('created-desc')
    expect(nextSortOf('created', 'created-desc')).toBe('created-asc')
    expect(nextSortOf('updated', 'updated-desc')).toBe('updated-asc')
    expect(nextSortOf('updated', 'created-asc')).toBe('updated-desc')
  })

  it('marks only the sorted column, with its direction', () => {
    expect(ariaSortOf('updated', 'updated-desc')).toBe('descending')
    expect(ariaSortOf('created', 'created-asc')).toBe('ascending')
    expect(ariaSortOf('name', 'updated-desc')).toBe('none')
    expect(ariaSortOf('updated', 'created-desc')).toBe('none')
  })
})
