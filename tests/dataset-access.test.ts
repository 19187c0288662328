import { describe, expect, it } from 'vitest'
import type { AccessSettings } from '@/api/models/registry'
import { narrowings, normalised, sameSettings, withGranted } from '@/datasetAccess'

const settings = (general: AccessSettings['general'], groups: AccessSettings['groups'] = {}): AccessSettings => ({ owner: 'steward', general, groups })

describe('access settings', () => {
  it('ticks the roles a role grants, in the registry order', () => {
    expect(withGranted(['admin'])).toEqual(['metadata-read', 'metadata-write', 'dataset-data-read', 'dataset-data-write', 'admin'])
    expect(withGranted(['dataset-data-read'])).toEqual(['metadata-read', 'dataset-data-read'])
    expect(withGranted([])).toEqual([])
  })

  it('names who loses which role, a group that loses everything, and nothing when access only widens', () => {
    const before = settings(['metadata-read', 'dataset-data-read'], { reef: ['metadata-read', 'metadata-write'], ops: ['metadata-read'] })
    const after = settings(['metadata-read'], { reef: ['metadata-read'] })
    expect(narrowings(before, after)).toEqual([
      'Everyone with a registry account loses Data read.',
      'Group reef loses Metadata write.',
      'Group ops loses all its access (Metadata read).',
    ])
    expect(narrowings(after, before)).toEqual([])
    expect(narrowings(before, settings(['dataset-data-read', 'metadata-read'], { ops: ['metadata-read'], reef: ['metadata-write', 'metadata-read'] }))).toEqual([])
  })

  it('compares settings as the registry stores them: order does not matter, empty groups are dropped', () => {
    const a = settings(['dataset-data-read', 'metadata-read'], { empty: [] })
    expect(normalised(a)).toEqual(settings(['metadata-read', 'dataset-data-read']))
    expect(sameSettings(a, settings(['metadata-read', 'dataset-data-read']))).toBe(true)
    expect(sameSettings(a, settings(['metadata-read']))).toBe(false)
  })
})
