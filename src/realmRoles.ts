/** What an account's realm roles let it do in the data store, in words (contract §9.2). */
export interface StorePermission {
  text: string
  /** Every one of these realm roles is needed. */
  needs: string[]
}

export const STORE_PERMISSIONS: StorePermission[] = [
  { text: 'See datasets, their metadata and history, and the registry’s people and organisations', needs: ['entity-registry-read'] },
  { text: 'Register datasets, and change the ones your dataset roles allow', needs: ['entity-registry-read', 'entity-registry-write'] },
  { text: 'Hold every role on every dataset (registry administrator)', needs: ['entity-registry-read', 'entity-registry-write', 'entity-registry-admin'] },
  { text: 'Add dataset reviewers', needs: ['sys-admin-read', 'sys-admin-write'] },
  { text: 'Remove dataset reviewers', needs: ['sys-admin-read', 'sys-admin-write', 'sys-admin-admin'] },
]

/** The permissions the roles give, and those they do not with the roles missing. */
export function storePermissions(roles: string[]) {
  const allowed: StorePermission[] = []
  const withheld: { permission: StorePermission; missing: string[] }[] = []
  for (const permission of STORE_PERMISSIONS) {
    const missing = permission.needs.filter((role) => !roles.includes(role))
    if (missing.length) withheld.push({ permission, missing })
    else allowed.push(permission)
  }
  return { allowed, withheld }
}

const ROLE_MEANINGS: Record<string, string> = {
  'entity-registry-read': 'Data store and registry: read',
  'entity-registry-write': 'Data store and registry: write',
  'entity-registry-admin': 'Data store and registry: administer',
  'sys-admin-read': 'System administration: read',
  'sys-admin-write': 'System administration: write',
  'sys-admin-admin': 'System administration: administer',
}

/** A realm role's meaning, or null for the roles the data store does not use (Keycloak's defaults, other services). */
export const realmRoleMeaning = (role: string): string | null => ROLE_MEANINGS[role] ?? null
