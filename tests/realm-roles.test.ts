import { describe, expect, it } from 'vitest'
import { realmRoleMeaning, storePermissions } from '@/realmRoles'

describe('storePermissions', () => {
  it('says what a steward may do and what each withheld permission still needs', () => {
    const { allowed, withheld } = storePermissions(['entity-registry-read', 'entity-registry-write', 'offline_access'])
    expect(allowed.map((p) => p.text)).toEqual([
      'See datasets, their metadata and history, and the registry’s people and organisations',
      'Register datasets, and change the ones your dataset roles allow',
    ])
    expect(withheld.map((w) => [w.permission.text, w.missing])).toEqual([
      ['Hold every role on every dataset (registry administrator)', ['entity-registry-admin']],
      ['Add dataset reviewers', ['sys-admin-read', 'sys-admin-write']],
      ['Remove dataset reviewers', ['sys-admin-read', 'sys-admin-write', 'sys-admin-admin']],
    ])
  })

  it('gives nothing for sys-admin roles alone beyond reviewer administration', () => {
    const { allowed } = storePermissions(['sys-admin-read', 'sys-admin-write'])
    expect(allowed.map((p) => p.text)).toEqual(['Add dataset reviewers'])
    expect(realmRoleMeaning('uma_authorization')).toBeNull()
  })
})
