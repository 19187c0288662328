import type { ItemDataset } from '@/api/models/registry'
import { latestRequest } from '@/release'

/** What a decision needs to know of the dataset: a queue row has it, and so does an item. */
export interface DecisionTarget {
  id: string
  display_name: string
  /** Person id of the requester, to name them in the dialog. */
  requester: string | null
}

export function decisionTarget(item: ItemDataset): DecisionTarget {
  return { id: item.id, display_name: item.display_name, requester: latestRequest(item)?.requester ?? null }
}
import { useDialogsStore } from '@/stores/dialogs'
import { useNotifyStore } from '@/stores/notify'
import { useRegistryAgentsStore } from '@/stores/registryAgents'
import { useReleaseDecisionStore } from '@/stores/releaseDecision'
import { useReviewQueueStore } from '@/stores/reviewQueue'
import { useSessionStore } from '@/stores/session'

/**
 * Approving or rejecting a release request: always through the decision dialog, which says what will
 * happen (never one click or keystroke to decide); notes are required to reject. The typed notes are kept
 * per dataset until the decision is recorded.
 */
export function useReleaseDecision() {
  const session = useSessionStore()
  const dialogs = useDialogsStore()
  const notify = useNotifyStore()
  const agents = useRegistryAgentsStore()
  const store = useReleaseDecisionStore()
  const queue = useReviewQueueStore()

  /** Whether the signed-in user is the reviewer this pending request asks for. */
  function canDecide(item: ItemDataset): boolean {
    return item.release_status === 'PENDING' && session.personId !== null && item.release_approver === session.personId
  }

  /** Resolves true once the decision is recorded; false when cancelled or refused (see the store's error). */
  async function decide(item: DecisionTarget, approve: boolean): Promise<boolean> {
    const requesterId = item.requester
    const requester = requesterId ? (agents.entryOf(requesterId)?.name ?? 'The requester') : 'The requester'
    const draftKey = `decision:${item.id}`
    const notes = await dialogs.askReason(
      approve
        ? {
            title: `Approve the release of “${item.display_name}”?`,
            text: `${requester} is e-mailed the decision. The dataset becomes released: from now on nobody can write to its files, and no route un-releases it. Its metadata stays editable.`,
            label: 'Notes to the requester (optional)',
            minLength: 0,
            draftKey,
            confirmText: 'Approve',
          }
        : {
            title: `Reject the release of “${item.display_name}”?`,
            text: `${requester} is e-mailed your notes. The dataset goes back to not released, and they can fix it and ask again.`,
            label: 'What needs to change',
            draftKey,
            confirmText: 'Reject',
          },
    )
    if (notes === null || !(await store.decide(item.id, approve, notes))) return false
    dialogs.forgetReasonDraft(draftKey)
    queue.decided(item.id)
    notify.notify(approve ? `Approved: “${item.display_name}” is released.` : `Rejected: ${requester === 'The requester' ? 'the requester has' : `${requester} has`} your notes.`, 'success')
    return true
  }

  return { canDecide, decide, store }
}
