import type { Database, Queryable } from '../db/database'
import { newDatasetRecord, newVersionRecords, withMetadata, withReleaseAction } from '../domain/dataset-records'
import { insertItem, saveItem, writeLock } from '../domain/items'
import type { FileStorage } from '../domain/storage'
import type { AccessSettings, ItemDataset, ItemOrganisation, ItemPerson, RecordInfo } from '../domain/types'
import { upsertAccount } from '../oidc/accounts'
import { DEMO_ACCOUNTS, emailOf, ORGANISATIONS, OTHER_PEOPLE } from './accounts'
import { demoMetadata, editedMetadata, UPDATE_REASONS } from './datasets'
import { seededRandom, type Random } from './random'

const DAY = 86400
/** Demo records are dated relative to this moment, so every machine gets the same store. */
const SEED_EPOCH = Date.UTC(2026, 9, 1) / 1000
const READ_ALL = ['metadata-read', 'dataset-data-read']
const REEF_TEAM = 'reef-team'

export interface SeedOptions {
  datasets?: number
  seed?: number
}

async function handles(q: Queryable, count: number): Promise<string[]> {
  const { rows } = await q.query<{ n: number }>("SELECT nextval('handle_seq')::int AS n FROM generate_series(1, $1)", [count])
  return rows.map((row) => `10378.1/${row.n}`)
}

function agentRecord(id: string, subtype: 'PERSON' | 'ORGANISATION', displayName: string, now: number): RecordInfo & { history: [] } {
  return {
    id,
    owner_username: 'admin',
    created_timestamp: now,
    updated_timestamp: now,
    item_category: 'AGENT',
    item_subtype: subtype,
    record_type: 'COMPLETE_ITEM',
    workflow_links: null,
    versioning_info: null,
    history: [],
    ...{ display_name: displayName },
  }
}

async function seedAgents(q: Queryable) {
  const now = SEED_EPOCH - 800 * DAY
  const people = [...DEMO_ACCOUNTS.map((a) => ({ first: a.first_name, last: a.last_name, username: a.username })), ...OTHER_PEOPLE.map(([first, last]) => ({ first, last, username: null }))]
  const ids = await handles(q, people.length + ORGANISATIONS.length)
  const personIds: Record<string, string> = {}
  const custodians: string[] = []
  for (const [i, person] of people.entries()) {
    const domain = { display_name: `${person.first} ${person.last}`, user_metadata: null, email: person.username ? emailOf(person.username) : `${person.first}.${person.last}@example.org`.toLowerCase(), first_name: person.first, last_name: person.last, orcid: null, ethics_approved: true }
    const item: ItemPerson = { ...agentRecord(ids[i], 'PERSON', domain.display_name, now), ...domain, history: [{ id: 0, timestamp: now, reason: 'Initial record creation', username: 'admin', item: domain }] }
    await insertItem(q, item, { owner: 'admin', general: ['metadata-read'], groups: {} })
    if (person.username) personIds[person.username] = item.id
    custodians.push(item.id)
  }
  const organisations: string[] = []
  for (const [i, [name, ror]] of ORGANISATIONS.entries()) {
    const domain = { display_name: name, user_metadata: null, name, ror }
    const id = ids[people.length + i]
    const item: ItemOrganisation = { ...agentRecord(id, 'ORGANISATION', name, now), ...domain, history: [{ id: 0, timestamp: now, reason: 'Initial record creation', username: 'admin', item: domain }] }
    await insertItem(q, item, { owner: 'admin', general: ['metadata-read'], groups: {} })
    organisations.push(id)
  }
  return { personIds, custodians, organisations }
}

function accessFor(rng: Random, owner: string): AccessSettings {
  const roll = rng.next()
  if (roll < 0.06) return { owner, general: [], groups: {} }
  if (roll < 0.1) return { owner, general: [], groups: { [REEF_TEAM]: ['metadata-read', 'metadata-write', 'dataset-data-read'] } }
  if (roll < 0.13) return { owner, general: ['metadata-read'], groups: {} }
  return { owner, general: [...READ_ALL], groups: {} }
}

/** Release history of the i-th dataset: every state appears, including a rejection and re-request. */
function releaseSteps(rng: Random, requester: string | undefined, reviewer: string, at: number) {
  if (!requester) return []
  const roll = rng.next()
  const request = { action: 'REQUEST' as const, timestamp: at, approver: reviewer, requester, notes: 'Ready for release: metadata checked and files complete.' }
  const answer = (action: 'APPROVE' | 'REJECT', later: number) => ({ action, timestamp: at + later, approver: reviewer, requester: null, notes: action === 'APPROVE' ? 'Approved for public release.' : 'Please add the spatial coverage and a citation.' })
  if (roll < 0.6) return []
  if (roll < 0.7) return [request, answer('REJECT', DAY)]
  if (roll < 0.78) return [request, answer('REJECT', DAY), { ...request, timestamp: at + 3 * DAY }]
  if (roll < 0.85) return [request]
  return [request, answer('APPROVE', 2 * DAY)]
}

function writeFiles(storage: FileStorage, item: ItemDataset) {
  storage.writeMetadata(item.s3.path, item.collection_format)
  if (!item.collection_format.dataset_info.access_info.reposited) return
  storage.write(`${item.s3.path}README.md`, `# ${item.display_name}\n\n${item.collection_format.dataset_info.description}\n`)
  const rows = Array.from({ length: 24 }, (_, h) => `2025-01-01T${String(h).padStart(2, '0')}:00:00Z,${(26 + Math.sin(h / 4)).toFixed(2)}`)
  storage.write(`${item.s3.path}data/observations.csv`, `time,temperature_c\n${rows.join('\n')}\n`)
}

