import { computed } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { LIST_SORTS, PAGE_SIZES, type ListSort } from '@/stores/datasets'

/** Everything that decides what the dataset list shows; kept in the URL so reloads and links restore it. */
export interface DatasetListState {
  sort: ListSort
  pageSize: number
  uriPrefix: string
  search: string
  filter: string
}

export const DEFAULT_LIST_STATE: DatasetListState = { sort: 'updated-desc', pageSize: 20, uriPrefix: '', search: '', filter: '' }

const first = (value: LocationQuery[string]) => (Array.isArray(value) ? value[0] : value) ?? ''

/** The longest query kept from a link (the search field takes no more either). */
export const SEARCH_QUERY_MAX = 200

/** A % that starts no escape: the browser could not decode the link, so it is no URI prefix anyone meant. */
export const malformedPrefix = (value: string) => /%(?![0-9A-Fa-f]{2})/.test(value)

export function stateFromQuery(query: LocationQuery): DatasetListState {
  const sort = first(query.sort)
  const size = Number(first(query.size))
  return {
    sort: sort in LIST_SORTS ? (sort as ListSort) : DEFAULT_LIST_STATE.sort,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_LIST_STATE.pageSize,
    uriPrefix: malformedPrefix(first(query.uri)) ? '' : first(query.uri),
    search: first(query.search).slice(0, SEARCH_QUERY_MAX),
    filter: first(query.filter),
  }
}

/** Only what differs from the defaults, so shared links stay short. */
export function queryFromState(state: DatasetListState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.sort !== DEFAULT_LIST_STATE.sort) query.sort = state.sort
  if (state.pageSize !== DEFAULT_LIST_STATE.pageSize) query.size = String(state.pageSize)
  if (state.uriPrefix) query.uri = state.uriPrefix
  if (state.search) query.search = state.search
  if (state.filter) query.filter = state.filter
  return query
}

export function useDatasetListQuery() {
  const route = useRoute()
  const router = useRouter()
  const state = computed(() => stateFromQuery(route.query))
  /** The link's access-URI filter when it was malformed and so not applied; null otherwise. */
  const ignoredUri = computed(() => (malformedPrefix(first(route.query.uri)) ? first(route.query.uri) : null))

  /** Changes of what is loaded get a history entry (back undoes them); typing in the quick filter does not. */
  function update(change: Partial<DatasetListState>, options: { replace?: boolean } = {}) {
    const query = queryFromState({ ...state.value, ...change })
    return options.replace ? router.replace({ query }) : router.push({ query })
  }

  return { state, update, ignoredUri }
}
