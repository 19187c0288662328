import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useNotifyStore } from '@/stores/notify'

describe('useNotifyStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('queues messages in order, errors staying until dismissed', () => {
    const notify = useNotifyStore()
    notify.notify('Saved.', 'success')
    notify.notify('Could not save: the server is down.', 'error')
    notify.notify('Heads up.')
    expect(notify.queue).toEqual([
      { text: 'Saved.', color: 'success', timeout: 6000 },
      { text: 'Could not save: the server is down.', color: 'error', timeout: -1 },
      { text: 'Heads up.', color: 'info', timeout: 6000 },
    ])
  })
})
