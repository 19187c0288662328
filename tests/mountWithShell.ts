import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createVuetify } from 'vuetify'
import * as components from 'vuetify/components'
import * as directives from 'vuetify/directives'
import type { Component } from 'vue'

/** Mounts a component with real Vuetify and a fresh Pinia, attached to the document for dialogs. */
export function mountWithShell(component: Component, options: Parameters<typeof mount>[1] = {}) {
  const vuetify = createVuetify({ components, directives })
  return mount(component, {
    attachTo: document.body,
    ...options,
    global: { ...options.global, plugins: [vuetify, createPinia(), ...(options.global?.plugins ?? [])] },
  })
}
