import { computed, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { listDatasets } from '@/api/datastore'
import { isCancelled, isNotFoundOrHidden, softFailure, toApiError } from '@/api/errors'
import type { ItemPerson } from '@/api/models/registry'
import type { PaginationKey } from '@/api/models/registryApi'
import { fetchPerson } from '@/api/registry'
import { addDatasetReviewer, deleteDatasetReviewer, listDatasetReviewers } from '@/api/review'
import { reviewerWorkload, type ReviewerWorkload } from '@/reviewerWorkload'
import { useTrackedRequest } from './status'

const LIST_PAGE = 500

/** A reviewer as the page shows them: the Person when the registry has it, else just the id. */
export interface Reviewer {
  id: string
  person: ItemPerson | null
}

/** The Person with this id, or a failure that says plainly it is not one (the registry answers a miss with success=false). */
async function personOrRefusal(id: string, signal?: AbortSignal): Promise<ItemPerson> {
  try {
    const { item } = await fetchPerson(id, signal)
    if (item?.item_subtype === 'PERSON') return item
  } catch (caught) {
    if (isCancelled(caught) || !isNotFoundOrHidden(toApiError(caught))) throw caught
  }
  throw softFailure(`${id} is not a Person in the registry, so it cannot review. Search for the person by name, or paste the id of their Person record.`)
}

/**
 * The system's dataset reviewers (Person ids), their names and e-mails, and how many requests each has open
 * and has decided. The counts come from reading every dataset the caller can see, so they load on their own.
 */
export const useReviewersStore = defineStore('reviewers', () => {
  const reviewers = shallowRef<Reviewer[]>([])
  const workload = shallowRef<Map<string, ReviewerWorkload>>(new Map())
  /** How many datasets the counts were taken over. */
  const countedOver = shallowRef(0)
  const reading = useTrackedRequest()
  const counting = useTrackedRequest()
  const saving = useTrackedRequest('one-at-a-time')

  const ids = computed(() => reviewers.value.map((reviewer) => reviewer.id))

  function load() {
    return reading.run(
      async (signal) => {
        const found = await listDatasetReviewers(signal)
        // A reviewer whose Person cannot be read is still a reviewer: show the id rather than drop them.
        const people = await Promise.all(found.map((id) => fetchPerson(id, signal).then((r) => r.item ?? null, (caught: unknown) => (isCancelled(caught) ? Promise.reject(caught) : null))))
        return found.map((id, i) => ({ id, person: people[i] })).sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
      },
      (found) => (reviewers.value = found),
    )
  }

  function countRequests() {
    return counting.run(
      async (signal) => {
        const items = []
        let key: PaginationKey | null = null
        do {
          const page = await listDatasets({ page_size: LIST_PAGE, pagination_key: key }, signal)
          items.push(...page.items)
          key = page.pagination_key ?? null
        } while (key)
        return items
      },
      (items) => {
        workload.value = reviewerWorkload(items)
        countedOver.value = items.length
      },
    )
  }

  const workloadOf = (id: string): ReviewerWorkload => workload.value.get(id) ?? { open: [], decided: 0 }

  /** Checks the id is a registry Person before adding: Provena would store any string. */
  function add(id: string) {
    return saving.run(async (signal) => {
      if (ids.value.includes(id)) throw softFailure(`${id} is already a reviewer.`)
      const person = await personOrRefusal(id, signal)
      await addDatasetReviewer(id, signal)
      reviewers.value = [...reviewers.value, { id, person }].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))
    })
  }

  function remove(id: string) {
    return saving.run(async (signal) => {
      await deleteDatasetReviewer(id, signal)
      reviewers.value = reviewers.value.filter((reviewer) => reviewer.id !== id)
    })
  }

  return {
    reviewers,
    countedOver,
    status: reading.status,
    error: reading.error,
    countStatus: counting.status,
    countError: counting.error,
    saveStatus: saving.status,
    saveError: saving.error,
    load,
    countRequests,
    workloadOf,
    add,
    remove,
  }
})

export function nameOf(reviewer: Reviewer): string {
  return reviewer.person?.display_name ?? reviewer.id
}
