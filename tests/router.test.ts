import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createConsoleRouter } from '@/router'
import { NAV_ENTRIES } from '@/navigation'

describe('route table', () => {
  it('has a page for every navigation entry, each titled', async () => {
    const router = createConsoleRouter(createMemoryHistory())
    for (const entry of NAV_ENTRIES) {
      await router.push(entry.to)
      expect(router.currentRoute.value.name).not.toBe('not-found')
      expect(document.title).toBe(`${entry.title} · Provena Datastore Console`)
    }
  })

  it('sends / to the datasets and anything unknown to the not-found page', async () => {
    const router = createConsoleRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('datasets')
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
    expect(document.title).toBe('Page not found · Provena Datastore Console')
  })
})
