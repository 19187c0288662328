import { shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { approvalRequest, listDatasetReviewers } from '@/api/review'
import type { JsonSchema } from '@/api/models/common'
import type { ItemDataset } from '@/api/models/registry'
import { checkAgainstToday, type TodayCheck } from './metadataToday'
import { useTrackedRequest } from './status'

/**
 * Asking for a dataset's release: the pre-flight (today's checks on the metadata, the system reviewers),
 * then the request itself, one at a time so a double click sends one.
 */
export const useReleaseRequestStore = defineStore('releaseRequest', () => {
  const forId = shallowRef<string | null>(null)
  const checked = shallowRef<TodayCheck | null>(null)
  const reviewers = shallowRef<string[]>([])
  const preparing = useTrackedRequest()
  const sending = useTrackedRequest('one-at-a-time')

  function prepare(schema: JsonSchema, item: ItemDataset) {
    forId.value = item.id
    checked.value = null
    return preparing.run(
      (signal) => Promise.all([checkAgainstToday(schema, item.collection_format, signal), listDatasetReviewers(signal)]),
      ([check, ids]) => {
        checked.value = check
        reviewers.value = [...ids].sort()
      },
    )
  }

  function send(datasetId: string, approverId: string, notes: string) {
    return sending.run((signal) => approvalRequest({ dataset_id: datasetId, approver_id: approverId, notes }, signal))
  }

  return {
    forId,
    checked,
    reviewers,
    prepareStatus: preparing.status,
    prepareError: preparing.error,
    sendStatus: sending.status,
    sendError: sending.error,
    prepare,
    send,
  }
})
