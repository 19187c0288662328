import { computed } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { defaultSort, QUEUE_SORTS, type QueueSort, type QueueView } from '@/reviewQueue'

export interface ApprovalsState {
  view: QueueView
  sort: QueueSort
  filter: string
  page: number
}

const first = (value: LocationQuery[string]) => (Array.isArray(value) ? value[0] : value) ?? ''

/** The view a query asks for, when it is one of `views`; otherwise the first of them. */
export function viewFromQuery(query: LocationQuery, views: QueueView[]): QueueView {
  const asked = first(query.view) as QueueView
  return views.includes(asked) ? asked : views[0]
}

/** The queue's view, sort, filter and page live in the URL, so a reload or a shared link shows the same. */
export function useApprovalsQuery(allowed: () => QueueView[]) {
  const route = useRoute()
  const router = useRouter()

  const state = computed<ApprovalsState>(() => {
    const view = viewFromQuery(route.query, allowed())
    const sort = first(route.query.sort)
    const page = Number(first(route.query.page))
    return {
      view,
      sort: sort in QUEUE_SORTS ? (sort as QueueSort) : defaultSort(view),
      filter: first(route.query.q),
      page: Number.isInteger(page) && page > 1 ? page : 1,
    }
  })

  function update(change: Partial<ApprovalsState>) {
    const next = { ...state.value, ...change }
    // A new view, sort or filter starts at its first page.
    if (change.view !== undefined || change.sort !== undefined || change.filter !== undefined) next.page = change.page ?? 1
    if (change.view !== undefined && change.sort === undefined) next.sort = defaultSort(next.view)
    const query: Record<string, string> = {}
    if (next.view !== allowed()[0]) query.view = next.view
    if (next.sort !== defaultSort(next.view)) query.sort = next.sort
    if (next.filter) query.q = next.filter
    if (next.page > 1) query.page = String(next.page)
    return router.replace({ query })
  }

  return { state, update }
}
