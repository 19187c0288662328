import type { Queryable } from '../db/database'
import type { AccessSettings, Caller, DatasetRole } from './types'

/** Keycloak realm roles, as Provena's tokens carry them in realm_access.roles. */
export const ROLES = {
  ER_READ: 'entity-registry-read',
  ER_WRITE: 'entity-registry-write',
  ER_ADMIN: 'entity-registry-admin',
  SA_READ: 'sys-admin-read',
  SA_WRITE: 'sys-admin-write',
  SA_ADMIN: 'sys-admin-admin',
} as const

const { ER_READ, ER_WRITE, ER_ADMIN, SA_READ, SA_WRITE, SA_ADMIN } = ROLES
/** Provena's all-of role lists (contract §2, §9.2). */
export const REALM = {
  any: [] as string[],
  read: [ER_READ],
  write: [ER_READ, ER_WRITE],
  admin: [ER_READ, ER_WRITE, ER_ADMIN],
  reviewerAdd: [SA_READ, SA_WRITE],
  reviewerDelete: [SA_READ, SA_WRITE, SA_ADMIN],
}

/** The order Provena lists them in for owners and registry admins. */
export const ALL_DATASET_ROLES: DatasetRole[] = ['metadata-read', 'metadata-write', 'admin', 'dataset-data-read', 'dataset-data-write']

export const VISIBLE_WITH: DatasetRole[] = ['metadata-read', 'metadata-write', 'admin']

export async function groupsOf(q: Queryable, username: string): Promise<string[]> {
  const { rows } = await q.query<{ group_id: string }>('SELECT group_id FROM group_members WHERE username = $1', [username])
  return rows.map((row) => row.group_id)
}

/**
 * The caller's roles on one item (contract §9.3): owners and registry admins hold all five; anyone else
 * the union of the general roles and those of their groups, with no implied roles expanded.
 */
export function itemRoles(caller: Caller, access: AccessSettings | null, callerGroups: string[]): string[] {
  if (caller.roles.includes(ROLES.ER_ADMIN) || (access && access.owner === caller.username)) return [...ALL_DATASET_ROLES]
  if (!access) return []
  const roles = new Set(access.general)
  for (const group of callerGroups) for (const role of access.groups[group] ?? []) roles.add(role)
  return ALL_DATASET_ROLES.filter((role) => roles.has(role))
}

export function hasAny(roles: string[], wanted: string[]): boolean {
  return wanted.some((role) => roles.includes(role))
}
