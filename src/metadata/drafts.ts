/**
 * Unsaved metadata kept in the browser while a steward types, so a reload, a crash, a closed tab or an
 * expired session loses nothing. One draft per user, dataset (or new registration) and the history entry the
 * edit started from; drafts are removed on save and on sign-out, never on a session that merely expired.
 */
import type { CollectionFormat } from '@/api/models/registry'

const PREFIX = 'provena-console.draft'

export interface DraftKey {
  username: string
  /** The dataset edited; null for a new registration (a clone is a new one too). */
  datasetId: string | null
  /** The history entry the edit started from (null for a new registration): a later save compares against it. */
  baseHistoryId: number | null
}

export interface Draft {
  /** Unix milliseconds of the last keystroke saved. */
  savedAt: number
  value: CollectionFormat
  /** What the record held when the edit started, for the three-way merge when someone saved meanwhile. */
  base: CollectionFormat | null
  reason: string
  /** The dataset cloned from, for a new registration that started as a clone. */
  clonedFrom?: string | null
}

export function draftKey({ username, datasetId, baseHistoryId }: DraftKey): string {
  return `${PREFIX}:${encodeURIComponent(username)}:${datasetId === null ? 'new' : encodeURIComponent(datasetId)}:${baseHistoryId ?? '-'}`
}

function isDraft(value: unknown): value is Draft {
  const draft = value as Draft
  return typeof draft === 'object' && draft !== null && typeof draft.savedAt === 'number' && typeof draft.value === 'object' && draft.value !== null && typeof draft.reason === 'string'
}

/** Saves the draft; false when the browser refuses (storage full or disabled), for the editor to say so. */
export function saveDraft(key: DraftKey, draft: Draft, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(draftKey(key), JSON.stringify(draft))
    return true
  } catch {
    return false
  }
}

export function readDraft(key: DraftKey, storage: Storage = localStorage): Draft | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(draftKey(key)) ?? 'null')
    return isDraft(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function removeDraft(key: DraftKey, storage: Storage = localStorage): void {
  storage.removeItem(draftKey(key))
}

/** Every draft key of one user, e.g. to find a draft of this dataset that started from an older entry. */
function keysOf(username: string, storage: Storage): string[] {
  const prefix = `${PREFIX}:${encodeURIComponent(username)}:`
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  return keys
}

/** The newest draft of this user for a dataset (or a new one), whatever entry it started from. */
export function latestDraftFor(username: string, datasetId: string | null, storage: Storage = localStorage): { key: DraftKey; draft: Draft } | null {
  const part = datasetId === null ? 'new' : encodeURIComponent(datasetId)
  let found: { key: DraftKey; draft: Draft } | null = null
  for (const stored of keysOf(username, storage)) {
    const [, , dataset, base] = stored.split(':')
    if (dataset !== part) continue
    const key: DraftKey = { username, datasetId, baseHistoryId: base === '-' ? null : Number(base) }
    const draft = readDraft(key, storage)
    if (draft && (!found || draft.savedAt > found.draft.savedAt)) found = { key, draft }
  }
  return found
}

/** On sign-out: nothing of this user's work stays on a shared machine. */
export function removeDraftsOf(username: string, storage: Storage = localStorage): void {
  for (const key of keysOf(username, storage)) storage.removeItem(key)
}