const LEGACY_EVERY = 11
/**
 * Datasets still holding an import that today's rules refuse, never requested for release: a release
 * pre-flight must stop them. Never versioned either (i % 12 === 7 cannot meet i % 40 === 30).
 */
const LEGACY_CURRENT_EVERY = 30
export const UNCHECKED_IMPORT = 'Imported from the previous catalogue, not yet checked'

/**
 * An entry written before today's rules (an import from an older catalogue set a consent as relevant but not
 * obtained), then fixed: real stores hold such entries, and reverting to one must be refused.
 */
function withLegacyEntry(item: ItemDataset, owner: string, at: number, fix: boolean): ItemDataset {
  const fixed = item.collection_format
  const legacy = structuredClone(fixed)
  legacy.approvals.indigenous_knowledge = { relevant: true, obtained: false }
  if (!fix) return withMetadata(item, legacy, UNCHECKED_IMPORT, owner, at + 3600)
  const imported = withMetadata(item, legacy, 'Imported from the previous catalogue', owner, at + 3600)
  return withMetadata(imported, fixed, 'Cleared the Indigenous Knowledge flag the import set', owner, at + 7200)
}

/** Seeds the demo accounts, people, organisations and datasets into an empty store; does nothing otherwise. */
export async function seedDemoData(db: Database, storage: FileStorage, options: SeedOptions = {}): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items')
  if (rows[0].n > 0) return false
  const count = options.datasets ?? 150
  const rng = seededRandom(options.seed ?? 20261126)
  for (const account of DEMO_ACCOUNTS) {
    await upsertAccount(db, { username: account.username, password: account.username, email: emailOf(account.username), name: `${account.first_name} ${account.last_name}`, roles: account.roles })
  }
  await db.transaction(async (tx) => {
    const { personIds, custodians, organisations } = await seedAgents(tx)
    for (const [username, personId] of Object.entries(personIds)) await tx.query('INSERT INTO user_links (username, person_id) VALUES ($1, $2)', [username, personId])
    const reviewer = personIds[DEMO_ACCOUNTS.find((a) => a.reviewer)!.username]
    await tx.query('INSERT INTO reviewers (person_id) VALUES ($1)', [reviewer])
    await tx.query('INSERT INTO group_members (group_id, username) VALUES ($1, $2), ($1, $3)', [REEF_TEAM, 'reader', 'steward'])
    const owners = ['steward', 'steward', 'steward', 'steward', 'steward', 'admin', 'admin', 'reviewer', 'jchen', 'pnair']
    const ids = await handles(tx, count)
    for (let i = 0; i < count; i++) {
      const picked = i < 5 ? 'steward' : rng.pick(owners)
      // The steward owns the datasets with a legacy entry, so the console can show one that cannot be reverted to.
      const legacy = i % 40 === LEGACY_EVERY || i % 40 === LEGACY_CURRENT_EVERY
      const owner = legacy ? 'steward' : picked
      const createdAt = SEED_EPOCH - rng.int(30, 720) * DAY - rng.int(0, DAY)
      let item = newDatasetRecord({ id: ids[i], owner, cf: demoMetadata(rng, i, { organisations, custodians }, createdAt), s3: storage.locationFor(ids[i]), now: createdAt, sessionId: `seed-${i}` })
      let at = createdAt
      if (legacy) item = withLegacyEntry(item, owner, at, i % 40 === LEGACY_EVERY)
      for (let u = rng.int(0, i < 5 ? 4 : 3); u > 0; u--) {
        at += rng.int(1, 20) * DAY
        const reason = rng.pick(UPDATE_REASONS)
        item = withMetadata(item, editedMetadata(rng, item.collection_format, reason), reason, owner, at)
      }
      // Drawn for every dataset, so the random sequence (and every dataset after) stays as it was.
      const steps = releaseSteps(rng, personIds[owner], reviewer, at + DAY)
      if (i % 40 !== LEGACY_CURRENT_EVERY) for (const step of steps) item = withReleaseAction(item, step)
      await insertItem(tx, item, accessFor(rng, owner))
      writeFiles(storage, item)
      if (i % 25 === 3) {
        // Locked once before and released, so a timeline shows both kinds of lock step.
        const lockStep = (action_type: 'LOCK' | 'UNLOCK', reason: string, after: number) => ({ action_type, username: owner, email: emailOf(owner), reason, timestamp: at + after })
        await writeLock(tx, item.id, true, [
          lockStep('LOCK', 'Embargoed until the paper is published.', DAY / 2),
          lockStep('UNLOCK', 'Paper published; embargo over.', DAY),
          lockStep('LOCK', 'Files under quality control; do not modify.', 2 * DAY),
        ])
      }
      if (i % 12 === 7) {
        for (let v = rng.int(1, 2); v > 0; v--) {
          const [newId] = await handles(tx, 1)
          at += rng.int(5, 60) * DAY
          const { newItem, oldItem } = newVersionRecords(item, { newId, username: owner, reason: rng.pick(['Annual data refresh', 'Recalibrated sensors', 'Added the 2026 season']), now: at, s3: storage.locationFor(newId), sessionId: `seed-version-${newId}` })
          await saveItem(tx, oldItem)
          await insertItem(tx, newItem, accessFor(rng, owner))
          writeFiles(storage, newItem)
          item = newItem
        }
      }
    }
  })
  return true
}
