import { afterEach, describe, expect, it } from 'vitest'
import { h, nextTick } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { VApp } from 'vuetify/components'
import AppReasonDialog from '@/components/app/AppReasonDialog.vue'
import { readReasonDraft, removeReasonDraftsOf, useDialogsStore, writeReasonDraft } from '@/stores/dialogs'
import { parseConfig, setConfig } from '@/config'
import { storedUserKey } from '@/auth/storedUser'
import { mountWithShell } from './mountWithShell'

let wrapper: VueWrapper | undefined

async function mountDialog() {
  wrapper = mountWithShell({ render: () => h(VApp, () => h(AppReasonDialog)) })
  await nextTick()
  return useDialogsStore()
}

function button(name: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)
  if (!found) throw new Error(`No button named ${name}`)
  return found
}

const field = () => document.querySelector<HTMLTextAreaElement>('textarea')!

async function type(text: string) {
  field().value = text
  field().dispatchEvent(new Event('input'))
  await flushPromises()
}

afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

describe('askReason() with AppReasonDialog', () => {
  it('keeps a reason under its draft key through a cancel until the caller forgets it', async () => {
    localStorage.clear()
    const dialogs = await mountDialog()
    const options = { title: 'Create a new version?', label: 'Reason for the new version', points: ['It gets a new handle.'], draftKey: 'version:10378.1/1' }
    const first = dialogs.askReason(options)
    await flushPromises()
    expect(document.body.textContent).toContain('It gets a new handle.')
    await type('Annual refresh of the sensors')
    button('Cancel').click()
    await expect(first).resolves.toBeNull()
    // Asked again, as after a failed attempt or a reload: the text is offered back.
    const second = dialogs.askReason(options)
    await flushPromises()
    expect(field().value).toBe('Annual refresh of the sensors')
    button('Save').click()
    await expect(second).resolves.toBe('Annual refresh of the sensors')
    dialogs.forgetReasonDraft('version:10378.1/1')
    void dialogs.askReason(options)
    await flushPromises()
    expect(field().value).toBe('')
  })

  it('keeps drafts on this device per signed-in user, through a closed tab, and forgets them at sign-out', () => {
    localStorage.clear()
    setConfig(parseConfig({ dataStoreApi: 'http://s.test/d', registryApi: 'http://s.test/r', authApi: 'http://s.test/a', searchApi: 'http://s.test/s', oidc: { authority: 'http://s.test/auth', clientId: 'c' } }).config!)
    const signIn = (username: string) => sessionStorage.setItem(storedUserKey(), JSON.stringify({ access_token: 't', profile: { preferred_username: username } }))
    signIn('steward')
    writeReasonDraft('decision:10378.1/1', 'Needs a licence')
    // A new tab has no session storage but the same local storage: the draft is there once signed in again.
    sessionStorage.clear()
    signIn('steward')
    expect(readReasonDraft('decision:10378.1/1')).toBe('Needs a licence')
    signIn('reviewer')
    expect(readReasonDraft('decision:10378.1/1')).toBeNull()
    removeReasonDraftsOf('steward')
    signIn('steward')
    expect(readReasonDraft('decision:10378.1/1')).toBeNull()
    sessionStorage.clear()
  })

  it('shows the question with its label and prefill, and resolves to the trimmed reason', async () => {
    const dialogs = await mountDialog()
    const answer = dialogs.askReason({ title: 'Revert the metadata', label: 'Reason for the revert', text: 'Recorded in the history.', prefill: 'Revert to entry 3: ', confirmText: 'Revert' })
    await flushPromises()
    expect(document.body.textContent).toContain('Revert the metadata')
    expect(document.body.textContent).toContain('Recorded in the history.')
    const label = document.querySelector(`label[for="${field().id}"]`)
    expect(label?.textContent).toContain('Reason for the revert')
    expect(field().value).toBe('Revert to entry 3: ')
    await type('  Revert to entry 3: the licence was wrong  ')
    button('Revert').click()
    await expect(answer).resolves.toBe('Revert to entry 3: the licence was wrong')
  })

  it('refuses a reason shorter than asked, says why, and keeps the text', async () => {
    const dialogs = await mountDialog()
    let settled = false
    const answer = dialogs.askReason({ title: 'Lock', label: 'Reason', minLength: 10 })
    void answer.then(() => (settled = true))
    await flushPromises()
    await type('short')
    button('Save').click()
    await flushPromises()
    expect(settled).toBe(false)
    expect(document.body.textContent).toContain('Give a reason of at least 10 characters.')
    expect(field().value).toBe('short')
    await type('long enough now')
    button('Save').click()
    await expect(answer).resolves.toBe('long enough now')
  })

  it('an empty reason is refused even with no minimum given', async () => {
    const dialogs = await mountDialog()
    void dialogs.askReason({ title: 'Update', label: 'Reason' })
    await flushPromises()
    await type('   ')
    button('Save').click()
    await flushPromises()
    expect(document.body.textContent).toContain('Give a reason.')
    expect(dialogs.open?.kind).toBe('reason')
  })

  it('resolves null on cancel and when a newer question is asked', async () => {
    const dialogs = await mountDialog()
    const first = dialogs.askReason({ title: 'First', label: 'Reason' })
    const second = dialogs.askReason({ title: 'Second', label: 'Reason' })
    await expect(first).resolves.toBeNull()
    await flushPromises()
    button('Cancel').click()
    await expect(second).resolves.toBeNull()
    expect(dialogs.open).toBeNull()
  })

  it('gives focus back to the control that asked once it closes', async () => {
    const dialogs = await mountDialog()
    const opener = document.createElement('button')
    opener.textContent = 'Lock dataset'
    document.body.append(opener)
    opener.focus()
    const answer = dialogs.askReason({ title: 'Lock', label: 'Reason' })
    await flushPromises()
    field().focus()
    expect(document.activeElement).toBe(field())
    button('Cancel').click()
    await answer
    await flushPromises()
    await nextTick()
    expect(document.activeElement).toBe(opener)
  })
})
