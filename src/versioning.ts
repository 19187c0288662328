import type { DatasetRole, ItemDataset } from '@/api/models/registry'

/** Why the caller may not create a new version of a dataset, in words; null when they may. */
export interface VersionBlocker {
  kind: 'account' | 'not-latest' | 'role' | 'locked'
  title: string
  text: string
  /** For `not-latest`: the version that replaced this one, to link to. */
  next?: string
}

/**
 * Provena versions only the latest version and only for dataset admins; it does not check the lock, but
 * the console does: a lock says "do not change this dataset", and versioning rewrites its forward link.
 */
export function versionBlocker(item: Pick<ItemDataset, 'versioning_info'>, roles: DatasetRole[], locked: boolean, storeWriter = true): VersionBlocker | null {
  if (!storeWriter) {
    return { kind: 'account', title: 'You cannot create versions', text: 'Your account has read-only access to the data store; creating a version needs write access (entity-registry-write) from your Provena administrators.' }
  }
  const next = item.versioning_info?.next_version
  if (next) return { kind: 'not-latest', title: 'This is not the latest version', text: 'Only the latest version of a dataset can be versioned.', next }
  if (!roles.includes('admin')) {
    return { kind: 'role', title: 'You cannot create a version of this dataset', text: 'Creating a version needs the admin role on the dataset; its owner has it and can grant it.' }
  }
  if (locked) return { kind: 'locked', title: 'This dataset is locked', text: 'A locked dataset cannot be versioned until a dataset admin unlocks it.' }
  return null
}

/** What a new version is in Provena, said before the user commits to one. */
export const NEW_VERSION_POINTS = [
  'It is a new dataset in the registry with a handle of its own; this one keeps its handle.',
  'Its metadata is copied from this version as it is now; you own it, and its access settings are copied.',
  'Its storage is new and empty: files are not copied, upload them to the new version.',
  'Its release starts again as "Not released"; this version keeps its release state.',
  'This version stays as it is and links forward to the new one; only the newest version can be versioned again.',
]
