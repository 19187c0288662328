import type { RouteLocationRaw } from 'vue-router'

/** The dataset page of a handle id; the id's slash stays a path separator (/datasets/10378.1/1451860). */
export function datasetRoute(id: string, tab?: string): RouteLocationRaw {
  return { name: 'dataset', params: { id: id.split('/') }, query: tab ? { tab } : {} }
}

/** The handle id a dataset route names. */
export function datasetIdOf(param: string | string[]): string {
  return Array.isArray(param) ? param.join('/') : param
}
