import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { actionApprovalRequest } from '@/api/review'
import { useTrackedRequest } from './status'

/** A reviewer's decision on a release request, one at a time: a double submit decides once. */
export const useReleaseDecisionStore = defineStore('releaseDecision', () => {
  const deciding = useTrackedRequest('one-at-a-time')
  const forId = shallowRef<string | null>(null)

  function decide(id: string, approve: boolean, notes: string) {
    forId.value = id
    return deciding.run((signal) => actionApprovalRequest({ dataset_id: id, approve, notes }, signal))
  }

  return { forId, status: deciding.status, error: deciding.error, slow: deciding.slow, decide }
})
