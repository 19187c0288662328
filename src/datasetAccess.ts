import { DATASET_ROLES, type AccessSettings, type DatasetRole } from '@/api/models/registry'

/** What each dataset role lets its holder do, in the console's words. */
export const ROLE_WORDS: Record<DatasetRole, { title: string; allows: string }> = {
  'metadata-read': { title: 'Metadata read', allows: 'See the dataset, its metadata, history and timeline.' },
  'metadata-write': { title: 'Metadata write', allows: 'Edit the metadata and revert it to an earlier entry.' },
  'dataset-data-read': { title: 'Data read', allows: 'Download the dataset’s files.' },
  'dataset-data-write': { title: 'Data write', allows: 'Upload, replace and delete files, while the dataset is not locked, pending review or released.' },
  admin: { title: 'Admin', allows: 'Everything else, and lock or unlock the dataset, change who has access, create new versions and request its release.' },
}

/**
 * The roles each role brings with it, as the registry describes them (`also_grants`). The registry does not
 * expand them when it checks access, so the editor ticks them too: a write role without its read would do little.
 */
export const ALSO_GRANTS: Record<DatasetRole, DatasetRole[]> = {
  'metadata-read': [],
  'metadata-write': ['metadata-read'],
  'dataset-data-read': ['metadata-read'],
  'dataset-data-write': ['metadata-read', 'metadata-write', 'dataset-data-read'],
  admin: ['metadata-read', 'metadata-write', 'dataset-data-read', 'dataset-data-write'],
}

/** The roles, with those they grant, in the registry's order. */
export function withGranted(roles: Iterable<DatasetRole>): DatasetRole[] {
  const held = new Set<DatasetRole>()
  for (const role of roles) {
    held.add(role)
    for (const granted of ALSO_GRANTS[role]) held.add(granted)
  }
  return DATASET_ROLES.filter((role) => held.has(role))
}

const roleList = (roles: DatasetRole[]) => roles.map((role) => ROLE_WORDS[role].title).join(', ')
export const GENERAL_NAME = 'Everyone with a registry account'
export const groupName = (id: string) => `Group ${id}`

/** Who loses what between two settings, one line each; empty when nothing is narrowed. */
export function narrowings(before: AccessSettings, after: AccessSettings): string[] {
  const lines: string[] = []
  const lost = (was: DatasetRole[], now: DatasetRole[] | undefined) => was.filter((role) => !now?.includes(role))
  const general = lost(before.general, after.general)
  if (general.length) lines.push(`${GENERAL_NAME} loses ${roleList(general)}.`)
  for (const [group, roles] of Object.entries(before.groups)) {
    const gone = lost(roles, after.groups[group])
    if (!gone.length) continue
    lines.push(after.groups[group]?.length ? `${groupName(group)} loses ${roleList(gone)}.` : `${groupName(group)} loses all its access (${roleList(gone)}).`)
  }
  return lines
}

/** Settings as the registry stores them: groups without a role are dropped, roles in the registry's order. */
export function normalised(settings: AccessSettings): AccessSettings {
  const order = (roles: DatasetRole[]) => DATASET_ROLES.filter((role) => roles.includes(role))
  const groups = Object.fromEntries(Object.entries(settings.groups).filter(([, roles]) => roles.length).map(([group, roles]) => [group, order(roles)]))
  return { owner: settings.owner, general: order(settings.general), groups }
}

export function sameSettings(a: AccessSettings, b: AccessSettings): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b))
}
