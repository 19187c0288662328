import { ROLES } from '../domain/roles'

const { ER_READ, ER_WRITE, ER_ADMIN, SA_READ, SA_WRITE, SA_ADMIN } = ROLES
const KEYCLOAK_DEFAULTS = ['offline_access', 'uma_authorization', 'default-roles-provena']

export interface DemoAccount {
  username: string
  first_name: string
  last_name: string
  roles: string[]
  /** A system dataset reviewer. */
  reviewer?: boolean
}

/** The local stack's accounts; each password is the account name. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'steward', first_name: 'Sam', last_name: 'Steward', roles: [ER_READ, ER_WRITE] },
  { username: 'reviewer', first_name: 'Riley', last_name: 'Reviewer', roles: [ER_READ, ER_WRITE], reviewer: true },
  { username: 'admin', first_name: 'Ada', last_name: 'Admin', roles: [ER_READ, ER_WRITE, ER_ADMIN, SA_READ, SA_WRITE, SA_ADMIN] },
  { username: 'reader', first_name: 'Rowan', last_name: 'Reader', roles: [ER_READ] },
  { username: 'outsider', first_name: 'Olly', last_name: 'Outsider', roles: [] },
].map((account) => ({ ...account, roles: [...account.roles, ...KEYCLOAK_DEFAULTS] }))

export const emailOf = (username: string) => `${username}@example.org`

/** People in the registry who have no account here (custodians, past owners). */
export const OTHER_PEOPLE = [
  ['Jordan', 'Chen'],
  ['Priya', 'Nair'],
  ['Tom', 'Walker'],
  ['Mere', 'Tawhiri'],
  ['Lucas', 'Ferreira'],
  ['Hannah', 'Okafor'],
  ['Grace', 'Li'],
  ['Noah', 'Williams'],
] as const

export const ORGANISATIONS = [
  ['Commonwealth Scientific and Industrial Research Organisation', 'https://ror.org/03qn8fb07'],
  ['Australian Institute of Marine Science', 'https://ror.org/03x57gn41'],
  ['Bureau of Meteorology', 'https://ror.org/04dkp1p98'],
  ['The University of Queensland', 'https://ror.org/00rqy9422'],
  ['James Cook University', 'https://ror.org/04gsp2c11'],
  ['Reef Restoration and Adaptation Program', null],
] as const
