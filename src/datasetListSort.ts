import type { ListSort } from '@/stores/datasets'

/** The list's columns a header click can sort by, with the order a first click gives. */
export const SORTABLE_COLUMNS = {
  name: { first: 'name-asc', second: 'name-desc' },
  created: { first: 'created-desc', second: 'created-asc' },
  updated: { first: 'updated-desc', second: 'updated-asc' },
} as const satisfies Record<string, { first: ListSort; second: ListSort }>
export type SortableColumn = keyof typeof SORTABLE_COLUMNS

/** A first click sorts the column its usual way (names A to Z, dates newest first); a second reverses it. */
export function nextSortOf(column: SortableColumn, current: ListSort): ListSort {
  const { first, second } = SORTABLE_COLUMNS[column]
  return current === first ? second : first
}

export function ariaSortOf(column: SortableColumn, current: ListSort): 'ascending' | 'descending' | 'none' {
  const { first, second } = SORTABLE_COLUMNS[column]
  if (current !== first && current !== second) return 'none'
  return current.endsWith('-asc') ? 'ascending' : 'descending'
}
