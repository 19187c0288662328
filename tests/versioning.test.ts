import { describe, expect, it } from 'vitest'
import { versionBlocker } from '@/versioning'

const latest = { versioning_info: { version: 2, previous_version: 'v1', next_version: null } }
const older = { versioning_info: { version: 1, next_version: 'v2' } }

describe('versionBlocker', () => {
  it('lets a dataset admin version the latest, unlocked version', () => {
    expect(versionBlocker(latest, ['metadata-read', 'admin'], false)).toBeNull()
  })

  it('says why not, most fundamental reason first', () => {
    expect(versionBlocker(older, ['admin'], true, false)?.kind).toBe('account')
    expect(versionBlocker(older, ['admin'], true)).toMatchObject({ kind: 'not-latest', next: 'v2' })
    // metadata-write edits a dataset but does not version it: Provena asks for admin.
    expect(versionBlocker(latest, ['metadata-read', 'metadata-write'], true)).toMatchObject({ kind: 'role', text: expect.stringContaining('admin role') })
    expect(versionBlocker(latest, ['admin'], true)).toMatchObject({ kind: 'locked', title: 'This dataset is locked' })
  })
})
