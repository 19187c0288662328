import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { VApp } from 'vuetify/components'
import { h } from 'vue'
import AppConfirmDialog from '@/components/app/AppConfirmDialog.vue'
import { useDialogsStore } from '@/stores/dialogs'
import { createMemoryHistory, createRouter } from 'vue-router'
import { mountWithShell } from './mountWithShell'

let wrapper: VueWrapper | undefined

async function openDialog() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] })
  wrapper = mountWithShell({ render: () => h(VApp, () => h(AppConfirmDialog)) }, { global: { plugins: [router] } })
  await nextTick()
}

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)
  if (!found) throw new Error(`No button named ${name}`)
  return found
}

afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

describe('confirm() with AppConfirmDialog', () => {
  it('shows the question and resolves true on confirm', async () => {
    await openDialog()
    const answer = useDialogsStore().confirm({ title: 'Discard changes?', text: 'Your edits will be lost.', confirmText: 'Discard' })
    await flushPromises()
    expect(document.body.textContent).toContain('Discard changes?')
    expect(document.body.textContent).toContain('Your edits will be lost.')
    button('Discard').click()
    await expect(answer).resolves.toBe(true)
  })

  it('resolves false on cancel', async () => {
    await openDialog()
    const answer = useDialogsStore().confirm({ title: 'Revert?', text: 'Revert to entry 3.' })
    await flushPromises()
    button('Cancel').click()
    await expect(answer).resolves.toBe(false)
  })

  it('answers an older question false when a newer one is asked', async () => {
    await openDialog()
    const { confirm } = useDialogsStore()
    const first = confirm({ title: 'First', text: 'one' })
    const second = confirm({ title: 'Second', text: 'two' })
    await expect(first).resolves.toBe(false)
    await flushPromises()
    expect(document.body.textContent).toContain('Second')
    button('Confirm').click()
    await expect(second).resolves.toBe(true)
  })

  it('lists what the action touches as links; following one answers the question as cancelled', async () => {
    await openDialog()
    const answer = useDialogsStore().confirm({ title: 'Remove?', text: 'Two requests stay open.', links: [{ text: 'Reef survey', to: '/datasets/10378.1/1' }, { text: 'Coral cover', to: '/datasets/10378.1/2' }] })
    await flushPromises()
    const links = [...document.querySelectorAll<HTMLAnchorElement>('#confirm-text a')]
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Reef survey', '/datasets/10378.1/1'], ['Coral cover', '/datasets/10378.1/2']])
    links[0].click()
    await expect(answer).resolves.toBe(false)
  })
})
