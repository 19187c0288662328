import { describe, expect, it } from 'vitest'
import { editBlocker } from '@/metadata/editing'

describe('editBlocker', () => {
  it('lets a metadata writer or dataset admin edit an unlocked dataset', () => {
    expect(editBlocker(['metadata-read', 'metadata-write'], false)).toBeNull()
    expect(editBlocker(['admin'], false)).toBeNull()
  })

  it('names the missing account role before any dataset role', () => {
    expect(editBlocker(['admin'], true, false)?.text).toMatch(/entity-registry-write/)
  })

  it('names the missing dataset role, then the lock', () => {
    expect(editBlocker(['metadata-read'], true)?.text).toMatch(/metadata-write or admin role/)
    expect(editBlocker(['metadata-write'], true)?.title).toBe('This dataset is locked')
  })
})
