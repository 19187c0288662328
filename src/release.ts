import { mdiCheckDecagram, mdiClockOutline, mdiLockOpenOutline } from '@mdi/js'
import type { DatasetDomainInfo, ReleaseAction, ReleaseHistoryEntry, ReleasedStatus } from '@/api/models/registry'
import type { TONAL_COLOURS } from '@/plugins/themes'

/** How a release status chip looks: text and icon say the state; colour only repeats it. */
export const RELEASE_STATUS_LOOK: Record<ReleasedStatus, { text: string; color: (typeof TONAL_COLOURS)[number]; icon: string }> = {
  NOT_RELEASED: { text: 'Not released', color: 'secondary', icon: mdiLockOpenOutline },
  PENDING: { text: 'Pending review', color: 'warning', icon: mdiClockOutline },
  RELEASED: { text: 'Released', color: 'success', icon: mdiCheckDecagram },
}

/** Where a dataset's release stands, in words, with who and when (null when never requested). */
export interface ReleaseState {
  /** Said before the reviewer's name, e.g. "Awaiting review by" or "Released — approved by". */
  lead: string
  reviewer: string
  /** "since" while pending, "on" once decided; said before the time. */
  when: 'since' | 'on'
  at: number
  /** The reviewer's notes on a rejection, which say what to fix before asking again. */
  notes: string | null
}

export const RELEASE_ACTION_TEXT: Record<ReleaseAction, string> = {
  REQUEST: 'Review requested',
  APPROVE: 'Approved',
  REJECT: 'Rejected',
}

/** The latest REQUEST: who asked, and with what notes. */
export function latestRequest(item: Pick<DatasetDomainInfo, 'release_history'>): ReleaseHistoryEntry | null {
  return item.release_history.findLast((entry) => entry.action === 'REQUEST') ?? null
}

/**
 * Provena's status alone hides a rejection (the dataset is simply NOT_RELEASED again); the last history
 * entry tells it apart from a dataset never submitted.
 */
export function releaseState(item: Pick<DatasetDomainInfo, 'release_history' | 'release_status' | 'release_approver' | 'release_timestamp'>): ReleaseState | null {
  const last = item.release_history.at(-1)
  const reviewer = item.release_approver ?? last?.approver
  const at = item.release_timestamp ?? last?.timestamp
  if (!reviewer || !at) return null
  if (item.release_status === 'PENDING') return { lead: 'Awaiting review by', reviewer, when: 'since', at, notes: null }
  if (item.release_status === 'RELEASED') return { lead: 'Released — approved by', reviewer, when: 'on', at, notes: null }
  if (last?.action === 'REJECT') return { lead: 'Not released — last request rejected by', reviewer, when: 'on', at, notes: last.notes || null }
  return null
}
