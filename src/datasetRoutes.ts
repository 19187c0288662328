import type { RouteLocationRaw } from 'vue-router'

/** The dataset page's tabs, in order; the value is what the URL's `tab` holds. */
export const DATASET_TABS = [
  { value: 'overview', title: 'Overview' },
  { value: 'metadata', title: 'Metadata' },
  { value: 'history', title: 'History' },
  { value: 'timeline', title: 'Timeline' },
  { value: 'versions', title: 'Versions' },
  { value: 'release', title: 'Release' },
  { value: 'access', title: 'Data access' },
  { value: 'settings', title: 'Settings' },
] as const
export type DatasetTab = (typeof DATASET_TABS)[number]['value']

export function datasetTabOf(value: unknown): DatasetTab {
  return DATASET_TABS.find((tab) => tab.value === value)?.value ?? 'overview'
}

/** The dataset page of a handle id; the id's slash stays a path separator (/datasets/10378.1/1451860). */
export function datasetRoute(id: string, tab?: DatasetTab, query: Record<string, string> = {}): RouteLocationRaw {
  return { name: 'dataset', params: { id: id.split('/') }, query: tab && tab !== 'overview' ? { tab, ...query } : query }
}

/** The handle id a dataset route names. */
export function datasetIdOf(param: string | string[]): string {
  return Array.isArray(param) ? param.join('/') : param
}

/** The metadata editor of a dataset. */
export function datasetEditRoute(id: string, query: Record<string, string> = {}): RouteLocationRaw {
  return { name: 'dataset-edit', params: { id: id.split('/') }, query }
}

