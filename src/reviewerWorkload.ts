import type { ItemDataset } from '@/api/models/registry'
import { latestRequest } from '@/release'

/** A request awaiting a reviewer's decision. */
export interface OpenReview {
  id: string
  display_name: string
  /** When it was asked for (the latest REQUEST's time). */
  requested: number | null
}

export interface ReviewerWorkload {
  open: OpenReview[]
  /** Approvals and rejections they have given. */
  decided: number
}

/**
 * Open and decided requests per reviewer, counted over the datasets the caller can read: no Provena route
 * gives these for anyone but the caller. A request stays the reviewer's after they stop reviewing, so
 * every approver found is counted, not just today's reviewers.
 */
export function reviewerWorkload(items: Iterable<Pick<ItemDataset, 'id' | 'display_name' | 'release_status' | 'release_approver' | 'release_history'>>): Map<string, ReviewerWorkload> {
  const byReviewer = new Map<string, ReviewerWorkload>()
  const of = (personId: string) => {
    let found = byReviewer.get(personId)
    if (!found) byReviewer.set(personId, (found = { open: [], decided: 0 }))
    return found
  }
  for (const item of items) {
    if (item.release_status === 'PENDING' && item.release_approver) {
      of(item.release_approver).open.push({ id: item.id, display_name: item.display_name, requested: latestRequest(item)?.timestamp ?? null })
    }
    for (const entry of item.release_history) if (entry.action !== 'REQUEST') of(entry.approver).decided += 1
  }
  // The longest-waiting first: that is the order an admin should ask for them to be reassigned.
  for (const workload of byReviewer.values()) workload.open.sort((a, b) => (a.requested ?? 0) - (b.requested ?? 0))
  return byReviewer
}
