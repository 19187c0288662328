import { reactive } from 'vue'
import { defineStore } from 'pinia'
import { fetchOrganisation, fetchPerson } from '@/api/registry'
import { searchRegistry } from '@/api/search'
import { isCancelled, softFailure, toApiError, type ApiError } from '@/api/errors'
import type { AgentKind } from '@/api/models/registry'
import type { AsyncStatus } from './status'

export interface AgentMatch {
  id: string
  name: string
}

/** A pasted handle id (10378.1/1234567) is looked up directly rather than searched for. */
export const HANDLE_ID = /^\d+(\.\d+)*\/\d+$/
const SEARCH_LIMIT = 10

export interface AgentName {
  status: AsyncStatus
  name: string | null
  error: ApiError | null
}

/**
 * Display names of registry Persons and Organisations by id, each fetched once and shared by every view
 * that shows the same id (custodians, publishers, reviewers, requesters).
 */
export const useRegistryAgentsStore = defineStore('registryAgents', () => {
  const agents = reactive<Record<string, AgentName>>({})

  async function load(id: string, kind: AgentKind) {
    agents[id] ??= { status: 'idle', name: null, error: null }
    // Read back through the reactive record: the object assigned above is the raw one, and changing it would not re-render.
    const entry = agents[id]
    entry.status = 'loading'
    entry.error = null
    try {
      const response = kind === 'person' ? await fetchPerson(id) : await fetchOrganisation(id)
      if (!response.item) throw softFailure(response.status.details || `The registry returned no ${kind} for ${id}.`)
      entry.name = response.item.display_name
      entry.status = 'success'
    } catch (caught) {
      entry.error = toApiError(caught)
      entry.status = 'error'
    }
  }

  /** Looks the id up unless it is known or on its way; a failed look-up is tried again only on request. */
  function ensure(id: string, kind: AgentKind) {
    if (!agents[id] || agents[id].status === 'idle') return load(id, kind)
    return Promise.resolve()
  }

  const entryOf = (id: string): AgentName | undefined => agents[id]

  async function fetchName(id: string, kind: AgentKind, signal?: AbortSignal): Promise<string | null> {
    const response = kind === 'person' ? await fetchPerson(id, signal) : await fetchOrganisation(id, signal)
    const name = response.item?.display_name ?? null
    // The wire says which kind it is: a Person id pasted into an organisation picker is no match.
    if (name === null || response.item?.item_subtype !== (kind === 'person' ? 'PERSON' : 'ORGANISATION')) return null
    agents[id] = { status: 'success', name, error: null }
    return name
  }

  /**
   * People or organisations matching `text` for a picker, best first, each with its name (also remembered for
   * every other view). A pasted id is fetched directly. Hits that cannot be read are left out.
   */
  async function search(kind: AgentKind, text: string, signal?: AbortSignal): Promise<AgentMatch[]> {
    const query = text.trim()
    if (HANDLE_ID.test(query)) {
      const name = await fetchName(query, kind, signal).catch((caught: unknown) => {
        if (isCancelled(caught)) throw caught
        return null
      })
      return name ? [{ id: query, name }] : []
    }
    const { results } = await searchRegistry({ query, subtype_filter: kind === 'person' ? 'PERSON' : 'ORGANISATION', record_limit: SEARCH_LIMIT }, signal)
    const named = await Promise.all(
      (results ?? []).map(async ({ id }) => {
        const known = agents[id]?.status === 'success' ? agents[id].name : null
        const name = known ?? (await fetchName(id, kind, signal).catch((caught: unknown) => {
          if (isCancelled(caught)) throw caught
          return null
        }))
        return name ? { id, name } : null
      }),
    )
    return named.filter((match): match is AgentMatch => match !== null)
  }

  return { agents, entryOf, ensure, retry: load, search }
})
