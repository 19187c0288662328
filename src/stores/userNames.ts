import { reactive } from 'vue'
import { defineStore } from 'pinia'
import { lookupUserLink } from '@/api/authApi'
import { useRegistryAgentsStore } from './registryAgents'

export interface UserLink {
  /** `null` while looking up, and for a username with no linked Person (or one that could not be looked up). */
  personId: string | null
  done: boolean
}

/**
 * History and lock entries name users by username; people read names. A username is resolved to its linked
 * registry Person once per session and shared by every entry, so 200 entries by one steward cost one look-up.
 * A failed look-up is not an error the user must act on: the username stays, which is what the wire says.
 */
export const useUserNamesStore = defineStore('userNames', () => {
  const links = reactive<Record<string, UserLink>>({})
  const agents = useRegistryAgentsStore()

  async function resolve(username: string) {
    links[username] = { personId: null, done: false }
    try {
      const link = await lookupUserLink(username)
      const personId = link.success ? (link.person_id ?? null) : null
      links[username] = { personId, done: true }
      if (personId) await agents.ensure(personId, 'person')
    } catch {
      links[username] = { personId: null, done: true }
    }
  }

  function ensure(username: string) {
    if (!links[username]) void resolve(username)
  }

  /** The person's name once known; otherwise null and the caller shows the username. */
  function nameOf(username: string): string | null {
    const personId = links[username]?.personId
    const agent = personId ? agents.entryOf(personId) : undefined
    return agent?.status === 'success' ? agent.name : null
  }

  return { links, ensure, nameOf }
})
