import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { createConsoleRouter } from '@/router'
import { NAV_ENTRIES } from '@/navigation'
import { useSessionStore } from '@/stores/session'

/** A session as the store holds it after load(), without a browser sign-in. */
function signedInWith(roles: string[]) {
  const session = useSessionStore()
  session.claims = { username: 'steward', name: 'Sam Steward', email: null, roles, expiresAt: null }
  session.status = 'success'
}

beforeEach(() => setActivePinia(createPinia()))

describe('route table and guards', () => {
  // The first navigation to each page compiles its view and everything it imports: on a busy 2-core
  // machine that alone can take several seconds, so this test gets room beyond the default 5 s.
  it('has a titled page for every navigation entry, open to a steward', async () => {
    signedInWith(['entity-registry-read', 'entity-registry-write'])
    const router = createConsoleRouter(createMemoryHistory())
    for (const entry of NAV_ENTRIES) {
      await router.push(entry.to)
      expect(router.currentRoute.value.name).toBe((entry.to as { name: string }).name)
      expect(document.title).toBe(`${entry.title} · Provena Datastore Console`)
    }
  }, 30_000)

  it('sends / to the datasets and anything unknown to the not-found page, signed in or not', async () => {
    signedInWith(['entity-registry-read'])
    const router = createConsoleRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('datasets')
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
    expect(document.title).toBe('Page not found · Provena Datastore Console')
  })

  it("opens Provena's own dataset links on the matching tab, the handle's slash kept", async () => {
    signedInWith(['entity-registry-read'])
    const router = createConsoleRouter(createMemoryHistory())
    await router.push('/dataset/10378.1/1451860?view=approvals')
    expect(router.currentRoute.value.fullPath).toBe('/datasets/10378.1/1451860?tab=release')
    await router.push('/dataset/10378.1/1451860')
    expect(router.currentRoute.value.fullPath).toBe('/datasets/10378.1/1451860')
    await router.push('/dataset/10378.1/1451860?view=lineage')
    expect(router.currentRoute.value.fullPath).toBe('/datasets/10378.1/1451860')
  })

  it("lands Provena's other legacy paths on the matching console page", async () => {
    signedInWith(['entity-registry-read', 'entity-registry-write'])
    const router = createConsoleRouter(createMemoryHistory())
    const lands = async (from: string) => {
      await router.push(from)
      return router.currentRoute.value.fullPath
    }
    expect(await lands('/approval-action/10378.1/1451860')).toBe('/approvals/10378.1/1451860')
    expect(await lands('/approval-submission/10378.1/1451860')).toBe('/datasets/10378.1/1451860?tab=release')
    expect(await lands('/update-dataset/10378.1/1451860')).toBe('/datasets/10378.1/1451860/edit')
    expect(await lands('/clone-dataset/10378.1/1451860')).toBe('/datasets/new?from=10378.1/1451860')
    expect(await lands('/new_dataset')).toBe('/datasets/new')
  })

  it('sends a signed-out visitor to sign in, remembering the page', async () => {
    useSessionStore().status = 'success'
    const router = createConsoleRouter(createMemoryHistory())
    await router.push('/approvals?x=1')
    expect(router.currentRoute.value.name).toBe('signin')
    expect(router.currentRoute.value.query).toEqual({ redirect: '/approvals?x=1' })
  })

  it('says the session ended when it could not be renewed', async () => {
    const session = useSessionStore()
    session.end()
    session.status = 'success'
    const router = createConsoleRouter(createMemoryHistory())
    await router.push('/datasets')
    expect(router.currentRoute.value.query).toEqual({ redirect: '/datasets', reason: 'expired' })
  })

  it('names the missing realm roles instead of opening a page the user may not use', async () => {
    signedInWith(['entity-registry-read'])
    const router = createConsoleRouter(createMemoryHistory())
    await router.push('/register')
    expect(router.currentRoute.value.name).toBe('access-needed')
    expect(router.currentRoute.value.query).toEqual({ page: 'Register dataset', roles: 'entity-registry-write' })
  })
})
