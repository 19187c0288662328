import type { ItemDataset } from '../src/api/models/registry'
import { signIn } from '../server/tests/helpers/sign-in'

/**
 * Reads the seeded store through the real Data Store API with a real token, so tests pick datasets by what
 * they are (versioned, released, locked) instead of hard-coding ids.
 */
export async function seededAs(baseURL: string, username: string) {
  const { access_token } = await signIn(baseURL, username, username)
  const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }

  async function listAll(): Promise<ItemDataset[]> {
    const items: ItemDataset[] = []
    let key: unknown = null
    do {
      const response = await fetch(`${baseURL}/data-store/registry/items/list`, { method: 'POST', headers, body: JSON.stringify({ page_size: 500, pagination_key: key }) })
      const page = (await response.json()) as { items: ItemDataset[]; pagination_key: unknown }
      items.push(...page.items)
      key = page.pagination_key
    } while (key)
    return items
  }

  /**
   * The demo datasets alone, without those tests mint as they run (the seed dates its records at least 30
   * days back), so a test that picks "the steward's first dataset" never gets another test's fresh one.
   */
  async function listSeeded(): Promise<ItemDataset[]> {
    const dayAgo = Date.now() / 1000 - 86_400
    return (await listAll()).filter((item) => item.created_timestamp < dayAgo)
  }

  async function fetchDataset(id: string) {
    const response = await fetch(`${baseURL}/data-store/registry/items/fetch-dataset?handle_id=${encodeURIComponent(id)}`, { headers })
    return (await response.json()) as { item: ItemDataset; roles: string[]; locked: boolean }
  }

  async function displayName(kind: 'person' | 'organisation', id: string): Promise<string> {
    const response = await fetch(`${baseURL}/registry/registry/agent/${kind}/fetch?id=${encodeURIComponent(id)}`, { headers })
    return ((await response.json()) as { item: { display_name: string } }).item.display_name
  }

  /** The first of `items` whose lock state is `locked`. */
  async function findLocked(items: ItemDataset[]) {
    for (const item of items) if ((await fetchDataset(item.id)).locked) return item
    throw new Error('No locked dataset in the seeded store')
  }

  return { listAll, listSeeded, fetchDataset, displayName, findLocked }
}
