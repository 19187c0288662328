import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from '@/App.vue'
import AppConfigErrorPage from '@/components/app/AppConfigErrorPage.vue'
import { loadConfig, setConfig } from '@/config'
import { createConsoleRouter } from '@/router'
import { createConsoleVuetify } from '@/plugins/vuetify'
import { storedThemeChoice } from '@/composables/useThemePreference'
import { connectApiToSession, onSessionEnded } from '@/auth/oidc'
import { useSessionStore } from '@/stores/session'

const vuetify = createConsoleVuetify(storedThemeChoice())
const result = await loadConfig()

if (result.ok) {
  setConfig(result.config)
  connectApiToSession()
  const pinia = createPinia()
  const router = createConsoleRouter()
  // A session that cannot be renewed ends here: back to sign-in, then to the same page.
  onSessionEnded(() => {
    useSessionStore(pinia).end()
    // The session can end while the first navigation is still under way (its guard already passed): wait
    // for it to land, then leave unless it landed on a public page (the guard's own sign-in redirect).
    void router.isReady().then(() => {
      const here = router.currentRoute.value
      if (!here.meta.public) void router.push({ name: 'signin', query: { reason: 'expired', redirect: here.fullPath } })
    })
  })
  createApp(App).use(pinia).use(router).use(vuetify).mount('#app')
} else {
  document.title = 'Configuration problem · Provena Datastore Console'
  createApp(AppConfigErrorPage, { source: result.source, problems: result.problems }).use(vuetify).mount('#app')
}
