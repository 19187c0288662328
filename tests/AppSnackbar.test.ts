import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { VApp } from 'vuetify/components'
import AppSnackbar from '@/components/app/AppSnackbar.vue'
import { useNotifyStore } from '@/stores/notify'
import { mountWithShell } from './mountWithShell'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

describe('AppSnackbar', () => {
  it('shows queued messages one at a time, each dismissible', async () => {
    wrapper = mountWithShell({ render: () => h(VApp, () => h(AppSnackbar)) })
    const notify = useNotifyStore()
    notify.notify('Dataset saved.', 'success')
    notify.notify('Second message.')
    await flushPromises()
    expect(document.body.textContent).toContain('Dataset saved.')
    expect(document.body.textContent).not.toContain('Second message.')
    expect(notify.queue).toHaveLength(1)
    const dismiss = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Dismiss'))
    expect(dismiss).toBeDefined()
  })
})
