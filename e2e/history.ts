import type { CollectionFormat } from '../src/api/models/registry'
import { apiAs, type FreshDataset } from './fixtures'

export interface Fetched {
  item: { history: { id: number; reason: string }[]; collection_format: CollectionFormat }
}

/** A second history entry: a keyword added, one removed and the description reworded, through the API. */
export async function editThroughApi(baseURL: string, dataset: FreshDataset) {
  const api = await apiAs(baseURL, dataset.owner)
  const path = `/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(dataset.id)}`
  const before = (await api.call<Fetched>('GET', path)).item.collection_format
  const after = structuredClone(before)
  after.dataset_info.keywords = ['keyword1', 'coral']
  after.dataset_info.description = `${before.dataset_info.description} over the southern reefs, with revised forcing`
  after.dataset_info.name = `${before.dataset_info.name} (renamed)`
  const query = `handle_id=${encodeURIComponent(dataset.id)}&reason=${encodeURIComponent('Keywords and wording')}`
  await api.call('POST', `/data-store/register/update-metadata?${query}`, after)
  return { api, path, before }
}

