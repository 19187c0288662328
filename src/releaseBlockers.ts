import type { DatasetRole, DatasetDomainInfo } from '@/api/models/registry'
import type { DatasetTab } from '@/datasetRoutes'

/** One thing that stops a release request, with where to go about it. */
export interface ReleaseBlocker {
  kind: 'account' | 'person' | 'role' | 'pending' | 'released' | 'locked'
  text: string
  /** A tab of this dataset where the user can learn more or act. */
  tab?: DatasetTab
  linkText?: string
}

interface Caller {
  canWrite: boolean
  /** Null when the account is not linked to a registry Person. */
  personId: string | null
}

/**
 * Every reason a request for release cannot be made now, all of them at once (fixing one at a time and
 * meeting the next is the worst way to learn them). Metadata problems come from the pre-flight check.
 */
export function releaseBlockers(item: Pick<DatasetDomainInfo, 'release_status'>, roles: DatasetRole[], locked: boolean, caller: Caller): ReleaseBlocker[] {
  const found: ReleaseBlocker[] = []
  if (!caller.canWrite) found.push({ kind: 'account', text: 'Your account has read-only access to the data store; requesting a release needs write access (entity-registry-write).' })
  if (item.release_status === 'PENDING') found.push({ kind: 'pending', text: 'A request for this dataset is already awaiting review.', tab: 'release', linkText: 'See the request' })
  if (item.release_status === 'RELEASED') found.push({ kind: 'released', text: 'This dataset is released, and no route un-releases it. Create a new version to release changed data.', tab: 'versions', linkText: 'Versions' })
  if (!caller.personId) {
    found.push({ kind: 'person', text: 'Your account is not linked to a Person in the registry, and a request names its requester by Person. Link it in Provena\'s landing portal (your profile, "Link identity"), then sign in again.' })
  }
  if (!roles.includes('admin')) found.push({ kind: 'role', text: 'Requesting a release needs the admin role on the dataset; its owner has it.', tab: 'access', linkText: 'Who has access' })
  if (locked) found.push({ kind: 'locked', text: 'The dataset is locked; the data store refuses release requests for it until it is unlocked.', tab: 'timeline', linkText: 'Why it is locked' })
  return found
}
