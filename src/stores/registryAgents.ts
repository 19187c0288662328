import { reactive } from 'vue'
import { defineStore } from 'pinia'
import { fetchOrganisation, fetchPerson } from '@/api/registry'
import { softFailure, toApiError, type ApiError } from '@/api/errors'
import type { AgentKind } from '@/api/models/registry'
import type { AsyncStatus } from './status'

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

  return { agents, entryOf, ensure, retry: load }
})
