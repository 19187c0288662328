import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import MetadataFormKeyValues from '@/components/metadata/MetadataFormKeyValues.vue'
import { mountWithShell } from './mountWithShell'

let wrapper: VueWrapper | undefined
/** What the widget last wrote to its model. */
let written: Record<string, string> | undefined
afterEach(() => wrapper?.unmount())

const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`key_${i + 1}`, `value ${i + 1}`]))
const keyInputs = () => [...document.querySelectorAll<HTMLInputElement>('input')].filter((input) => /^field-extra-key-\d+$/.test(input.id))

function mountWith(value: Record<string, string>) {
  wrapper = mountWithShell(MetadataFormKeyValues, {
    props: { id: 'field-extra', label: 'Custom User Metadata', errors: [], modelValue: value,
      'onUpdate:modelValue': (next: Record<string, string> | undefined) => {
        written = next
        void wrapper!.setProps({ modelValue: next })
      },
    },
  })
  return wrapper
}

async function type(input: HTMLInputElement, text: string) {
  input.value = text
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('MetadataFormKeyValues', () => {
  it('shows a long list a page at a time, numbered in the whole list', async () => {
    mountWith(entries(45))
    await flushPromises()
    expect(keyInputs().map((input) => input.value)).toEqual(Array.from({ length: 20 }, (_, i) => `key_${i + 1}`))
    expect(document.body.textContent).toContain('45 shown in pages of 20')
  })

  it('filters by key or value and edits the entry found without touching the others', async () => {
    mountWith(entries(45))
    await flushPromises()
    const filter = document.querySelector<HTMLInputElement>('input:not([id^="field-extra-key"])')!
    await type(filter, 'value 37')
    expect(keyInputs().map((input) => input.id)).toEqual(['field-extra-key-37'])
    await type(keyInputs()[0], 'renamed')
    expect(Object.keys(written ?? {})).toHaveLength(45)
    expect(written?.renamed).toBe('value 37')
    expect(written?.key_37).toBeUndefined()
  })

  it('adds an entry on the last page and focuses its key', async () => {
    mountWith(entries(45))
    await flushPromises()
    const add = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Add an entry'))!
    add.click()
    await flushPromises()
    expect(keyInputs().map((input) => input.id).at(-1)).toBe('field-extra-key-46')
    expect(document.activeElement?.id).toBe('field-extra-key-46')
  })

  it('keeps a short list on one page with no filter', async () => {
    mountWith(entries(3))
    await flushPromises()
    expect(keyInputs()).toHaveLength(3)
    expect(document.body.textContent).not.toContain('Filter')
  })
})
