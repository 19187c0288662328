import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg'
import type { ThemeChoice } from '@/composables/useThemePreference'
import { CONSOLE_THEMES } from '@/plugins/themes'

/**
 * The nonce the server gave this page load (Vite's `<meta property="csp-nonce">`). Browsers hide the attribute
 * once a policy is in force, so it is read from the element's `nonce` property.
 */
function pageCspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined
}

/** The console's one Vuetify instance: theme, SVG icons and component defaults are set here only. */
export function createConsoleVuetify(defaultTheme: ThemeChoice, cspNonce = pageCspNonce()) {
  return createVuetify({
    theme: {
      defaultTheme,
      // The theme's colours are one <style> element; the page's policy admits it by this nonce.
      cspNonce,
      themes: CONSOLE_THEMES,
    },
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    defaults: {
      VAlert: { variant: 'tonal' },
      VBtn: { rounded: 'lg' },
      VChip: { variant: 'tonal' },
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VTextarea: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
      VAutocomplete: { variant: 'outlined', density: 'comfortable' },
      VCheckbox: { density: 'comfortable', color: 'primary' },
      VSwitch: { density: 'comfortable', color: 'primary', inset: true },
      VCard: { rounded: 'lg' },
    },
  })
}
