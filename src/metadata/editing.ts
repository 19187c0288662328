import type { DatasetRole } from '@/api/models/registry'

/**
 * Why the caller may not edit a dataset's metadata, in words; null when they may. `storeWriter` is the
 * account's entity-registry-write role, without which no dataset role helps.
 */
export interface EditBlocker {
  /** What stands in the way: the account, the caller's dataset roles, or the dataset's lock. */
  kind: 'account' | 'role' | 'locked'
  title: string
  text: string
}

export function editBlocker(roles: DatasetRole[], locked: boolean, storeWriter = true): EditBlocker | null {
  if (!storeWriter) {
    return { kind: 'account', title: 'You cannot edit this dataset', text: 'Your account has read-only access to the data store; editing needs write access (entity-registry-write) from your Provena administrators.' }
  }
  if (!roles.includes('metadata-write') && !roles.includes('admin')) {
    return { kind: 'role', title: 'You cannot edit this dataset', text: 'Editing needs the metadata-write or admin role on the dataset; ask its owner to grant you one.' }
  }
  if (locked) return { kind: 'locked', title: 'This dataset is locked', text: 'A locked dataset cannot be changed until a dataset admin unlocks it.' }
  return null
}
