import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from '@/App.vue'
import ConfigErrorPage from '@/components/ConfigErrorPage.vue'
import { loadConfig, setConfig } from '@/config'
import { createConsoleRouter } from '@/router'
import { createConsoleVuetify } from '@/plugins/vuetify'
import { storedThemeChoice } from '@/composables/useThemePreference'

const vuetify = createConsoleVuetify(storedThemeChoice())
const result = await loadConfig()

if (result.ok) {
  setConfig(result.config)
  createApp(App).use(createPinia()).use(createConsoleRouter()).use(vuetify).mount('#app')
} else {
  document.title = 'Configuration problem · Provena Datastore Console'
  createApp(ConfigErrorPage, { source: result.source, problems: result.problems }).use(vuetify).mount('#app')
}
