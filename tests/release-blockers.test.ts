import { describe, expect, it } from 'vitest'
import { releaseBlockers } from '@/releaseBlockers'

const writer = { canWrite: true, personId: 'p-1' }

describe('releaseBlockers', () => {
  it('lets a linked dataset admin ask for an unreleased, unlocked dataset', () => {
    expect(releaseBlockers({ release_status: 'NOT_RELEASED' }, ['admin'], false, writer)).toEqual([])
  })

  it('lists every reason at once, each with where to go', () => {
    const all = releaseBlockers({ release_status: 'PENDING' }, ['metadata-read'], true, { canWrite: false, personId: null })
    expect(all.map((b) => b.kind)).toEqual(['account', 'pending', 'person', 'role', 'locked'])
    expect(all.find((b) => b.kind === 'pending')?.tab).toBe('release')
    expect(releaseBlockers({ release_status: 'RELEASED' }, ['admin'], false, writer)).toMatchObject([{ kind: 'released', tab: 'versions' }])
  })
})
