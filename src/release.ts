import type { DatasetDomainInfo, ReleaseAction, ReleaseHistoryEntry } from '@/api/models/registry'

/** Where a dataset's release stands, in words, with who and when (null when never requested). */
export interface ReleaseState {
  /** "Awaiting review by", "Approved by" or "Last request rejected by", then the reviewer. */
  phrase: string
  reviewer: string
  at: number
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
  if (item.release_status === 'PENDING') return { phrase: 'Awaiting review by', reviewer, at }
  if (item.release_status === 'RELEASED') return { phrase: 'Approved by', reviewer, at }
  if (last?.action === 'REJECT') return { phrase: 'Last request rejected by', reviewer, at }
  return null
}
