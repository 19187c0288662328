import type { Queryable } from '../db/database'
import { loadDataset, type LoadedDataset } from './datasets'
import { badRequest, notAuthorised } from './errors'
import { nowSeconds, readLock, writeAccess, writeLock } from './items'
import type { AccessSettings, Caller, LockEvent } from './types'

/** Dataset locks and access settings, which only a dataset admin may change (contract §8). */

export async function asDatasetAdmin(q: Queryable, caller: Caller, id: string): Promise<LoadedDataset> {
  const loaded = await loadDataset(q, caller, id)
  if (!loaded.roles.includes('admin')) throw notAuthorised(`You need the admin role on dataset ${id} to do this.`)
  return loaded
}

/** Locking a locked dataset (or unlocking an unlocked one) is refused, so every history event is a change. */
export async function setLock(tx: Queryable, caller: Caller, id: string, locking: boolean, reason: string): Promise<void> {
  await asDatasetAdmin(tx, caller, id)
  const lock = await readLock(tx, id)
  if (!lock || lock.locked === locking) throw badRequest(`Dataset ${id} is already ${locking ? 'locked' : 'unlocked'}.`)
  const event = { action_type: locking ? 'LOCK' : 'UNLOCK', username: caller.username, email: caller.email, reason, timestamp: nowSeconds() } as const
  await writeLock(tx, id, locking, [...lock.history, event])
}

/** Anyone who sees the dataset may read its lock history. */
export async function lockHistory(q: Queryable, caller: Caller, id: string): Promise<LockEvent[]> {
  await loadDataset(q, caller, id)
  return (await readLock(q, id))?.history ?? []
}

export async function updateAccess(q: Queryable, caller: Caller, id: string, settings: AccessSettings): Promise<void> {
  const { access } = await asDatasetAdmin(q, caller, id)
  if (access && settings.owner !== access.owner) throw badRequest('The owner of a dataset cannot be changed through its access settings.')
  await writeAccess(q, id, settings)
}
