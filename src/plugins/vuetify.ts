import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg'
import type { ThemeChoice } from '@/composables/useThemePreference'
import { CONSOLE_THEMES } from '@/plugins/themes'

/** The console's one Vuetify instance: theme, SVG icons and component defaults are set here only. */
export function createConsoleVuetify(defaultTheme: ThemeChoice) {
  return createVuetify({
    theme: {
      defaultTheme,
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
